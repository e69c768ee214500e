package io.factum.processor;

import java.io.PrintWriter;
import java.io.StringWriter;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
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

    /** An error on one value of an annotation, e.g. one entry of {@code @Aggregate(ignores = {...})}. */
    public void error(Element element, AnnotationMirror annotation, AnnotationValue value, Message message, Object... args) {
        errorCount++;
        messager.printMessage(Diagnostic.Kind.ERROR, message.format(args), element, annotation, value);
    }

    /** An error that belongs to no element, e.g. an invalid processor option. */
    public void error(Message message, Object... args) {
        errorCount++;
        messager.printMessage(Diagnostic.Kind.ERROR, message.format(args));
    }

    public void warning(Element element, Message message, Object... args) {
        messager.printMessage(Diagnostic.Kind.WARNING, message.format(args), element);
    }

    /** A warning that belongs to no element, e.g. about the schema lock file. */
    public void warning(Message message, Object... args) {
        messager.printMessage(Diagnostic.Kind.WARNING, message.format(args));
    }

    /** Reports an unexpected exception on {@code element} with its stack trace. */
    public void internalError(Element element, Throwable t) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        if (element == null) {
            error(Message.INTERNAL_ERROR, trace);
        } else {
            error(element, Message.INTERNAL_ERROR, trace);
        }
    }

    /**
     * Runs one element's work so that nothing escapes {@code process()}: an unexpected exception
     * is reported on the element and the other elements carry on. {@link MissingTypeException}
     * is not caught: steps catch it themselves to defer the element.
     *
     * @return true if the work completed
     */
    public boolean guard(Element element, Runnable work) {
        try {
            work.run();
            return true;
        } catch (MissingTypeException e) {
            throw e;
        } catch (RuntimeException | LinkageError | AssertionError e) {
            internalError(element, e);
            return false;
        }
    }

    /** Total errors reported so far; compare before and after validating an element. */
    public int errorCount() {
        return errorCount;
    }
}
