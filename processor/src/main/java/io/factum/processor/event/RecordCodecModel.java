package io.factum.processor.event;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * Everything needed to generate the codec of one record (an {@code @Event} or a record nested in one).
 *
 * @param recordClass the record
 * @param codecClass  the generated codec
 * @param typeLabel   names the record in errors: the stored name of an event, the simple name of a nested record
 * @param properties  the components, in declaration order (the canonical constructor's order)
 */
record RecordCodecModel(ClassName recordClass, ClassName codecClass, String typeLabel, List<PropertyModel> properties) {

    RecordCodecModel {
        properties = List.copyOf(properties);
    }
}
