package io.factum.processor.base;

import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The runtime's annotations that the processor reads, by name: the processor never loads runtime classes.
 */
public final class FactumAnnotations {
    public static final String EVENT = "io.factum.annotation.Event";
    public static final String AGGREGATE = "io.factum.annotation.Aggregate";
    public static final String APPLY = "io.factum.annotation.Apply";
    public static final String SUBSCRIBE = "io.factum.annotation.Subscribe";
    public static final String UPCAST = "io.factum.annotation.Upcast";
    public static final String EVENT_ROUTER = "io.factum.annotation.EventRouter";
    public static final String PERSONAL_DATA = "io.factum.annotation.PersonalData";
    public static final String DATA_SUBJECT = "io.factum.annotation.DataSubject";

    private FactumAnnotations() {}

    /** Whether {@code element} is a record annotated with {@code @Event}. */
    public static boolean isEventRecord(Element element) {
        return element.getKind() == ElementKind.RECORD && AnnotationMirrors.find(element, EVENT) != null;
    }

    /** The elements of this round annotated with {@code annotation}; none if the annotation is not on the class path. */
    public static Set<? extends Element> annotatedIn(RoundEnvironment round, Elements elements, String annotation) {
        TypeElement type = elements.getTypeElement(annotation);
        return type == null ? Set.of() : round.getElementsAnnotatedWith(type);
    }
}
