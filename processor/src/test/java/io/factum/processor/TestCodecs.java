package io.factum.processor;

import io.factum.processor.base.GeneratedNames;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * TEST-ONLY STAND-INS for the codecs that the event step ({@code io.factum.processor.event}, owned
 * by another helper) generates. Until that step is merged it generates none, so the aggregate
 * types generated in these tests would not compile without them. At merge time set
 * {@link #EVENT_STEP_GENERATES_CODECS} to true and every test uses the generated codecs instead.
 */
public final class TestCodecs {

    /** Flip when the event step generates {@code <Record>Codec} classes. */
    public static final boolean EVENT_STEP_GENERATES_CODECS = true;

    private TestCodecs() {}

    /**
     * A hand-written {@code <record>Codec} for a record whose components are all {@code String}s,
     * following the naming contract ({@code GeneratedNames.codecOf}, {@code public static final INSTANCE}).
     */
    public static List<JavaFileObject> forStringRecord(String packageName, String record, String... components) {
        if (EVENT_STEP_GENERATES_CODECS) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(List.of(
                "package " + packageName + ";",
                "",
                "/** TEST CODEC: hand-written stand-in for the generated one. */",
                "public final class " + record + "Codec implements io.factum.event.EventCodec<" + record + "> {",
                "    public static final " + record + "Codec INSTANCE = new " + record + "Codec();",
                "    @Override",
                "    public void write(tools.jackson.core.JsonGenerator generator, " + record + " value) {",
                "        generator.writeStartObject();"));
        for (String component : components) {
            lines.add("        generator.writeStringProperty(\"" + component + "\", value." + component + "());");
        }
        lines.addAll(List.of(
                "        generator.writeEndObject();",
                "    }",
                "    @Override",
                "    public " + record + " read(tools.jackson.core.JsonParser parser) {"));
        for (String component : components) {
            lines.add("        String " + component + " = null;");
        }
        lines.addAll(List.of(
                "        for (String name = parser.nextName(); name != null; name = parser.nextName()) {",
                "            parser.nextToken();",
                "            switch (name) {"));
        for (String component : components) {
            lines.add("                case \"" + component + "\" -> " + component + " = parser.getString();");
        }
        lines.addAll(List.of(
                "                default -> parser.skipChildren();",
                "            }",
                "        }",
                "        return new " + record + "(" + String.join(", ", components) + ");",
                "    }",
                "}"));
        return List.of(Compilations.source(packageName + "." + record + "Codec", lines.toArray(new String[0])));
    }

    /**
     * A codec that compiles but reads and writes nothing: enough for code that only needs the
     * {@code <record>Codec.INSTANCE} symbol (commands, dispatch), not JSON.
     */
    public static List<JavaFileObject> stub(String packageName, String record) {
        if (EVENT_STEP_GENERATES_CODECS) {
            return List.of();
        }
        return List.of(Compilations.source(packageName + "." + record + "Codec",
                "package " + packageName + ";",
                "/** TEST CODEC STUB: stands in for the generated one; encodes nothing. */",
                "public final class " + record + "Codec implements io.factum.event.EventCodec<" + record + "> {",
                "    public static final " + record + "Codec INSTANCE = new " + record + "Codec();",
                "    @Override",
                "    public void write(tools.jackson.core.JsonGenerator generator, " + record + " value) {",
                "        throw new UnsupportedOperationException(\"test stub\");",
                "    }",
                "    @Override",
                "    public " + record + " read(tools.jackson.core.JsonParser parser) {",
                "        throw new UnsupportedOperationException(\"test stub\");",
                "    }",
                "}"));
    }
}
