package io.factum.example;

import io.factum.personal.InMemorySubjectKeyStore;
import io.factum.personal.MasterKey;
import io.factum.personal.PersonalData;
import io.factum.personal.SubjectKeys;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@code @ExtendWith(InMemoryKeys.class)}: each test runs with fresh customer data keys in memory (as
 * {@code ExampleApp} installs the SQLite/PostgreSQL ones), put back afterwards.
 */
public final class InMemoryKeys implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(InMemoryKeys.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        SubjectKeys keys = SubjectKeys.of(new InMemorySubjectKeyStore(), MasterKey.of(new byte[32]));
        context.getStore(NAMESPACE).put("installed", PersonalData.use(keys));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        context.getStore(NAMESPACE).remove("installed", PersonalData.Installed.class).close();
    }
}
