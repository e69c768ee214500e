package io.factum.processor.upcast;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.factum.processor.upcast.UpcastSources.V2;
import static io.factum.processor.upcast.UpcastSources.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import io.factum.processor.FactumProcessor;
import io.factum.processor.FirstRoundSources;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** An @Upcast method whose old record another processor generates: deferred to the round where it exists. */
class UpcastDeferralTest {

    private static final JavaFileObject UPCAST = source("Steps", """
            final class Steps {
                @Upcast
                static OrderCreatedV2 upcast(OrderCreatedV1 old) {
                    return new OrderCreatedV2(old.orderId(), old.customer(), null);
                }
            }
            """);

    @Test
    void anUpcasterOfAGeneratedRecordIsGeneratedOnceTheRecordExists() {
        Compilation compilation = Compiler.javac()
                .withProcessors(generatesOldRecord(), new FactumProcessor())
                .withOptions("-Xlint:all,-processing")
                .compile(V2, UPCAST);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.example.OrderCreatedV1Upcaster");
    }

    /** Writes {@code com.example.OrderCreatedV1} in the first round, as a code generator might. */
    private static FirstRoundSources generatesOldRecord() {
        return new FirstRoundSources(Map.of("com.example.OrderCreatedV1", """
                package com.example;

                @io.factum.annotation.Event(name = "OrderCreated", version = 1)
                public record OrderCreatedV1(String orderId, String customer) {}
                """));
    }
}
