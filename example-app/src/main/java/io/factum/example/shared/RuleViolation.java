package io.factum.example.shared;

/**
 * A command broke a business rule ("Only confirmed orders can be paid"). Thrown by aggregates
 * before they record anything, so nothing is stored; the message is written for the user.
 */
public class RuleViolation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RuleViolation(String message) {
        super(message);
    }
}
