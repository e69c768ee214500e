package io.factum.processor.event;

import static io.factum.processor.testing.ProcessorTesting.classLoader;
import static io.factum.processor.testing.ProcessorTesting.compileCleanly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.JavaFileObjects;
import io.factum.codec.Json;
import io.factum.event.EventCodec;
import io.factum.event.EventDecodingException;
import io.factum.personal.InMemorySubjectKeyStore;
import io.factum.personal.MasterKey;
import io.factum.personal.PersonalData;
import io.factum.personal.PersonalDataDecodingException;
import io.factum.personal.SubjectForgottenException;
import io.factum.personal.SubjectKeys;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generated codecs with {@code @PersonalData}: sealed on write (both halves, byte level and Jackson), opened on
 * read, replacements once the subject is forgotten, the subject read after the values, moved values refused.
 * Compiled with {@code -Xlint:all} and no warning allowed.
 */
class PersonalDataCodecTest {

    private static final JavaFileObject REGISTERED = JavaFileObjects.forSourceString("test.CustomerRegistered", """
            package test;

            import io.factum.annotation.*;
            import java.util.*;

            @Event(name = "CustomerRegistered")
            public record CustomerRegistered(
                    @DataSubject String customerId,
                    @PersonalData(forgotten = "(forgotten)") String name,
                    @PersonalData Optional<String> email,
                    @PersonalData @Nullable String phone,
                    @PersonalData List<String> aliases,
                    @PersonalData Optional<Address> address,
                    String plan) {

                public static CustomerRegistered sample() {
                    return new CustomerRegistered("c-1", "Ada Lovelace", Optional.of("ada@example.com"), "+44 20 7946 0000",
                            List.of("Countess", "Enchantress of Numbers"), Optional.of(new Address("12 St James's Square", "London")),
                            "gold");
                }

                public static CustomerRegistered sparse() {
                    return new CustomerRegistered("c-2", "Bob", Optional.empty(), null, List.of(), Optional.empty(), "free");
                }
            }
            """);
    private static final JavaFileObject ADDRESS = JavaFileObjects.forSourceString("test.Address",
            "package test;\npublic record Address(String street, String city) {}\n");
    private static final JavaFileObject NULLABLE = JavaFileObjects.forSourceString("test.Nullable",
            "package test;\npublic @interface Nullable {}\n");
    private static final JavaFileObject TAGGED = JavaFileObjects.forSourceString("test.Tagged", """
            package test;

            import io.factum.annotation.*;
            import java.util.*;

            @Event
            public record Tagged(@PersonalData Optional<String> note, @DataSubject UUID id, @DataSubject long unused) {}
            """);

    static final ClassLoader LOADER = classLoader(compileCleanly(REGISTERED, ADDRESS, NULLABLE));
    static final EventCodec<Object> CODEC = codec("test.CustomerRegisteredCodec");
    private static final String[] PLAINTEXT = {"Ada", "Lovelace", "ada@example", "7946", "Countess", "Enchantress",
            "James", "London"};

    private final InMemorySubjectKeyStore store = new InMemorySubjectKeyStore();
    private final SubjectKeys keys = SubjectKeys.of(store, MasterKey.of(new byte[32]));
    private final PersonalData.Installed installed = PersonalData.use(keys);

    @AfterEach
    void uninstall() {
        installed.close();
    }

