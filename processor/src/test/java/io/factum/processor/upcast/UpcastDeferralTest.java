package io.factum.processor.upcast;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.factum.processor.upcast.UpcastSources.V1;
import static io.factum.processor.upcast.UpcastSources.V2;
import static io.factum.processor.upcast.UpcastSources.V3;
import static io.factum.processor.upcast.UpcastSources.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import io.factum.processor.FactumProcessor;
import io.factum.processor.FirstRoundSources;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.assertj.core.api.Assertions;
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

    @Test
    void aClassWhoseMethodWaitsForAGeneratedRecordGeneratesEveryUpcasterOnceItExists() {
        JavaFileObject steps = source("Steps", """
                final class Steps {
                    @Upcast
                    static OrderCreatedV2 upcast(OrderCreatedV1 old) {
                        return new OrderCreatedV2(old.orderId(), old.customer(), null);
                    }

                    @Upcast
                    static OrderCreated addChannel(OrderCreatedV2 old) {
                        return new OrderCreated(old.orderId(), old.customerName(), old.email(), "web");
                    }
                }
                """);

        Compilation compilation = Compiler.javac()
                .withProcessors(new FactumProcessor(), generatesOldRecord())
                .withOptions("-Xlint:all,-processing")
                .compile(V2, V3, steps);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.example.OrderCreatedV1Upcaster");
        assertThat(compilation).generatedSourceFile("com.example.OrderCreatedV2Upcaster");
    }

    /** The valid sibling of a method whose type never resolves is no missing upcaster: one mistake, one error. */
    @Test
    void aValidSiblingOfAMethodWhoseTypeNeverResolvesIsNotReportedAsMissing() {
        JavaFileObject steps = source("Steps", """
                final class Steps {
                    @Upcast
                    static OrderCreatedV2 unknown(OrderCreatedV0 old) {
                        return null;
                    }

                    @Upcast
                    static OrderCreatedV2 upcast(OrderCreatedV1 old) {
                        return new OrderCreatedV2(old.orderId(), old.customer(), null);
                    }
                }
                """);

        Compilation compilation = UpcastSources.compile(V1, V2, steps);

        assertThat(compilation).hadErrorContaining("[Factum/UpcastUnresolved] @Upcast method Steps.unknown(OrderCreatedV0)")
                .inFile(steps).onLineContaining("static OrderCreatedV2 unknown(");
        Assertions.assertThat(factumErrors(compilation)).hasSize(1);
    }

    private static List<String> factumErrors(Compilation compilation) {
        return compilation.errors().stream()
                .map(error -> error.getMessage(null))
                .filter(message -> message.contains("[Factum/"))
                .toList();
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
