package io.factum.personal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One behaviour for every {@link SubjectKeyStore}: same tests, different factory. */
abstract class SubjectKeyStoreContract {

    static final MasterKey MASTER = MasterKey.of(new byte[32]);
    private static final PersonalField EMAIL = PersonalData.field("CustomerRegistered", "email");

    /** A fresh, empty store (its table created). */
    protected abstract SubjectKeyStore newStore();

    private PersonalData.Installed installed;

    @BeforeEach
    void noKeysInstalledYet() {
        installed = null;
    }

    @AfterEach
    void uninstall() {
        if (installed != null) {
            installed.close();
        }
    }

    private SubjectKeys install(SubjectKeyStore store) {
        SubjectKeys keys = SubjectKeys.of(store, MASTER);
        installed = PersonalData.use(keys);
        return keys;
    }

    @Test
    void insertIfAbsentKeepsTheFirstRowAndReturnsIt() {
        SubjectKeyStore store = newStore();
        assertThat(store.find("c-1")).isNull();
        SubjectKeyStore.StoredKey first = store.insertIfAbsent("c-1", "k1", new byte[] {1, 2, 3});
        SubjectKeyStore.StoredKey second = store.insertIfAbsent("c-1", "k2", new byte[] {4, 5, 6});
        assertThat(first.keyId()).isEqualTo("k1");
        assertThat(second.keyId()).isEqualTo("k1");
        assertThat(second.wrappedKey()).containsExactly(1, 2, 3);
        assertThat(store.find("c-1").wrappedKey()).containsExactly(1, 2, 3);
        assertThat(store.find("c-2")).isNull();
    }

    @Test
    void forgetKeepsTheKeyIdWithoutTheKeyAndIsIdempotent() {
        SubjectKeyStore store = newStore();
        store.insertIfAbsent("c-1", "k1", new byte[] {1, 2, 3});
        store.forget("c-1");
        store.forget("c-1");
        assertThat(store.find("c-1").keyId()).isEqualTo("k1");
        assertThat(store.find("c-1").forgotten()).isTrue();
        // a forgotten subject gets no new key
        assertThat(store.insertIfAbsent("c-1", "k9", new byte[] {9}).forgotten()).isTrue();
        // forgetting a subject that never had a key marks it forgotten too
        store.forget("never-seen");
        assertThat(store.find("never-seen").forgotten()).isTrue();
    }

    @Test
    void sealedValuesOpenUntilTheSubjectIsForgottenThenReadAsForgotten() {
        SubjectKeys keys = install(newStore());
        String sealed = EMAIL.seal("c-1", "\"ada@example.com\"".getBytes(UTF_8));
        assertThat(sealed).startsWith(SealedValue.PREFIX).doesNotContain("ada");
        assertThat(new String(EMAIL.open("c-1", sealed), UTF_8)).isEqualTo("\"ada@example.com\"");

        keys.forget("c-1");
        assertThat(EMAIL.open("c-1", sealed)).isNull();
        assertThat(keys.isForgotten("c-1")).isTrue();
        // another process (a fresh cache) reading the same store sees it forgotten as well
        SubjectKeys other = SubjectKeys.of(storeOf(keys), MASTER);
        assertThat(other.forReading("c-1", SealedValue.parse(sealed).keyId())).isNull();
    }

    private static SubjectKeyStore storeOf(SubjectKeys keys) {
        return keys.store();
    }

    @Test
    void eightThreadsFirstUsingOneHundredSubjectsAtOnceMakeOneKeyPerSubject() throws Exception {
        SubjectKeyStore store = newStore();
        int threads = 8;
        int subjects = 100;
        CyclicBarrier start = new CyclicBarrier(threads);
        Map<String, Set<String>> keyIdsBySubject = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                // each thread its own SubjectKeys (its own cache), as separate processes would have
                SubjectKeys keys = SubjectKeys.of(store, MASTER);
                done.add(pool.submit(() -> {
                    start.await();
                    for (int s = 0; s < subjects; s++) {
                        String subject = "subject-" + s;
                        keyIdsBySubject.computeIfAbsent(subject, x -> ConcurrentHashMap.newKeySet())
                                .add(keys.forWriting(subject).keyId());
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(keyIdsBySubject).hasSize(subjects);
        Set<String> distinct = new HashSet<>();
        for (int s = 0; s < subjects; s++) {
            Set<String> ids = keyIdsBySubject.get("subject-" + s);
            assertThat(ids).as("key ids handed out for subject-%d", s).hasSize(1);
            assertThat(store.find("subject-" + s).keyId()).isEqualTo(ids.iterator().next());
            distinct.addAll(ids);
        }
        assertThat(distinct).as("every subject has a key of its own").hasSize(subjects);
        assertThat(rowCount(store)).isEqualTo(subjects);
    }

    /** The number of subjects with a row, counted by the store's own means. */
    protected abstract int rowCount(SubjectKeyStore store);

    /** Key id by subject, for a child process's report. */
    static Map<String, String> keyIds(List<String> lines) {
        Map<String, String> ids = new HashMap<>();
        for (String line : lines) {
            if (line.startsWith("key ")) {
                String[] parts = line.split(" ");
                ids.put(parts[1], parts[2]);
            }
        }
        return ids;
    }
}
