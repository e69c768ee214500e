package io.factum.personal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factum.event.EventEncodingException;
import java.time.Duration;
import java.util.Base64;
import java.util.Random;
import javax.crypto.KeyGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sealing and opening one value: round trips, what forgetting does, and every way opening can fail. */
class PersonalFieldTest {

    private static final PersonalField EMAIL = PersonalData.field("CustomerRegistered", "email");
    private static final PersonalField NAME = PersonalData.field("CustomerRegistered", "name");
    private static final PersonalField CHANGED_EMAIL = PersonalData.field("CustomerEmailChanged", "email");

    private final InMemorySubjectKeyStore store = new InMemorySubjectKeyStore();
    private SubjectKeys keys;
    private PersonalData.Installed installed;

    @BeforeEach
    void install() {
        keys = SubjectKeys.of(store, SubjectKeyStoreContract.MASTER);
        installed = PersonalData.use(keys);
    }

    @AfterEach
    void uninstall() {
        installed.close();
    }

    private static byte[] json(String text) {
        return text.getBytes(UTF_8);
    }

    @Test
    void randomValuesRoundTripAndNeverShowTheirPlaintext() {
        Random random = new Random(17);
        for (int i = 0; i < 500; i++) {
            byte[] plain = new byte[random.nextInt(200)];
            random.nextBytes(plain);
            String subject = "c-" + random.nextInt(20);
            String sealed = EMAIL.seal(subject, plain);
            assertThat(EMAIL.open(subject, sealed)).isEqualTo(plain);
            assertThat(sealed).matches("pd1:A256GCM:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+");
        }
    }

    @Test
    void theSameValueSealsDifferentlyEachTime() {
        assertThat(EMAIL.seal("c-1", json("\"a\""))).isNotEqualTo(EMAIL.seal("c-1", json("\"a\"")));
    }

    @Test
    void aForgottenSubjectsValuesOpenAsNullAndNewValuesAreRefused() {
        String sealed = EMAIL.seal("c-1", json("\"ada@example.com\""));
        String other = EMAIL.seal("c-2", json("\"bob@example.com\""));
        keys.forget("c-1");
        assertThat(EMAIL.open("c-1", sealed)).isNull();
        assertThat(new String(EMAIL.open("c-2", other), UTF_8)).isEqualTo("\"bob@example.com\"");
        assertThatThrownBy(() -> EMAIL.seal("c-1", json("\"new\"")))
                .isInstanceOf(SubjectForgottenException.class)
                .hasMessageContaining("CustomerRegistered").hasMessageContaining("'email'").hasMessageContaining("'c-1'");
    }

    @Test
    void aValueMovedToAnotherPropertyEventTypeOrSubjectDoesNotOpen() {
        String sealed = EMAIL.seal("c-1", json("\"ada@example.com\""));
        EMAIL.seal("c-2", json("\"x\""));  // c-2 has a key of its own
        assertThatThrownBy(() -> NAME.open("c-1", sealed))
                .isInstanceOf(PersonalDataDecodingException.class)
                .hasMessageContaining("CustomerRegistered").hasMessageContaining("'name'").hasMessageContaining("'c-1'")
                .hasMessageContaining("copied from another");
        assertThatThrownBy(() -> CHANGED_EMAIL.open("c-1", sealed))
                .isInstanceOf(PersonalDataDecodingException.class).hasMessageContaining("CustomerEmailChanged");
        assertThatThrownBy(() -> EMAIL.open("c-2", sealed))
                .isInstanceOf(PersonalDataDecodingException.class).hasMessageContaining("'c-2'").hasMessageContaining("key id");
    }

    @Test
    void aTamperedValueFailsItsTag() {
        SealedValue sealed = SealedValue.parse(EMAIL.seal("c-1", json("\"ada@example.com\"")));
        byte[] bytes = sealed.sealed().clone();
        bytes[bytes.length - 20] ^= 1;
        String tampered = new SealedValue(sealed.keyId(), bytes).text();
        assertThatThrownBy(() -> EMAIL.open("c-1", tampered))
                .isInstanceOf(PersonalDataDecodingException.class)
                .hasMessageContaining("AEADBadTagException").hasMessageContaining("'c-1'");
    }

