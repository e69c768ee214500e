package io.factum.example.app;

import io.factum.example.shared.InvalidInputException;
import io.factum.personal.JdbcSubjectKeyStore;
import io.factum.personal.MasterKey;
import io.factum.personal.PersonalData;
import io.factum.personal.SubjectKeys;
import io.factum.store.jdbc.TableNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The customers' data keys: a key store table next to the shop's events ({@code <prefix>subject_keys}, SQLite or
 * PostgreSQL as the store), wrapped under a master key, installed with {@link PersonalData#use}.
 *
 * <p>The master key, base64 of 16, 24 or 32 bytes: {@value #ENV} if set, else the file named by
 * {@value #FILE_ENV}, else a fixed development key. <b>The development key is not for production</b>: it is
 * in this source file, so anyone can unseal data sealed with it.
 */
public final class ShopKeys {

    /** Environment variable holding the master key (base64). */
    public static final String ENV = "FACTUM_MASTER_KEY";
    /** Environment variable naming a file that holds the master key (base64). */
    public static final String FILE_ENV = "FACTUM_MASTER_KEY_FILE";
    /** Source of the development master key. NOT FOR PRODUCTION: it is public. */
    static final String DEV_KEY_SEED = "factum example app - development master key - NOT FOR PRODUCTION";

    private ShopKeys() {}

    /** Creates the key table if needed and installs the keys for every generated codec of this process. */
    public static SubjectKeys install(StoreLocation location, DataSource dataSource) {
        return install(location, dataSource, System.getenv());
    }

    static SubjectKeys install(StoreLocation location, DataSource dataSource, Map<String, String> environment) {
        TableNames tables = TableNames.withPrefix(location.tablePrefix());
        JdbcSubjectKeyStore store = location.isPostgres()
                ? JdbcSubjectKeyStore.postgres(dataSource, tables) : JdbcSubjectKeyStore.sqlite(dataSource, tables);
        store.createTable();
        SubjectKeys keys = SubjectKeys.of(store, masterKey(environment));
        PersonalData.use(keys);
        return keys;
    }

    static MasterKey masterKey(Map<String, String> environment) {
        String text = environment.get(ENV);
        String source = "$" + ENV;
        if (text == null && environment.get(FILE_ENV) != null) {
            Path file = Path.of(environment.get(FILE_ENV));
            source = "the file " + file + " ($" + FILE_ENV + ")";
            try {
                text = Files.readString(file, StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new InvalidInputException("Cannot read the master key from " + source + ": " + e.getMessage());
            }
        }
        byte[] raw = text == null ? developmentKey() : decode(text.strip(), source);
        try {
            return MasterKey.of(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("The master key in " + source + " must be 16, 24 or 32 bytes, not " + raw.length);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private static byte[] decode(String base64, String source) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("The master key in " + source + " is not base64: " + e.getMessage());
        }
    }

    private static byte[] developmentKey() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(DEV_KEY_SEED.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
