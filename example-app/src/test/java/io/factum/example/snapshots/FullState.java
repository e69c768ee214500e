package io.factum.example.snapshots;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-only: every instance field of an aggregate (its own and its base classes', AggregateRoot's bookkeeping
 * too, except the cached type), so that "load with snapshots ≡ load without" compares the whole state, not only
 * what the snapshot record holds. Reflection is fine here: this is test code.
 */
final class FullState {

    private FullState() {}

    static Map<String, Object> of(Object aggregate) {
        Map<String, Object> state = new LinkedHashMap<>();
        for (Class<?> c = aggregate.getClass(); c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getName().equals("type")) {
                    continue;
                }
                field.setAccessible(true);
                try {
                    state.put(c.getSimpleName() + "." + field.getName(), field.get(aggregate));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return state;
    }

    /** An event without its {@code Instant} components (commands stamp them with the clock), for comparing behaviour. */
    static List<Object> withoutTimes(List<?> events) {
        List<Object> stripped = new ArrayList<>();
        for (Object event : events) {
            List<Object> values = new ArrayList<>();
            values.add(event.getClass().getSimpleName());
            for (RecordComponent component : event.getClass().getRecordComponents()) {
                if (component.getType() == Instant.class) {
                    continue;
                }
                try {
                    values.add(component.getAccessor().invoke(event));
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
            stripped.add(values);
        }
        return stripped;
    }
}
