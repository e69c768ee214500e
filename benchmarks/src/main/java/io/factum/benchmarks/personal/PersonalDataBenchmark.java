package io.factum.benchmarks.personal;

import io.factum.benchmarks.BenchmarkSettings;
import io.factum.benchmarks.domain.PlainCustomerRegistered;
import io.factum.benchmarks.domain.PlainCustomerRegisteredCodec;
import io.factum.benchmarks.domain.SealedCustomerRegistered;
import io.factum.benchmarks.domain.SealedCustomerRegisteredCodec;
import io.factum.codec.Json;
import io.factum.personal.InMemorySubjectKeyStore;
import io.factum.personal.MasterKey;
import io.factum.personal.PersonalData;
import io.factum.personal.SubjectKeys;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encoding and decoding the lesson's {@code CustomerRegistered} with two {@code @PersonalData} components (key
 * cached) side by side with the same record without them; and a decode whose key is not cached (read from the
 * in-memory key store and unwrapped under the master key each time). Target: at most the
 * plain codec + 600 ns per sealed value, so + 1,200 ns for these two. Scores are nanoseconds per event.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchmarkSettings.HEAP_MIN, BenchmarkSettings.HEAP_MAX, BenchmarkSettings.PRE_TOUCH})
public class PersonalDataBenchmark {

    private PlainCustomerRegistered plain;
    private SealedCustomerRegistered sealed;
    private byte[] plainJson;
    private byte[] sealedJson;
    private SubjectKeys keys;
    private PersonalData.Installed installed;

    @Setup
    public void setUp() {
        keys = SubjectKeys.of(new InMemorySubjectKeyStore(), MasterKey.of(new byte[32]));
        installed = PersonalData.use(keys);
        plain = new PlainCustomerRegistered("customer-17", "Ada Lovelace", "ada@example.com", "gold");
        sealed = new SealedCustomerRegistered("customer-17", "Ada Lovelace", "ada@example.com", "gold");
        plainJson = Json.encode(PlainCustomerRegisteredCodec.INSTANCE, plain);
        sealedJson = Json.encode(SealedCustomerRegisteredCodec.INSTANCE, sealed);
    }

    @TearDown
    public void tearDown() {
        installed.close();
    }

    @Benchmark
    public byte[] encodePlain() {
        return Json.encode(PlainCustomerRegisteredCodec.INSTANCE, plain);
    }

    @Benchmark
    public byte[] encodeSealed() {
        return Json.encode(SealedCustomerRegisteredCodec.INSTANCE, sealed);
    }

    @Benchmark
    public PlainCustomerRegistered decodePlain() {
        return Json.decode(PlainCustomerRegisteredCodec.INSTANCE, plainJson, "BenchCustomerRegisteredPlain");
    }

    @Benchmark
    public SealedCustomerRegistered decodeSealed() {
        return Json.decode(SealedCustomerRegisteredCodec.INSTANCE, sealedJson, "BenchCustomerRegisteredSealed");
    }

    /** A decode whose key has to be read from the store and unwrapped (cache cleared first). */
    @Benchmark
    public SealedCustomerRegistered decodeSealedKeyNotCached() {
        keys.clearCache();
        return Json.decode(SealedCustomerRegisteredCodec.INSTANCE, sealedJson, "BenchCustomerRegisteredSealed");
    }
}