    @SuppressWarnings("unchecked")
    private static EventCodec<Object> codec(String name) {
        try {
            return (EventCodec<Object>) LOADER.loadClass(name).getField("INSTANCE").get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    static Object sample(String method) {
        try {
            return LOADER.loadClass("test.CustomerRegistered").getMethod(method).invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    static Object component(Object record, String name) {
        try {
            return record.getClass().getMethod(name).invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** The Jackson half alone, as the registry falls back to it. */
    private static byte[] encodeWithJackson(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = Json.FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            CODEC.write(generator, value);
        }
        return out.toByteArray();
    }

    private static Object decodeWithJackson(byte[] json) {
        try (JsonParser parser = Json.FACTORY.createParser(ObjectReadContext.empty(), json)) {
            parser.nextToken();
            return CODEC.read(parser);
        }
    }

    private static void assertNoPlaintext(byte[] json) {
        String text = new String(json, StandardCharsets.UTF_8);
        for (String secret : PLAINTEXT) {
            assertThat(text).as("payload %s", text).doesNotContain(secret);
        }
    }

    @Test
    void personalValuesAreSealedPlainOnesStayQueryableAndBothHalvesRoundTrip() {
        Object event = sample("sample");
        byte[] bytes = Json.encode(CODEC, event);
        byte[] jackson = encodeWithJackson(event);
        assertNoPlaintext(bytes);
        assertNoPlaintext(jackson);

        JsonNode tree = JsonMapper.builder().build().readTree(bytes);  // still valid JSON
        assertThat(tree.get("customerId").asString()).isEqualTo("c-1");
        assertThat(tree.get("plan").asString()).isEqualTo("gold");
        for (String personal : List.of("name", "email", "phone", "aliases", "address")) {
            assertThat(tree.get(personal).asString()).startsWith("pd1:A256GCM:");
        }

        assertThat(Json.decode(CODEC, bytes, "CustomerRegistered")).isEqualTo(event);
        assertThat(decodeWithJackson(bytes)).isEqualTo(event);
        assertThat(Json.decode(CODEC, jackson, "CustomerRegistered")).isEqualTo(event);
        assertThat(decodeWithJackson(jackson)).isEqualTo(event);
    }

    @Test
    void absentValuesAreWrittenAsPlainNullAndEmptyCollectionsAreSealed() {
        Object event = sample("sparse");
        JsonNode tree = JsonMapper.builder().build().readTree(Json.encode(CODEC, event));
        assertThat(tree.get("email").isNull()).isTrue();
        assertThat(tree.get("phone").isNull()).isTrue();
        assertThat(tree.get("address").isNull()).isTrue();
        assertThat(tree.get("aliases").asString()).startsWith("pd1:");
        assertThat(Json.decode(CODEC, Json.encode(CODEC, event), "CustomerRegistered")).isEqualTo(event);
    }

    @Test
    void afterForgetEveryPersonalComponentReadsAsItsReplacementOnBothHalves() {
        Object event = sample("sample");
        byte[] stored = Json.encode(CODEC, event);
        keys.forget("c-1");

        for (Object forgotten : List.of(Json.decode(CODEC, stored, "CustomerRegistered"), decodeWithJackson(stored))) {
            assertThat(component(forgotten, "customerId")).isEqualTo("c-1");
            assertThat(component(forgotten, "name")).isEqualTo("(forgotten)");
            assertThat(component(forgotten, "email")).isEqualTo(Optional.empty());
            assertThat(component(forgotten, "phone")).isNull();
            assertThat(component(forgotten, "aliases")).isEqualTo(List.of());
            assertThat(component(forgotten, "address")).isEqualTo(Optional.empty());
            assertThat(component(forgotten, "plan")).isEqualTo("gold");
        }
        assertThatThrownBy(() -> Json.encode(CODEC, event)).isInstanceOf(SubjectForgottenException.class)
                .hasMessageContaining("'c-1'");
    }

    @Test
    void theSubjectMayComeAfterThePersonalValues() {
        Object event = sample("sample");
        ObjectNode tree = (ObjectNode) JsonMapper.builder().build().readTree(Json.encode(CODEC, event));
        ObjectNode reordered = tree.objectNode();
        List<String> names = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.properties().iterator(); it.hasNext(); ) {
            names.add(it.next().getKey());
        }
        for (int i = names.size() - 1; i >= 0; i--) {
            reordered.set(names.get(i), tree.get(names.get(i)));
        }
        byte[] json = JsonMapper.builder().build().writeValueAsBytes(reordered);
        assertThat(new String(json, StandardCharsets.UTF_8)).endsWith("\"customerId\":\"c-1\"}");
        assertThat(Json.decode(CODEC, json, "CustomerRegistered")).isEqualTo(event);
    }

    @Test
    void aSealedValueMovedToAnotherPropertyOrSubjectIsADecodingErrorNamingIt() {
        ObjectNode tree = (ObjectNode) JsonMapper.builder().build().readTree(Json.encode(CODEC, sample("sample")));
        ObjectNode moved = tree.deepCopy();
        moved.set("name", tree.get("email"));
        assertThatThrownBy(() -> Json.decode(CODEC, JsonMapper.builder().build().writeValueAsBytes(moved), "CustomerRegistered"))
                .isInstanceOf(PersonalDataDecodingException.class)
                .hasMessageContaining("CustomerRegistered").hasMessageContaining("'name'").hasMessageContaining("'c-1'");

        Json.encode(CODEC, sample("sparse"));  // c-2 gets a key
        ObjectNode otherSubject = tree.deepCopy();
        otherSubject.put("customerId", "c-2");
        assertThatThrownBy(() -> Json.decode(CODEC, JsonMapper.builder().build().writeValueAsBytes(otherSubject), "CustomerRegistered"))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("'c-2'");
    }

    @Test
    void aPlainValueWhereASealedOneBelongsIsAnErrorThatDoesNotEchoIt() {
        ObjectNode tree = (ObjectNode) JsonMapper.builder().build().readTree(Json.encode(CODEC, sample("sample")));
        tree.put("email", "ada@example.com");
        assertThatThrownBy(() -> Json.decode(CODEC, JsonMapper.builder().build().writeValueAsBytes(tree), "CustomerRegistered"))
                .isInstanceOf(PersonalDataDecodingException.class)
                .hasMessageContaining("'email'").hasMessageContaining("upcaster").hasMessageNotContaining("ada@");
    }

    @Test
    void twoSubjectsInOneEventStillFailToCompile() {
        // (sanity: TAGGED declares two subjects; the codec test fixtures above compile only valid events)
        assertThat(io.factum.processor.testing.ProcessorTesting.compile(TAGGED).errors()).hasSize(1);
    }
}
