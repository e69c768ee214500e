package io.factum.processor.event;

import com.palantir.javapoet.ClassName;
import io.factum.processor.base.AnnotationMirrors;
import io.factum.processor.base.FactumAnnotations;
import io.factum.processor.base.GeneratedNames;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * A valid {@code @Event} record, as later generation steps need it. Built by
 * {@link EventStep}; generators never look at the element again.
 *
 * @param recordClass  the event record
 * @param storedName   the stored type name
 * @param version      the schema version
 * @param codecClass   the generated codec ({@code <Record>Codec}, with a static {@code INSTANCE})
 */
public record EventModel(ClassName recordClass, String storedName, int version, ClassName codecClass) {

    /**
     * Reads the identity of an {@code @Event} record — from source or from a class file of another
     * compilation unit, since {@code @Event} has CLASS retention. Null if the type has no {@code @Event}.
     */
    public static EventModel identityOf(TypeElement record) {
        AnnotationMirror event = AnnotationMirrors.find(record, FactumAnnotations.EVENT);
        if (event == null) {
            return null;
        }
        ClassName recordClass = ClassName.get(record);
        String name = (String) AnnotationMirrors.value(event, "name");
        Integer version = (Integer) AnnotationMirrors.value(event, "version");
        return new EventModel(recordClass,
                name == null || name.isEmpty() ? record.getSimpleName().toString() : name,
                version == null ? 1 : version,
                GeneratedNames.codecOf(recordClass));
    }
}
