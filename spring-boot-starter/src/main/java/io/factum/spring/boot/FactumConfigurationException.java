package io.factum.spring.boot;

import io.factum.FactumException;

/**
 * Factum cannot start as configured: {@link #description()} says what was found, {@link #action()} what
 * to configure instead. Spring Boot prints both at start-up ({@link FactumConfigurationFailureAnalyzer}).
 */
public class FactumConfigurationException extends FactumException {
    private static final long serialVersionUID = 1L;

    private final String description;
    private final String action;

    public FactumConfigurationException(String description, String action) {
        super(description + " " + action);
        this.description = description;
        this.action = action;
    }

    /** What is wrong. */
    public String description() {
        return description;
    }

    /** What to configure. */
    public String action() {
        return action;
    }
}
