package io.factum.example.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factum.example.shared.InvalidInputException;
import io.factum.personal.InMemorySubjectKeyStore;
import io.factum.personal.MasterKey;
import io.factum.personal.PersonalData;
import io.factum.personal.PersonalField;
import io.factum.personal.PersonalDataDecodingException;
import io.factum.personal.SubjectKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the example app's master key comes from, and that a wrong one is noticed. */
class ShopKeysTest {

    private static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_B = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    @TempDir
    Path directory;

    /** Whether a data key made under {@code writer} opens under {@code reader}. */
    private static boolean sameKey(MasterKey writer, MasterKey reader) {
        InMemorySubjectKeyStore store = new InMemorySubjectKeyStore();
        PersonalField email = PersonalData.field("CustomerRegistered", "email");
        String sealed;
        try (PersonalData.Installed installed = PersonalData.use(SubjectKeys.of(store, writer))) {
            sealed = email.seal("c-1", "\"c@example.com\"".getBytes(StandardCharsets.UTF_8));
        }
        try (PersonalData.Installed installed = PersonalData.use(SubjectKeys.of(store, reader))) {
            return new String(email.open("c-1", sealed), StandardCharsets.UTF_8).equals("\"c@example.com\"");
        } catch (PersonalDataDecodingException e) {
            return false;
        }
    }

    @Test
    void theVariableWinsOverTheFileAndTheFileOverTheDevelopmentKey() throws Exception {
        Path file = directory.resolve("master.key");
        Files.writeString(file, KEY_B + "\n");
        MasterKey fromVariable = ShopKeys.masterKey(Map.of(ShopKeys.ENV, KEY_A, ShopKeys.FILE_ENV, file.toString()));
        MasterKey fromFile = ShopKeys.masterKey(Map.of(ShopKeys.FILE_ENV, file.toString()));
        MasterKey development = ShopKeys.masterKey(Map.of());

        assertThat(sameKey(fromVariable, ShopKeys.masterKey(Map.of(ShopKeys.ENV, KEY_A)))).isTrue();
        assertThat(sameKey(fromFile, ShopKeys.masterKey(Map.of(ShopKeys.ENV, KEY_B)))).isTrue();
        assertThat(sameKey(development, ShopKeys.masterKey(Map.of()))).as("the development key is fixed").isTrue();
        assertThat(sameKey(fromVariable, fromFile)).isFalse();
        assertThat(sameKey(development, fromVariable)).isFalse();
    }

    @Test
    void aBadMasterKeySaysWhereItCameFrom() {
        assertThatThrownBy(() -> ShopKeys.masterKey(Map.of(ShopKeys.ENV, "not base64!")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("$FACTUM_MASTER_KEY is not base64");
        assertThatThrownBy(() -> ShopKeys.masterKey(Map.of(ShopKeys.ENV, Base64.getEncoder().encodeToString(new byte[20]))))
                .isInstanceOf(InvalidInputException.class).hasMessage("The master key in $FACTUM_MASTER_KEY must be 16, 24 or 32 bytes, not 20");
        Path missing = directory.resolve("missing.key");
        assertThatThrownBy(() -> ShopKeys.masterKey(Map.of(ShopKeys.FILE_ENV, missing.toString())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Cannot read the master key from the file " + missing + " ($FACTUM_MASTER_KEY_FILE)");
    }
}
