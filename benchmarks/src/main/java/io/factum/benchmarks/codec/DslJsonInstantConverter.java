package io.factum.benchmarks.codec;

import com.dslplatform.json.JavaTimeConverter;
import com.dslplatform.json.JsonConverter;
import com.dslplatform.json.JsonReader;
import com.dslplatform.json.JsonWriter;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * DSL-JSON's converter for {@link Instant}, which it does not support itself (its Javadoc of
 * {@code @JsonConverter} names {@code Instant} as the example). Its generated converters call these static
 * methods directly, so there is one converter per compilation; which of the two ways it works is fixed per JVM
 * by the system property {@value #PROPERTY}:
 *
 * <ul>
 *   <li>unset: DSL-JSON's own byte-level date-time code ({@link JavaTimeConverter}, as an {@code OffsetDateTime}
 *       in UTC), the fastest way and the default;</li>
 *   <li>{@code jdk}: the JDK's text, {@code Instant.toString} and {@code Instant.parse}.</li>
 * </ul>
 *
 * <p>{@code DslJsonJdkInstantBenchmark} forks its JVM with the property set. Both ways write what the JDK writes
 * for the benchmark's instants (microseconds, or whole seconds); for other fractions DSL-JSON's own code drops
 * trailing zeros the JDK keeps ({@code .12} against {@code .120}).
 */
@JsonConverter(target = Instant.class)
public abstract class DslJsonInstantConverter {

    /** The system property that selects the JDK's text; read once, when this class is initialised. */
    public static final String PROPERTY = "factum.bench.dslJsonInstant";

    /** Whether this JVM converts through the JDK's text ({@code -Dfactum.bench.dslJsonInstant=jdk}). */
    public static final boolean JDK_TEXT = "jdk".equals(System.getProperty(PROPERTY));

    private DslJsonInstantConverter() {}

    public static Instant read(JsonReader<?> reader) throws IOException {
        if (reader.wasNull()) {
            return null;
        }
        return JDK_TEXT ? readJdkText(reader) : readOwnDateTime(reader);
    }

    public static void write(JsonWriter writer, Instant value) {
        if (value == null) {
            writer.writeNull();
        } else if (JDK_TEXT) {
            writeJdkText(writer, value);
        } else {
            writeOwnDateTime(writer, value);
        }
    }

    static Instant readJdkText(JsonReader<?> reader) throws IOException {
        return Instant.parse(reader.readSimpleString());
    }

    static Instant readOwnDateTime(JsonReader<?> reader) throws IOException {
        return JavaTimeConverter.deserializeDateTime(reader).toInstant();
    }

    static void writeJdkText(JsonWriter writer, Instant value) {
        writer.writeByte(JsonWriter.QUOTE);
        writer.writeAscii(value.toString());
        writer.writeByte(JsonWriter.QUOTE);
    }

    static void writeOwnDateTime(JsonWriter writer, Instant value) {
        JavaTimeConverter.serialize(OffsetDateTime.ofInstant(value, ZoneOffset.UTC), writer);
    }
}
