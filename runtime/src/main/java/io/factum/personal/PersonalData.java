package io.factum.personal;

import java.util.Objects;

/**
 * Where generated codecs find the {@link SubjectKeys}: set once at startup with {@link #use}. Codecs are
 * stateless singletons reached from every path that reads or writes events (the registry, aggregate replay,
 * the Kafka relay, snapshots), none of which carries a context, and a process has one master key; so the keys
 * live here (see "Personal data" in {@code docs/design-decisions.md}).
 */
public final class PersonalData {

    private static volatile SubjectKeys keys;

    private PersonalData() {}

    /**
     * Makes generated codecs seal and open personal data with {@code subjectKeys}. Returns a handle whose
     * {@code close()} puts back what was there before (for tests; applications call this once).
     */
    public static Installed use(SubjectKeys subjectKeys) {
        Objects.requireNonNull(subjectKeys, "subjectKeys");
        SubjectKeys previous = keys;
        keys = subjectKeys;
        return () -> keys = previous;
    }

    /** The component {@code property} of {@code eventType} (its stored name), for a generated codec's constant. */
    public static PersonalField field(String eventType, String property) {
        return new PersonalField(Objects.requireNonNull(eventType, "eventType"), Objects.requireNonNull(property, "property"));
    }

    /** A {@code @DataSubject} value as the subject's text (a {@code UUID}, {@code long} or {@code int}); null for null. */
    public static String subjectText(Object subject) {
        return subject == null ? null : subject.toString();
    }

    /** The keys given to {@link #use}. */
    static SubjectKeys keys() {
        SubjectKeys current = keys;
        if (current == null) {
            throw new PersonalDataNotConfiguredException();
        }
        return current;
    }

    /** Undoes a {@link #use}. */
    @FunctionalInterface
    public interface Installed extends AutoCloseable {
        @Override
        void close();
    }
}
