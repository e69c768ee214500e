package io.factum.testing;

import io.factum.aggregate.AggregateRoot;
import io.factum.aggregate.AggregateType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a command did in an {@link AggregateFixture}: the events it recorded, or the exception it
 * threw. Each {@code expect} method throws an {@link AssertionError} that shows expected and actual,
 * and returns this outcome so expectations can be chained.
 *
 * @param <A> the aggregate class
 * @param <E> its event family
 */
public final class Outcome<A extends AggregateRoot<E>, E> {

    private final AggregateType<A, E> type;
    private final A aggregate;
    private final List<E> events;
    private final Exception error;

    Outcome(AggregateType<A, E> type, A aggregate, List<E> events, Exception error) {
        this.type = type;
        this.aggregate = aggregate;
        this.events = List.copyOf(events);
        this.error = error;
    }

    /** Expects the command to succeed and to record exactly these events, in this order. */
    @SafeVarargs
    public final Outcome<A, E> expectEvents(E... expected) {
        List<E> list = new ArrayList<>(expected.length);
        for (E event : expected) { // element by element: javac's varargs lint flags passing the array on
            list.add(event);
        }
        return expectEvents(list);
    }

    /** Expects the command to succeed and to record exactly these events, in this order. */
    public Outcome<A, E> expectEvents(List<? extends E> expected) {
        requireSuccess("expected " + count(expected.size()) + listing(expected));
        if (!events.equals(expected)) {
            throw new AssertionError("The command recorded other events than expected"
                    + firstDifference(expected) + "\nExpected " + count(expected.size()) + listing(expected)
                    + "\nActual " + count(events.size()) + listing(events));
        }
        return this;
    }

    /** Expects the command to succeed without recording anything. */
    public Outcome<A, E> expectNoEvents() {
        return expectEvents(List.of());
    }

    /** Expects the command to throw {@code errorType} (or a subclass). */
    public Outcome<A, E> expectError(Class<? extends Throwable> errorType) {
        Objects.requireNonNull(errorType, "errorType");
        if (error == null) {
            throw new AssertionError("Expected the command to throw " + errorType.getName()
                    + ", but it succeeded and recorded " + count(events.size()) + listing(events));
        }
        if (!errorType.isInstance(error)) {
            throw new AssertionError("Expected the command to throw " + errorType.getName() + ", but it threw "
                    + describe(error), error);
        }
        return this;
    }

    /** Expects the command to throw {@code errorType} (or a subclass) with exactly this message. */
    public Outcome<A, E> expectError(Class<? extends Throwable> errorType, String message) {
        expectError(errorType);
        if (!Objects.equals(error.getMessage(), message)) {
            throw new AssertionError("Expected the command to throw " + errorType.getName() + " with message\n  "
                    + message + "\nbut the message was\n  " + error.getMessage(), error);
        }
        return this;
    }

    /** Expects the command to succeed, then runs {@code assertions} on the aggregate's state. */
    public Outcome<A, E> expectState(Consumer<? super A> assertions) {
        requireSuccess("expected to check the state of " + type.name());
        assertions.accept(aggregate);
        return this;
    }

    /** The aggregate after the command; null if a creation command threw. */
    public A aggregate() {
        return aggregate;
    }

    /** The events the command recorded, oldest first. */
    public List<E> events() {
        return events;
    }

    /** What the command threw, or null. */
    public Exception error() {
        return error;
    }

    private void requireSuccess(String expectation) {
        if (error != null) {
            throw new AssertionError("The command threw " + describe(error) + "\nbut " + expectation, error);
        }
    }

    private String firstDifference(List<? extends E> expected) {
        int common = Math.min(expected.size(), events.size());
        for (int i = 0; i < common; i++) {
            if (!Objects.equals(expected.get(i), events.get(i))) {
                return " (first difference at #" + (i + 1) + ")";
            }
        }
        return "";
    }

    private static String describe(Throwable error) {
        return error.getClass().getName() + ": " + error.getMessage();
    }

    private static String count(int size) {
        return size == 1 ? "1 event" : size + " events";
    }

    private static String listing(List<?> events) {
        if (events.isEmpty()) {
            return ".";
        }
        StringBuilder sb = new StringBuilder(":");
        for (int i = 0; i < events.size(); i++) {
            sb.append("\n  ").append(i + 1).append(". ").append(events.get(i));
        }
        return sb.toString();
    }
}
