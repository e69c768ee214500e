package io.factum.processor.base;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * What validating one element found: a value, printed once by {@link Reporter#print}. A step asks
 * {@link #isClean()} instead of counting errors; a check of a part (one method, one component) builds
 * a report of its own and adds it as a subreport. Model: Dagger's {@code ValidationReport}.
 */
public final class ValidationReport {

    /**
     * One diagnostic, on the most specific element (and annotation mirror and value, where there are).
     *
     * @param message the catalogue entry, which knows its {@link Diagnostic.Kind}
     * @param text    the formatted text, with its id prefix
     * @param element where it is reported; null for a diagnostic about no element (e.g. a processor option)
     * @param mirror  the annotation on {@code element} it is about, or null
     * @param value   the value in {@code mirror} it is about, or null
     */
    public record Item(Message message, String text, Element element, AnnotationMirror mirror, AnnotationValue value) {

        public Diagnostic.Kind kind() {
            return message.kind();
        }
    }

    private final Element subject;
    private final List<Item> items;
    private final List<ValidationReport> subreports;
    private final boolean blocked;

    private ValidationReport(Element subject, List<Item> items, List<ValidationReport> subreports, boolean blocked) {
        this.subject = subject;
        this.items = List.copyOf(items);
        this.subreports = List.copyOf(subreports);
        this.blocked = blocked;
    }

    /** A report about {@code subject} (null for one about the whole compilation). */
    public static Builder about(Element subject) {
        return new Builder(subject);
    }

    public Element subject() {
        return subject;
    }

    /** This report's own items, without those of its subreports. */
    public List<Item> items() {
        return items;
    }

    public List<ValidationReport> subreports() {
        return subreports;
    }

    /** Every item of this report and its subreports, in the order they were found. */
    public List<Item> allItems() {
        List<Item> all = new ArrayList<>(items);
        subreports.forEach(sub -> all.addAll(sub.allItems()));
        return all;
    }

    /** Whether neither this report nor a subreport holds an error or depends on a type that failed. */
    public boolean isClean() {
        if (blocked) {
            return false;
        }
        for (Item item : items) {
            if (item.kind() == Diagnostic.Kind.ERROR) {
                return false;
            }
        }
        for (ValidationReport sub : subreports) {
            if (!sub.isClean()) {
                return false;
            }
        }
        return true;
    }

    /** Collects the items of one report while an element is validated. */
    public static final class Builder {
        private final Element subject;
        private final List<Item> items = new ArrayList<>();
        private final List<ValidationReport> subreports = new ArrayList<>();
        private boolean blocked;

        private Builder(Element subject) {
            this.subject = subject;
        }

        /** {@code message} on {@code element}. */
        public Builder add(Element element, Message message, Object... args) {
            return add(element, null, null, message, args);
        }

        /** {@code message} on {@code annotation} of {@code element}. */
        public Builder add(Element element, AnnotationMirror annotation, Message message, Object... args) {
            return add(element, annotation, null, message, args);
        }

        /** {@code message} on one value of an annotation, e.g. one entry of {@code @Aggregate(ignores = {...})}. */
        public Builder add(Element element, AnnotationMirror annotation, AnnotationValue value, Message message, Object... args) {
            items.add(new Item(message, message.format(args), element, annotation, value));
            return this;
        }

        /** {@code message} about no element, e.g. the schema lock file. */
        public Builder addGlobal(Message message, Object... args) {
            return add(null, null, null, message, args);
        }

        /**
         * The subject depends on {@code type}, whose own errors are reported on it: the subject is not valid
         * either, but says nothing more (one mistake, one error).
         */
        public Builder blockedBy(TypeElement type) {
            blocked = true;
            return this;
        }

        public Builder addSubreport(ValidationReport report) {
            subreports.add(report);
            return this;
        }

        /** Whether nothing added so far is an error. */
        public boolean isClean() {
            return build().isClean();
        }

        public ValidationReport build() {
            return new ValidationReport(subject, items, subreports, blocked);
        }
    }
}
