/**
 * Test support for {@code @SpringBootTest}s of Factum applications: {@link io.factum.spring.boot.test.FactumInMemoryStore}
 * runs the context on the in-memory store, {@link io.factum.spring.boot.test.FactumFixtures} makes
 * {@code AggregateFixture}s of the context's repositories. Depends on spring-test (optional).
 */
package io.factum.spring.boot.test;
