package io.factum.kafka.testbroker;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the one {@link TestBroker} of this test run: started by the first test that asks for it,
 * stopped when the run ends (the root context's store closes it). Use with
 * {@code @ExtendWith(TestBrokerExtension.class)} and a {@code TestBroker} parameter.
 */
public final class TestBrokerExtension implements ParameterResolver {

    private static final Object KEY = TestBroker.class;

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KEY, key -> new Running(TestBroker.start()), Running.class).broker;
    }

    /** Closes the broker with the root context. */
    private record Running(TestBroker broker) implements AutoCloseable {
        @Override
        public void close() {
            broker.close();
        }
    }
}
