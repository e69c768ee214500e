package io.factum.processor.event;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.factum.processor.testing.ProcessorTesting.compile;
import static io.factum.processor.testing.ProcessorTesting.compileCleanly;
import static io.factum.processor.testing.ProcessorTesting.compileRecording;
import static io.factum.processor.testing.ProcessorTesting.source;

import com.google.testing.compile.Compilation;
import io.factum.processor.testing.ProcessorTesting.Recorded;
import javax.tools.JavaFileObject;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** Every error about @PersonalData and @DataSubject: message, file and line, one error per mistake, nothing generated. */
class PersonalDataValidationTest {

    /** {@code test.Registered} with one component per line, from line 7 on. */
    private static JavaFileObject event(String... components) {
        String[] lines = new String[6 + components.length];
        lines[0] = "package test;";
        lines[1] = "import io.factum.annotation.*;";
        lines[2] = "import java.util.*;";
        lines[3] = "";
        lines[4] = "@Event";
        lines[5] = "public record Registered(";
        for (int i = 0; i < components.length; i++) {
            lines[6 + i] = "        " + components[i] + (i + 1 < components.length ? "," : ") {}");
        }
        return source("test.Registered", lines);
    }

    private static final JavaFileObject NULLABLE = source("test.Nullable", "package test;", "public @interface Nullable {}");

    private static void assertOneError(JavaFileObject file, String message, int line) {
        Recorded recorded = compileRecording(file, NULLABLE);
        Compilation compilation = recorded.compilation();
        assertThat(compilation).hadErrorContaining(message).inFile(file).onLine(line);
        assertThat(compilation).hadErrorCount(1);
        Assertions.assertThat(recorded.generatedSources()).as("nothing generated for an invalid event").isEmpty();
    }

    @Test
    void everyWayToDeclareAReplacementCompilesCleanly() {
        compileCleanly(event(
                "@DataSubject String customerId",
                "@PersonalData(forgotten = \"(forgotten)\") String name",
                "@PersonalData Optional<String> email",
                "@PersonalData @Nullable String phone",
                "@PersonalData List<String> aliases",
                "@PersonalData Map<String, String> notes",
                "@PersonalData Optional<Address> address",
                "String plan"), NULLABLE, source("test.Address", "package test;", "public record Address(String street, String city) {}"));
    }

    @Test
    void subjectsMayBeUuidsAndNumbers() {
        compileCleanly(event("@DataSubject UUID customerId", "@PersonalData Optional<String> email"));
        compileCleanly(event("@DataSubject long customerId", "@PersonalData Optional<String> email"));
        compileCleanly(event("@DataSubject Integer customerId", "@PersonalData Optional<String> email"));
    }

    @Test
    void personalDataWithoutASubjectIsOneError() {
        assertOneError(event(
                        "String customerId",
                        "@PersonalData Optional<String> email",
                        "@PersonalData Optional<String> name"),
                "[Factum/PersonalDataNoSubject] component 'email' is @PersonalData, but Registered has no @DataSubject", 8);
    }

    @Test
    void aSubjectOfAnUnsupportedTypeIsAnError() {
        assertOneError(event("@DataSubject java.time.Instant customerId", "@PersonalData Optional<String> email"),
                "[Factum/DataSubjectType] @DataSubject component 'customerId' has type java.time.Instant;"
                        + " a data subject is a required String, UUID, long or int", 7);
    }

    @Test
    void anOptionalOrNullableSubjectIsAnError() {
        assertOneError(event("@DataSubject Optional<String> customerId", "@PersonalData Optional<String> email"),
                "[Factum/DataSubjectType] @DataSubject component 'customerId' has type java.util.Optional<java.lang.String>", 7);
        assertOneError(event("@DataSubject @Nullable String customerId", "@PersonalData Optional<String> email"),
                "[Factum/DataSubjectType]", 7);
    }

    @Test
    void twoSubjectsAreAnErrorOnTheSecond() {
        assertOneError(event("@DataSubject String customerId", "@DataSubject String partnerId", "@PersonalData Optional<String> email"),
                "[Factum/DataSubjectTwice] Registered has a second @DataSubject component 'partnerId' (the first is 'customerId')", 8);
    }

    @Test
    void personalDataOnTheSubjectItselfIsAnError() {
        assertOneError(event("@DataSubject @PersonalData String email", "@PersonalData Optional<String> name"),
                "[Factum/PersonalDataOnSubject] component 'email' is both @DataSubject and @PersonalData", 7);
    }

    @Test
    void aRequiredComponentWithoutReplacementIsAnError() {
        assertOneError(event("@DataSubject String customerId", "@PersonalData String email"),
                "[Factum/PersonalDataNoReplacement] @PersonalData component 'email' of type java.lang.String declares"
                        + " nothing to read once its subject is forgotten; declare it Optional<java.lang.String>", 8);
        assertOneError(event("@DataSubject String customerId", "@PersonalData int age"),
                "[Factum/PersonalDataNoReplacement] @PersonalData component 'age' of type int declares nothing to read"
                        + " once its subject is forgotten; declare it Optional<java.lang.Integer>", 8);
    }

    @Test
    void aNestedRecordIsEncryptedWholeAndNeedsAReplacementToo() {
        JavaFileObject address = source("test.Address", "package test;", "public record Address(String street) {}");
        JavaFileObject file = event("@DataSubject String customerId", "@PersonalData Address address");
        Compilation compilation = compile(file, address);
        assertThat(compilation).hadErrorContaining("[Factum/PersonalDataNoReplacement] @PersonalData component 'address'"
                + " of type test.Address").inFile(file).onLine(8);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aForgottenTextOnAnythingButAPlainStringIsAnError() {
        assertOneError(event("@DataSubject String customerId", "@PersonalData(forgotten = \"-\") Optional<String> email"),
                "[Factum/PersonalDataForgottenType] @PersonalData(forgotten = ...) on component 'email' of type"
                        + " java.util.Optional<java.lang.String>: a forgotten text replaces a plain String only", 8);
    }

    @Test
    void personalDataInARecordThatIsNotAnEventIsAnError() {
        JavaFileObject address = source("test.Address",
                "package test;",
                "import io.factum.annotation.*;",
                "public record Address(",
                "        @PersonalData String street,",
                "        String city) {}");
        JavaFileObject file = event("@DataSubject String customerId", "@PersonalData Optional<Address> address");
        Compilation compilation = compile(file, address);
        assertThat(compilation).hadErrorContaining("[Factum/PersonalDataOutsideEvent] @PersonalData on component 'street'"
                + " of Address is never applied: only components of an @Event record are encrypted").inFile(address).onLine(4);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aDataSubjectOutsideAnEventIsAnErrorEvenInARecordNoEventUses() {
        JavaFileObject lonely = source("test.Lonely",
                "package test;",
                "import io.factum.annotation.*;",
                "public record Lonely(",
                "        @DataSubject String id) {}");
        Compilation compilation = compile(lonely);
        assertThat(compilation).hadErrorContaining("[Factum/PersonalDataOutsideEvent] @DataSubject on component 'id' of Lonely")
                .inFile(lonely).onLine(4);
        assertThat(compilation).hadErrorCount(1);
    }
}
