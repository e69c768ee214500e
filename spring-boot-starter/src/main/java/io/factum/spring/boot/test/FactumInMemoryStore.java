package io.factum.spring.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * On a {@code @SpringBootTest} class: run the context on the in-memory event store
 * ({@code factum.store.type=memory}), whatever {@code DataSource} the application has, so each test
 * context starts empty and nothing touches a database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@TestPropertySource(properties = "factum.store.type=memory")
public @interface FactumInMemoryStore {}
