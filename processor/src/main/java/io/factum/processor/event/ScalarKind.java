package io.factum.processor.event;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;

/**
 * The single-value JSON types a codec reads and writes directly. Each knows its Java type (primitive and
 * boxed where there are two), how it is written and which {@code CodecSupport} method reads it.
 */
enum ScalarKind {
    STRING(ClassName.get(String.class), null, "String", "readString", "$N.writeString($L)"),
    BOOLEAN(ClassName.get(Boolean.class), TypeName.BOOLEAN, "Boolean", "readBoolean", "$N.writeBoolean($L)"),
    CHAR(ClassName.get(Character.class), TypeName.CHAR, "Char", "readChar", "$T.writeChar($N, $L)"),
    BYTE(ClassName.get(Byte.class), TypeName.BYTE, "Byte", "readByte", "$N.writeNumber($L)"),
    SHORT(ClassName.get(Short.class), TypeName.SHORT, "Short", "readShort", "$N.writeNumber($L)"),
    INT(ClassName.get(Integer.class), TypeName.INT, "Int", "readInt", "$N.writeNumber($L)"),
    LONG(ClassName.get(Long.class), TypeName.LONG, "Long", "readLong", "$N.writeNumber($L)"),
    FLOAT(ClassName.get(Float.class), TypeName.FLOAT, "Float", "readFloat", "$N.writeNumber($L)"),
    DOUBLE(ClassName.get(Double.class), TypeName.DOUBLE, "Double", "readDouble", "$N.writeNumber($L)"),
    BIG_DECIMAL(ClassName.get("java.math", "BigDecimal"), null, "BigDecimal", "readBigDecimal", "$N.writeNumber($L)"),
    BIG_INTEGER(ClassName.get("java.math", "BigInteger"), null, "BigInteger", "readBigInteger", "$N.writeNumber($L)"),
    UUID(ClassName.get("java.util", "UUID"), null, "Uuid", "readUuid", "$N.writeString($L.toString())"),
    INSTANT(ClassName.get("java.time", "Instant"), null, "Instant", "readInstant", "$T.writeInstant($N, $L)"),
    LOCAL_DATE(ClassName.get("java.time", "LocalDate"), null, "LocalDate", "readLocalDate", "$N.writeString($L.toString())"),
    LOCAL_DATE_TIME(ClassName.get("java.time", "LocalDateTime"), null, "LocalDateTime", "readLocalDateTime",
            "$T.writeLocalDateTime($N, $L)"),
    OFFSET_DATE_TIME(ClassName.get("java.time", "OffsetDateTime"), null, "OffsetDateTime", "readOffsetDateTime",
            "$T.writeOffsetDateTime($N, $L)"),
    DURATION(ClassName.get("java.time", "Duration"), null, "Duration", "readDuration", "$N.writeString($L.toString())");

    private final ClassName boxed;
    private final TypeName primitive;
    private final String displayName;
    private final String readMethod;
    private final String writeFormat;

    ScalarKind(ClassName boxed, TypeName primitive, String displayName, String readMethod, String writeFormat) {
        this.boxed = boxed;
        this.primitive = primitive;
        this.displayName = displayName;
        this.readMethod = readMethod;
        this.writeFormat = writeFormat;
    }

    /** The class type ({@code Integer} for ints). */
    ClassName boxed() {
        return boxed;
    }

    /** The primitive type, or null if there is none. */
    TypeName primitive() {
        return primitive;
    }

    /** Used to name generated helper methods: {@code readListOfInt}. */
    String displayName() {
        return displayName;
    }

    /** The {@code CodecSupport} method that reads one non-null value. */
    String readMethod() {
        return readMethod;
    }

    /** Whether {@link #writeFormat()} starts with {@code CodecSupport} ({@code $T}) rather than the generator. */
    boolean writtenBySupport() {
        return writeFormat.startsWith("$T");
    }

    /** Writes {@code $L} (a non-null value) with the generator {@code $N}. */
    String writeFormat() {
        return writeFormat;
    }

    /** The kind of a qualified class name (boxes included), or null. */
    static ScalarKind ofClass(String qualifiedName) {
        for (ScalarKind kind : values()) {
            if (kind.boxed.canonicalName().equals(qualifiedName)) {
                return kind;
            }
        }
        return null;
    }
}