    @Test
    void corruptTextIsADecodingErrorThatDoesNotEchoTheValue() {
        EMAIL.seal("c-1", json("\"x\""));
        assertThatThrownBy(() -> EMAIL.open("c-1", "ada@example.com"))
                .isInstanceOf(PersonalDataDecodingException.class)
                .hasMessageContaining("not a sealed value").hasMessageNotContaining("ada@example");
        assertThatThrownBy(() -> EMAIL.open("c-1", SealedValue.PREFIX + "k:not*base64"))
                .isInstanceOf(PersonalDataDecodingException.class).hasMessageContaining("base64url");
        assertThatThrownBy(() -> EMAIL.open("c-1", SealedValue.PREFIX + "k:" + Base64.getUrlEncoder().encodeToString(new byte[4])))
                .isInstanceOf(PersonalDataDecodingException.class);
        assertThatThrownBy(() -> EMAIL.open("c-1", SealedValue.PREFIX + ":abc"))
                .isInstanceOf(PersonalDataDecodingException.class).hasMessageContaining("no key id");
    }

    @Test
    void anUnknownSubjectOrKeyIdIsAnErrorNotAReplacement() {
        String sealed = EMAIL.seal("c-1", json("\"x\""));
        String keyId = SealedValue.parse(sealed).keyId();
        assertThatThrownBy(() -> EMAIL.open("c-unknown", sealed))
                .isInstanceOf(PersonalDataDecodingException.class)
                .hasMessageContaining("'c-unknown' has no data key").hasMessageContaining(keyId);
        String otherKey = sealed.replace(":" + keyId + ":", ":zzzzzzzzzzzz:");
        assertThatThrownBy(() -> EMAIL.open("c-1", otherKey))
                .isInstanceOf(PersonalDataDecodingException.class).hasMessageContaining("'zzzzzzzzzzzz'");
    }

    @Test
    void aWrongMasterKeyIsNamed() throws Exception {
        String sealed = EMAIL.seal("c-1", json("\"x\""));
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        try (PersonalData.Installed wrong = PersonalData.use(SubjectKeys.of(store, MasterKey.of(generator.generateKey())))) {
            assertThatThrownBy(() -> EMAIL.open("c-1", sealed))
                    .isInstanceOf(PersonalDataDecodingException.class).hasMessageContaining("master key");
            assertThatThrownBy(() -> EMAIL.seal("c-1", json("\"y\"")))
                    .isInstanceOf(EventEncodingException.class).hasMessageContaining("master key");
        }
    }

    @Test
    void aNullSubjectIsRefusedOnBothSides() {
        assertThatThrownBy(() -> EMAIL.seal(null, json("\"x\""))).isInstanceOf(EventEncodingException.class)
                .hasMessageContaining("@DataSubject");
        assertThatThrownBy(() -> EMAIL.open(null, "pd1:A256GCM:k:abc")).isInstanceOf(PersonalDataDecodingException.class);
    }

    @Test
    void withoutKeysTheErrorSaysWhatToCall() {
        installed.close();
        try {
            assertThatThrownBy(() -> EMAIL.seal("c-1", json("\"x\"")))
                    .isInstanceOf(PersonalDataNotConfiguredException.class).hasMessageContaining("PersonalData.use");
        } finally {
            installed = PersonalData.use(keys);
        }
    }

    @Test
    void masterKeysOfWrongSizeOrAlgorithmAreRefused() {
        assertThatThrownBy(() -> MasterKey.of(new byte[31])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("31 bytes");
        assertThatThrownBy(() -> MasterKey.of(new javax.crypto.spec.SecretKeySpec(new byte[32], "HmacSHA256")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HmacSHA256");
        assertThat(MasterKey.of(new byte[16]).toString()).doesNotContain("0");
    }

    @Test
    void aForgetReachesAnotherProcessesCacheWithinItsTimeToLive() {
        long[] now = {0};
        SubjectKeys replica = new SubjectKeys(store, SubjectKeyStoreContract.MASTER, 100, Duration.ofSeconds(30), () -> now[0]);
        String sealed = EMAIL.seal("c-1", json("\"x\""));
        String keyId = SealedValue.parse(sealed).keyId();
        assertThat(replica.forReading("c-1", keyId)).isNotNull();  // cached by the replica

        keys.forget("c-1");  // on "this" process
        now[0] += Duration.ofSeconds(29).toNanos();
        assertThat(replica.forReading("c-1", keyId)).as("within the time to live").isNotNull();
        now[0] += Duration.ofSeconds(1).toNanos();
        assertThat(replica.forReading("c-1", keyId)).as("after the time to live").isNull();
    }
}
