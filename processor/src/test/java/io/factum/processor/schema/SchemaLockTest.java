package io.factum.processor.schema;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.factum.processor.upcast.UpcastSources.compile;
import static io.factum.processor.upcast.UpcastSources.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event schema lock: created, kept, updated, and every incompatible change a compile error. */
class SchemaLockTest {

    @TempDir
    Path dir;

    private Path lock;

    /** OrderCreated v1 as first released: a nested record, a list of them, an enum, a map and an optional. */
    private static final JavaFileObject ORDER_CREATED = source("OrderCreated", """
            @Event(name = "OrderCreated")
            public record OrderCreated(
                    String orderId,
                    Customer customer,
                    List<Line> lines,
                    Status status,
                    Map<String, java.math.BigDecimal> prices,
                    Optional<String> note) {

                public record Customer(String name, String email) {}

                public record Line(String sku, int quantity) {}

                public enum Status { PENDING, CONFIRMED }
            }
            """);

    private static final String ORDER_CREATED_LOCK = SchemaLockFile.HEADER + """

            event OrderCreated v1
              class com.example.OrderCreated
              customer: record
              customer.email: java.lang.String
              customer.name: java.lang.String
              lines: java.util.List<record>
              lines[].quantity: int
              lines[].sku: java.lang.String
              note: java.util.Optional<java.lang.String>
              orderId: java.lang.String
              prices: java.util.Map<java.lang.String,java.math.BigDecimal>
              status: enum {CONFIRMED, PENDING}
            """;

    @Test
    void aCleanBuildWithoutLockCreatesIt() throws IOException {
        Compilation compilation = compileLocked(ORDER_CREATED);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(Files.readString(lock)).isEqualTo(ORDER_CREATED_LOCK);
    }

    @Test
    void anUnchangedBuildLeavesTheLockAsItIs() throws IOException {
        lockFirst(ORDER_CREATED);

        assertThat(compileLocked(ORDER_CREATED)).succeededWithoutWarnings();
        assertThat(Files.readString(lock)).isEqualTo(ORDER_CREATED_LOCK);
    }

    @Test
    void reorderingComponentsOrRenamingNestedClassesIsNoChange() throws IOException {
        lockFirst(ORDER_CREATED);
        JavaFileObject reshuffled = source("OrderCreated", """
                @Event(name = "OrderCreated")
                public record OrderCreated(
                        Optional<String> note,
                        Map<String, java.math.BigDecimal> prices,
                        State status,
                        List<OrderLine> lines,
                        Buyer customer,
                        String orderId) {

                    public record Buyer(String email, String name) {}

                    public record OrderLine(int quantity, String sku) {}

                    public enum State { CONFIRMED, PENDING }
                }
                """);

        assertThat(compileLocked(reshuffled)).succeededWithoutWarnings();
        assertThat(Files.readString(lock)).isEqualTo(ORDER_CREATED_LOCK);
    }

