package io.factum.spring.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a {@link FactumConfigurationException} as Spring Boot's "APPLICATION FAILED TO START" report. */
public class FactumConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<FactumConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, FactumConfigurationException cause) {
        return new FailureAnalysis(cause.description(), cause.action(), cause);
    }
}
