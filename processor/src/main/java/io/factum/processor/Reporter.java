package io.factum.processor;

import java.io.PrintWriter;
import java.io.StringWriter;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports diagnostics on the most specific element (and annotation mirror, where there is one)
 * and remembers whether anything failed, so callers can abandon just that element.
 */
public final class Reporter {
    private final Messager messager;
    private int errorCount;

    public Reporter(Messager messager) {
        this.messager = messager;
    }

    public void error(Element element, Message message, Object... args) {
        errorCount++;
        messager.printMessage(Diagnostic.Kind.ERROR, message.format(args), element);
    }

    public void error(Element element, AnnotationMirror annotation, Message message, Object... args) {
        errorCount++;
        messager.printMessage(Diagnostic.Kind.ERROR, message.format(args), element, annotation);
    }

    public void warning(Element element, Message message, Object... args) {
        messager.printMessage(Diagnostic.Kind.WARNING, message.format(args), element);
    }

    /** Reports an unexpected exception on {@code element} with its stack trace. */
    public void internalError(Element element, Throwable t) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        error(element, Message.INTERNAL_ERROR, trace);
    }

    /** Total errors reported so far; compare before and after validating an element. */
    public int errorCount() {
        return errorCount;
    }
}
