/**
 * The event bus as the application sees it: publishing deferred until the Spring transaction commits
 * ({@link io.factum.spring.boot.bus.AfterCommitEventBus}). Depends on the runtime and spring-tx.
 */
package io.factum.spring.boot.bus;
