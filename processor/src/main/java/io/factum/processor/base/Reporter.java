package io.factum.processor.base;

import java.io.PrintWriter;
import java.io.StringWriter;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;

/**
 * Prints diagnostics: validation reports (each once, item by item, on the most specific element)
 * and the processor's own failures. Remembers how many errors it printed, so the end of the
 * compilation can tell whether anything failed at all.
 */
public final class Reporter {
    private final Messager messager;
    private int errorCount;

    public Reporter(Messager messager) {
        this.messager = messager;
    }

    /** Prints every item of {@code report} and its subreports. */
    public void print(ValidationReport report) {
        for (ValidationReport.Item item : report.allItems()) {
            if (item.kind() == javax.tools.Diagnostic.Kind.ERROR) {
                errorCount++;
            }
            if (item.element() == null) {
                messager.printMessage(item.kind(), item.text());
            } else if (item.mirror() == null) {
                messager.printMessage(item.kind(), item.text(), item.element());
            } else if (item.value() == null) {
                messager.printMessage(item.kind(), item.text(), item.element(), item.mirror());
            } else {
                messager.printMessage(item.kind(), item.text(), item.element(), item.mirror(), item.value());
            }
        }
    }

    /** Prints one diagnostic that belongs to no validation, e.g. a module written too early. */
    public void print(Element element, Message message, Object... args) {
        print(ValidationReport.about(element).add(element, message, args).build());
    }

    /** Reports an unexpected exception on {@code element} (or on none) with its stack trace. */
    public void internalError(Element element, Throwable t) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        print(element, Message.INTERNAL_ERROR, trace);
    }

    /**
     * Runs one element's work so that nothing escapes {@code process()}: an unexpected exception
     * is reported on the element and the other elements carry on. {@link MissingTypeException}
     * is not caught: the step defers the element.
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

    /** Errors printed in the whole compilation so far. */
    public int errorCount() {
        return errorCount;
    }
}
