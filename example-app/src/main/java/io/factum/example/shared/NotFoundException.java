package io.factum.example.shared;

/** A command names an order, customer, account or transfer that does not exist. */
public class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String what, String id) {
        super(what + " '" + id + "' does not exist");
    }
}
