package io.factum.processor.base;

import javax.lang.model.element.Element;

/**
 * Thrown while modelling an element that refers to a type javac cannot resolve yet, typically
 * one another processor generates in this round. The step remembers the element and retries it
 * in the next round; if the type is still missing in the last round, it reports
 * {@link Message#UNRESOLVED_REFERENCE} on {@link #element()}: defer, don't guess.
 */
public final class MissingTypeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Element element;
    private final String typeName;

    public MissingTypeException(Element element, String typeName) {
        super(typeName + " is not resolved yet", null, false, false);
        this.element = element;
        this.typeName = typeName;
    }

    /** The most specific element that refers to the missing type (a parameter, a method, the class). */
    public Element element() {
        return element;
    }

    /** The missing type as javac prints it. */
    public String typeName() {
        return typeName;
    }
}
