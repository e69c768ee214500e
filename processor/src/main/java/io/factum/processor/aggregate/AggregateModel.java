package io.factum.processor.aggregate;

import com.palantir.javapoet.ClassName;
import io.factum.processor.base.GeneratedNames;
import io.factum.processor.event.EventFamily;
import io.factum.processor.event.EventModel;
import java.util.List;

/**
 * A valid {@code @Aggregate} class, as {@link AggregateTypeGenerator} needs it.
 *
 * @param aggregateClass the aggregate
 * @param name           the aggregate name (stream-id prefix)
 * @param family         the event family (type argument of {@code AggregateRoot})
 * @param familyKind     how the family is declared
 * @param applied        the events with an {@code @Apply} method, in family order
 * @param ignored        the events listed in {@code @Aggregate(ignores)}
 * @param snapshot       its snapshot declaration; null if it declares none
 */
public record AggregateModel(
        ClassName aggregateClass,
        String name,
        ClassName family,
        EventFamily.Kind familyKind,
        List<AppliedEvent> applied,
        List<EventModel> ignored,
        SnapshotModel snapshot) {

    /** One {@code @Apply} method: {@code aggregate.<method>(event)}. */
    public record AppliedEvent(EventModel event, String method) {}

    public AggregateModel {
        applied = List.copyOf(applied);
        ignored = List.copyOf(ignored);
    }

    /** The generated {@code <Name>AggregateType}. */
    public ClassName typeClass() {
        return GeneratedNames.aggregateTypeOf(aggregateClass);
    }
}
