package io.factum.example.shared;

/** Input that is malformed before any rule can be checked: a bad id, amount or currency. */
public class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }
}