    @Test
    void aRemovedComponentIsAnErrorOnTheRecord() throws IOException {
        lockFirst(ORDER_CREATED);
        JavaFileObject changed = orderCreated("String orderId, Customer customer, List<Line> lines, Status status, "
                + "Map<String, java.math.BigDecimal> prices");

        Compilation compilation = compileLocked(changed);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[Factum/SchemaComponentRemoved] OrderCreated: component 'note' (java.util.Optional<java.lang.String>) "
                        + "was removed, but the schema lock factum-schema.lock records it for OrderCreated v1. To change the shape, keep the "
                        + "locked one as `@Event(name = \"OrderCreated\", version = 1) record OrderCreatedV1(...)`, declare this record as "
                        + "version = 2 and add `@Upcast static OrderCreated upcast(OrderCreatedV1 old)`; if no OrderCreated v1 event was ever "
                        + "stored, accept the change with -Afactum.schemaLock.update=true")
                .inFile(changed).onLineContaining("public record OrderCreated(");
        assertThat(Files.readString(lock)).isEqualTo(ORDER_CREATED_LOCK);
    }

    @Test
    void aRenamedComponentIsAnErrorOnTheNewComponent() throws IOException {
        lockFirst(ORDER_CREATED);
        JavaFileObject changed = orderCreated("String id, Customer customer, List<Line> lines, Status status, "
                + "Map<String, java.math.BigDecimal> prices, Optional<String> note");

        Compilation compilation = compileLocked(changed);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[Factum/SchemaComponentRenamed] OrderCreated: component 'orderId' was renamed to 'id', but the "
                        + "schema lock factum-schema.lock records 'orderId' for OrderCreated v1 and stored JSON uses that name.")
                .inFile(changed).onLineContaining("String id,");
        assertThat(Files.readString(lock)).isEqualTo(ORDER_CREATED_LOCK);
    }

    @Test
    void aChangedTypeIsAnErrorOnTheComponent() {
        lockFirst(ORDER_CREATED);
        JavaFileObject changed = orderCreated("java.util.UUID orderId, Customer customer, List<Line> lines, Status status, "
                + "Map<String, java.math.BigDecimal> prices, Optional<String> note");

        Compilation compilation = compileLocked(changed);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[Factum/SchemaTypeChanged] OrderCreated: component 'orderId' changed type from java.lang.String "
                        + "to java.util.UUID since the schema lock factum-schema.lock recorded OrderCreated v1.")
                .inFile(changed).onLineContaining("java.util.UUID orderId,");
    }

    @Test
    void personalComponentsAreLockedAndTurningEncryptionOnIsAnErrorNamingTheMigration() throws IOException {
        JavaFileObject plain = source("Registered", """
                @Event
                public record Registered(
                        @DataSubject String customerId,
                        Optional<String> email) {}
                """);
        JavaFileObject personal = source("Registered", """
                @Event
                public record Registered(
                        @DataSubject String customerId,
                        @PersonalData Optional<String> email) {}
                """);
        lockFirst(personal);
        String personalLock = Files.readString(lock);
        assertThat(personalLock).contains("  email: @PersonalData java.util.Optional<java.lang.String>\n");
        assertThat(compileLocked(personal)).succeededWithoutWarnings();

        Files.writeString(lock, Files.readString(lock).replace("@PersonalData ", ""));
        Compilation compilation = compileLocked(personal);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[Factum/SchemaPersonalChanged] Registered: component 'email' is now @PersonalData"
                        + " java.util.Optional<java.lang.String>, but the schema lock factum-schema.lock recorded it as"
                        + " java.util.Optional<java.lang.String> in Registered v1.")
                .inFile(personal).onLineContaining("@PersonalData Optional<String> email");
        assertThat(compilation).hadErrorContaining("declare this record as version = 2 and add `@Upcast static Registered"
                + " upcast(RegisteredV1 old)`");
        Files.writeString(lock, personalLock);  // turning it off again is the same error
        assertThat(compileLocked(plain)).hadErrorContaining("[Factum/SchemaPersonalChanged] Registered: component 'email' is"
                + " now java.util.Optional<java.lang.String>");
    }

    @Test
    void aChangedNestedRecordShapeIsAnErrorOnTheComponentHoldingIt() {
        lockFirst(ORDER_CREATED);
        JavaFileObject changed = source("OrderCreated", """
                @Event(name = "OrderCreated")
                public record OrderCreated(
                        String orderId,
                        Customer customer,
                        List<Line> lines,
                        Status status,
                        Map<String, java.math.BigDecimal> prices,
                        Optional<String> note) {

                    public record Customer(String name, String email) {}

                    public record Line(String sku, long quantity) {}

                    public enum Status { PENDING, CONFIRMED }
                }
                """);

        Compilation compilation = compileLocked(changed);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[Factum/SchemaTypeChanged] OrderCreated: component 'lines[].quantity' changed type from int to long")
                .inFile(changed).onLineContaining("List<Line> lines,");
    }

    @Test
    void aRemovedNestedComponentIsReportedOnceOnTheOutermostChange() {
        lockFirst(ORDER_CREATED);
        JavaFileObject changed = source("OrderCreated", """
                @Event(name = "OrderCreated")
                public record OrderCreated(
                        String orderId,
                        String customer,
                        List<Line> lines,
                        Status status,
                        Map<String, java.math.BigDecimal> prices,
                        Optional<String> note) {

                    public record Line(String sku) {}

                    public enum Status { PENDING, CONFIRMED }
                }
                """);

        Compilation compilation = compileLocked(changed);

        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation)
                .hadErrorContaining("[Factum/SchemaTypeChanged] OrderCreated: component 'customer' changed type from record to java.lang.String")
                .inFile(changed).onLineContaining("String customer,");
        assertThat(compilation)
                .hadErrorContaining("[Factum/SchemaComponentRemoved] OrderCreated: component 'lines[].quantity' (int) was removed")
                .inFile(changed).onLineContaining("List<Line> lines,");
    }

    @Test
    void aRemovedEnumConstantIsAnErrorAndAnAddedOneIsNot() throws IOException {
        lockFirst(ORDER_CREATED);
        JavaFileObject lost = orderCreatedWithStatus("PENDING, SHIPPED");

        Compilation compilation = compileLocked(lost);

        assertThat(compilation)
                .hadErrorContaining("[Factum/SchemaEnumConstantRemoved] OrderCreated: component 'status' lost enum constants CONFIRMED, "
                        + "which stored OrderCreated v1 events may hold")
                .inFile(lost).onLineContaining("Status status,");

        assertThat(compileLocked(orderCreatedWithStatus("PENDING, CONFIRMED, SHIPPED"))).succeededWithoutWarnings();
        assertThat(Files.readString(lock)).contains("  status: enum {CONFIRMED, PENDING, SHIPPED}\n");
    }

    @Test
    void aRenamedStoredNameIsAnErrorOnTheRecord() {
        lockFirst(ORDER_CREATED);
        JavaFileObject renamed = source("OrderCreated", """
                @Event(name = "OrderPlaced")
                public record OrderCreated(
                        String orderId,
                        Customer customer,
                        List<Line> lines,
                        Status status,
                        Map<String, java.math.BigDecimal> prices,
                        Optional<String> note) {

                    public record Customer(String name, String email) {}

                    public record Line(String sku, int quantity) {}

                    public enum Status { PENDING, CONFIRMED }
                }
                """);

        Compilation compilation = compileLocked(renamed);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[Factum/SchemaNameChanged] OrderCreated was stored as OrderCreated v1 (schema lock factum-schema.lock) "
                        + "and is now OrderPlaced v1: events stored as OrderCreated v1 could no longer be read. Keep "
                        + "`@Event(name = \"OrderCreated\", version = 1)` on it (renaming the class is fine)")
                .inFile(renamed).onLineContaining("public record OrderCreated(");
    }

    @Test
    void renamingTheClassOfAnEventWithoutExplicitNameIsAnError() {
        lockFirst(source("Paid", """
                @Event
                public record Paid(String orderId, long cents) {}
                """));
        JavaFileObject renamed = source("PaymentReceived", """
                @Event
                public record PaymentReceived(String orderId, long cents) {}
                """);

        Compilation compilation = compileLocked(renamed);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[Factum/SchemaRenamedWithClass] PaymentReceived looks like Paid v1 renamed: the schema lock "
                        + "factum-schema.lock records that event with the same shape for class com.example.Paid, which is gone. "
                        + "Renaming the class changed the stored name (by default the simple class name), so stored Paid v1 events "
                        + "could no longer be read. Keep `@Event(name = \"Paid\", version = 1)` on PaymentReceived")
                .inFile(renamed).onLineContaining("public record PaymentReceived(");
    }

    @Test
    void renamingTheClassButKeepingTheStoredNameIsFine() throws IOException {
        lockFirst(source("Paid", """
                @Event
                public record Paid(String orderId, long cents) {}
                """));
        JavaFileObject renamed = source("PaymentReceived", """
                @Event(name = "Paid")
                public record PaymentReceived(String orderId, long cents) {}
                """);

        assertThat(compileLocked(renamed)).succeededWithoutWarnings();
        assertThat(Files.readString(lock)).contains("event Paid v1\n  class com.example.PaymentReceived\n");
    }

    @Test
    void bumpingTheVersionInPlaceWithoutKeepingTheOldShapeIsAnError() {
        lockFirst(source("Paid", """
                @Event(name = "OrderPaid")
                public record Paid(String orderId, long cents) {}
                """));
        JavaFileObject bumped = source("Paid", """
                @Event(name = "OrderPaid", version = 2)
                public record Paid(String orderId, java.math.BigDecimal amount) {}
                """);

        Compilation compilation = compileLocked(bumped);

        assertThat(compilation)
                .hadErrorContaining("[Factum/SchemaNameChanged] Paid was stored as OrderPaid v1 (schema lock factum-schema.lock) "
                        + "and is now OrderPaid v2")
                .inFile(bumped).onLineContaining("public record Paid(");
    }

    @Test
    void theDocumentedWorkflowKeepsTheOldShapeAsItsOwnRecord() throws IOException {
        lockFirst(source("Paid", """
                @Event(name = "OrderPaid")
                public record Paid(String orderId, long cents) {}
                """));
        JavaFileObject v1 = source("PaidV1", """
                @Event(name = "OrderPaid", version = 1)
                public record PaidV1(String orderId, long cents) {}
                """);
        JavaFileObject v2 = source("Paid", """
                @Event(name = "OrderPaid", version = 2)
                public record Paid(String orderId, java.math.BigDecimal amount) {
                    @Upcast
                    static Paid upcast(PaidV1 old) {
                        return new Paid(old.orderId(), java.math.BigDecimal.valueOf(old.cents(), 2));
                    }
                }
                """);

        assertThat(compileLocked(v1, v2)).succeededWithoutWarnings();
        assertThat(Files.readString(lock)).endsWith("""

                event OrderPaid v1
                  class com.example.PaidV1
                  cents: long
                  orderId: java.lang.String

                event OrderPaid v2
                  class com.example.Paid
                  amount: java.math.BigDecimal
                  orderId: java.lang.String
                """);
    }

    @Test
    void changingAnOldVersionIsAnErrorThatSaysToRestoreIt() {
        JavaFileObject v1 = source("PaidV1", """
                @Event(name = "OrderPaid", version = 1)
                public record PaidV1(String orderId, long cents) {}
                """);
        JavaFileObject v2 = source("Paid", """
                @Event(name = "OrderPaid", version = 2)
                public record Paid(String orderId, java.math.BigDecimal amount) {
                    @Upcast
                    static Paid upcast(PaidV1 old) {
                        return new Paid(old.orderId(), java.math.BigDecimal.valueOf(old.cents(), 2));
                    }
                }
                """);
        lockFirst(v1, v2);
        JavaFileObject changedV1 = source("PaidV1", """
                @Event(name = "OrderPaid", version = 1)
                public record PaidV1(String orderId, int cents) {}
                """);

        assertThat(compileLocked(changedV1, v2))
                .hadErrorContaining("[Factum/SchemaTypeChanged] PaidV1: component 'cents' changed type from long to int since the "
                        + "schema lock factum-schema.lock recorded OrderPaid v1. v1 is an old version that stored data is read with, "
                        + "so restore the locked shape (put changes into the current version v2 or a new one)")
                .inFile(changedV1).onLineContaining("public record PaidV1(");
    }

    @Test
    void theCurrentVersionMissingFromTheCodeIsAnError() {
        JavaFileObject v1 = source("PaidV1", """
                @Event(name = "OrderPaid", version = 1)
                public record PaidV1(String orderId, long cents) {}
                """);
        JavaFileObject v2 = source("Paid", """
                @Event(name = "OrderPaid", version = 2)
                public record Paid(String orderId, java.math.BigDecimal amount) {
                    @Upcast
                    static Paid upcast(PaidV1 old) {
                        return new Paid(old.orderId(), java.math.BigDecimal.valueOf(old.cents(), 2));
                    }
                }
                """);
        lockFirst(v1, v2);

        Compilation compilation = compileLocked(v1); // v2 deleted

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[Factum/CurrentVersionMissing] The schema lock factum-schema.lock records OrderPaid v2 "
                        + "(class com.example.Paid), but the highest version in the code is v1: stored v2 events could no longer be read. "
                        + "Restore the v2 record; if v2 was never released, accept the removal with -Afactum.schemaLock.update=true")
                .inFile(v1).onLineContaining("public record PaidV1(");
    }

    @Test
    void aNewOptionalCollectionOrNullableComponentIsCompatibleAndLocked() throws IOException {
        lockFirst(ORDER_CREATED);
        JavaFileObject grown = source("OrderCreated", """
                @Event(name = "OrderCreated")
                public record OrderCreated(
                        String orderId,
                        Customer customer,
                        List<Line> lines,
                        Status status,
                        Map<String, java.math.BigDecimal> prices,
                        Optional<String> note,
                        Optional<Customer> giftFor,
                        Set<String> tags,
                        @Nullable String coupon) {

                    public record Customer(String name, String email) {}

                    public record Line(String sku, int quantity) {}

                    public enum Status { PENDING, CONFIRMED }

                    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.CLASS)
                    @interface Nullable {}
                }
                """);

        assertThat(compileLocked(grown)).succeededWithoutWarnings();
        assertThat(Files.readString(lock)).contains("""
                  coupon: @Nullable java.lang.String
                  customer: record
                """).contains("""
                  giftFor: java.util.Optional<record>
                  giftFor?.email: java.lang.String
                  giftFor?.name: java.lang.String
                """).contains("""
                  tags: java.util.Set<java.lang.String>
                """);
    }

    @Test
    void aNewRequiredComponentIsAnError() throws IOException {
        lockFirst(ORDER_CREATED);
        JavaFileObject grown = orderCreated("String orderId, Customer customer, List<Line> lines, Status status, "
                + "Map<String, java.math.BigDecimal> prices, Optional<String> note, int priority");

        Compilation compilation = compileLocked(grown);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[Factum/SchemaRequiredAdded] OrderCreated: new component 'priority' (int) is required, but stored "
                        + "OrderCreated v1 events do not have it (schema lock factum-schema.lock). Make it Optional, a collection or "
                        + "@Nullable so it may be absent, or: To change the shape")
                .inFile(grown).onLineContaining("int priority");
        assertThat(Files.readString(lock)).isEqualTo(ORDER_CREATED_LOCK);
    }

    @Test
    void theUpdateOptionAcceptsAnIncompatibleChangeDeliberately() throws IOException {
        lockFirst(ORDER_CREATED);
        JavaFileObject changed = orderCreated("java.util.UUID orderId, Customer customer, List<Line> lines, Status status, "
                + "Map<String, java.math.BigDecimal> prices");

        Compilation compilation = compileLocked(List.of("-Afactum.schemaLock.update=true"), changed);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(Files.readString(lock))
                .contains("  orderId: java.util.UUID\n")
                .doesNotContain("note:");
    }

    @Test
    void anEventRemovedFromTheCodeStaysLockedWithAWarning() throws IOException {
        JavaFileObject paid = source("Paid", """
                @Event(name = "OrderPaid")
                public record Paid(String orderId, long cents) {}
                """);
        lockFirst(ORDER_CREATED, paid);
        String locked = Files.readString(lock);

        Compilation compilation = compileLocked(ORDER_CREATED);

        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("[Factum/SchemaEventRemoved] The schema lock factum-schema.lock records "
                + "OrderPaid v1 (class com.example.Paid), but no record declares it any more; stored events of that type can no "
                + "longer be read. The entry stays in the lock");
        // the record is gone, so the warning has no source line to point at
        assertThat(compilation.warnings()).filteredOn(warning -> warning.getMessage(null).contains("[Factum/SchemaEventRemoved]"))
                .singleElement().satisfies(warning -> assertThat(warning.getSource()).isNull());
        assertThat(Files.readString(lock)).isEqualTo(locked);

        assertThat(compileLocked(List.of("-Afactum.schemaLock.update=true"), ORDER_CREATED)).succeededWithoutWarnings();
        assertThat(Files.readString(lock)).isEqualTo(ORDER_CREATED_LOCK);
    }

    @Test
    void anIncrementalBuildKeepsTheEntriesOfEventsItDoesNotCompile() throws IOException {
        JavaFileObject paid = source("Paid", """
                @Event(name = "OrderPaid")
                public record Paid(String orderId, long cents) {}
                """);
        Compilation full = lockFirst(ORDER_CREATED, paid);
        String locked = Files.readString(lock);
        Path classes = writeClasses(full);

        // Only OrderCreated is recompiled; Paid comes from the previous build's class files.
        Compilation partial = io.factum.processor.upcast.UpcastSources.compile(List.of(
                "-Afactum.schemaLock=" + lock,
                "-classpath", classes + java.io.File.pathSeparator + System.getProperty("java.class.path")), ORDER_CREATED);

        assertThat(partial).succeeded();
        assertThat(partial.warnings()).noneMatch(warning -> warning.getMessage(null).contains("[Factum/"));
        assertThat(Files.readString(lock)).isEqualTo(locked);
    }

    @Test
    void anUnreadableLockIsAnError() throws IOException {
        lock = dir.resolve("factum-schema.lock");
        Files.writeString(lock, "event OrderCreated vX\n");

        Compilation compilation = compileLocked(ORDER_CREATED);

        assertThat(compilation).hadErrorContaining("[Factum/SchemaLockUnreadable] Cannot read the event schema lock " + lock
                + ": line 1: `X` is not a schema version (1, 2, ...). Restore it from version control, or delete it");
        assertThat(compilation.errors()).allMatch(error -> error.getSource() == null); // the lock, not a source line
        assertThat(Files.readString(lock)).isEqualTo("event OrderCreated vX\n");
    }

    @Test
    void anUnwritableLockIsAnError() throws IOException {
        Path notADirectory = dir.resolve("not-a-directory");
        Files.writeString(notADirectory, "a file where the lock's directory should be");
        lock = notADirectory.resolve("factum-schema.lock");

        Compilation compilation = compileLocked(ORDER_CREATED);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        // the lock belongs to no source element, so the error has no file or line
        assertThat(compilation).hadErrorContaining("[Factum/SchemaLockUnwritable] Cannot write the event schema lock " + lock
                + ": java.nio.file.FileAlreadyExistsException: " + notADirectory + ". Point -Afactum.schemaLock=<path> at a"
                + " writable file, or -Afactum.schemaLock=off to disable the lock");
        assertThat(compilation.errors()).allMatch(error -> error.getSource() == null);
        assertThat(Files.readString(notADirectory)).isEqualTo("a file where the lock's directory should be");
    }

    @Test
    void aBuildWithErrorsDoesNotWriteTheLock() {
        JavaFileObject broken = source("Broken", """
                @Event(name = "Broken", version = 2)
                public record Broken(String id) {}
                """);
        JavaFileObject oldBroken = source("BrokenV1", """
                @Event(name = "Broken", version = 1)
                public record BrokenV1(String id) {}
                """);

        Compilation compilation = compileLocked(broken, oldBroken); // v1 without an upcaster

        assertThat(compilation).failed();
        assertThat(lock).doesNotExist();
    }

    @Test
    void aCompilationWithoutEventsWritesNoLock() {
        JavaFileObject handler = source("Mailer", """
                public class Mailer {
                    @Subscribe
                    public void on(String notAnEvent) {}
                }
                """);

        compileLocked(handler);

        assertThat(lock).doesNotExist();
    }

    // ---- helpers ----

    private Compilation lockFirst(JavaFileObject... sources) {
        Compilation compilation = compileLocked(sources);
        assertThat(compilation).succeededWithoutWarnings();
        return compilation;
    }

    private Compilation compileLocked(JavaFileObject... sources) {
        return compileLocked(List.of(), sources);
    }

    private Compilation compileLocked(List<String> options, JavaFileObject... sources) {
        if (lock == null) {
            lock = dir.resolve("factum-schema.lock");
        }
        List<String> all = new ArrayList<>(options);
        all.add("-Afactum.schemaLock=" + lock);
        return compile(all, sources);
    }

    private static JavaFileObject orderCreated(String components) {
        return source("OrderCreated", "@Event(name = \"OrderCreated\")\n"
                + "public record OrderCreated(\n"
                + "        " + components.replace(", ", ",\n        ") + ") {\n"
                + "    public record Customer(String name, String email) {}\n"
                + "    public record Line(String sku, int quantity) {}\n"
                + "    public enum Status { PENDING, CONFIRMED }\n"
                + "}\n");
    }

    private static JavaFileObject orderCreatedWithStatus(String constants) {
        return source("OrderCreated", """
                @Event(name = "OrderCreated")
                public record OrderCreated(
                        String orderId,
                        Customer customer,
                        List<Line> lines,
                        Status status,
                        Map<String, java.math.BigDecimal> prices,
                        Optional<String> note) {

                    public record Customer(String name, String email) {}

                    public record Line(String sku, int quantity) {}

                    public enum Status { %s }
                }
                """.formatted(constants));
    }

    private Path writeClasses(Compilation compilation) throws IOException {
        Path classes = dir.resolve("classes");
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() == JavaFileObject.Kind.CLASS) {
                String path = file.toUri().getPath();
                Path target = classes.resolve(path.substring(path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length()));
                Files.createDirectories(target.getParent());
                try (var in = file.openInputStream()) {
                    Files.write(target, in.readAllBytes());
                }
            }
        }
        return classes;
    }

}
