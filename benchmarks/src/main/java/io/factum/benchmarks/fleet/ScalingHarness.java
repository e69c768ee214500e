package io.factum.benchmarks.fleet;

import io.factum.benchmarks.domain.ItemAdded;
import io.factum.benchmarks.domain.ItemAddedCodec;
import io.factum.benchmarks.domain.OrderLine;
import io.factum.codec.Json;
import io.factum.store.Metadata;
import io.factum.store.ExpectedRevision;
import io.factum.store.NewEvent;
import io.factum.store.jdbc.JdbcEventStore;
import io.factum.subscription.FleetStatus;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * The scaling harness of partitioned mode, printing ratios in one run (not JMH: it measures
 * processes). For each instance count (default 1, 2, 4) it stores {@code events} events spread
 * evenly over {@code streams} streams (at least 1,000) under a fresh table prefix, starts that many
 * child JVMs of one partitioned subscription whose handler waits 1 ms per event, and measures the
 * time from their launch until the fleet's lag is 0 (targets: >= 1.8x at 2, >= 3.2x at 4). Then
 * the failover of partitioned mode: two instances run, one is killed with SIGKILL, and the time from
 * the kill until the survivor holds every slice is measured (target <= lease + one heartbeat).
 *
 * <p>Usage: {@code ScalingHarness [events] [streams] [leaseMillis] [instance counts, e.g. 1,2,4]
 * [sqlite|jdbc:postgresql url]}; SQLite in a temporary directory by default. Numbers from a busy
 * machine mean little: run it on a quiet one.
 */
public final class ScalingHarness {

    private static final int SLICES = 64;
    private static final byte[] PAYLOAD = Json.encode(ItemAddedCodec.INSTANCE, new ItemAdded(
            UUID.fromString("6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b"), new OrderLine("SKU-4711", 3, new BigDecimal("9.95"))));

    private ScalingHarness() {}

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int streams = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        long leaseMillis = args.length > 2 ? Long.parseLong(args[2]) : 2_000;
        int[] counts = Arrays.stream((args.length > 3 ? args[3] : "1,2,4").split(",")).mapToInt(Integer::parseInt).toArray();
        String location = args.length > 4 && !args[4].equals("sqlite") ? args[4]
                : Files.createTempDirectory("factum-scaling").resolve("events.db").toString();
        if (streams < 1_000 || events % streams != 0) {
            throw new IllegalArgumentException("use at least 1,000 streams and a multiple of them as events, was "
                    + events + " events over " + streams + " streams");
        }
        double base = 0;
        for (int count : counts) {
            double rate = eventsPerSecond(location, count, events, streams, leaseMillis);
            base = base == 0 ? rate : base;
            System.out.printf("partitioned, %d instance(s): %,.0f events/s  ratio %.2fx%s%n", count, rate, rate / base,
                    count == 2 ? " (target >= 1.80x)" : count == 4 ? " (target >= 3.20x)" : "");
        }
        long failover = failoverMillis(location, Math.max(streams, events / 4), streams, leaseMillis);
        long bound = leaseMillis + leaseMillis / 3;
        System.out.printf("partitioned failover after kill -9: %d ms (lease + heartbeat = %d ms; ratio %.2f, target <= 1.00)%n",
                failover, bound, failover / (double) bound);
    }

    private static double eventsPerSecond(String location, int instances, int events, int streams, long leaseMillis)
            throws Exception {
        String prefix = "scale" + instances + "_" + UUID.randomUUID().toString().substring(0, 6) + "_";
        JdbcEventStore store = PartitionedInstanceMain.open(location, prefix);
        fill(store, events, streams);
        List<Process> children = new ArrayList<>();
        try {
            long started = System.nanoTime();
            for (int i = 0; i < instances; i++) {
                children.add(child(location, prefix, "i" + i, leaseMillis));
            }
            await(() -> {
                FleetStatus status = FleetStatus.of(store, PartitionedInstanceMain.NAME);
                return status.leases().size() > 0 && status.lag() == 0;
            }, "the fleet of " + instances + " catches up");
            return events * 1e9 / (System.nanoTime() - started);
        } finally {
            children.forEach(Process::destroyForcibly);
        }
    }

    private static long failoverMillis(String location, int events, int streams, long leaseMillis) throws Exception {
        String prefix = "failover_" + UUID.randomUUID().toString().substring(0, 6) + "_";
        JdbcEventStore store = PartitionedInstanceMain.open(location, prefix);
        fill(store, events - events % streams, streams);
        Process killed = child(location, prefix, "a", leaseMillis);
        Process survivor = child(location, prefix, "b", leaseMillis);
        try {
            await(() -> FleetStatus.of(store, PartitionedInstanceMain.NAME).slicesByOwner().size() == 2, "two owners");
            long killedAt = System.nanoTime();
            killed.destroyForcibly().waitFor();
            await(() -> FleetStatus.of(store, PartitionedInstanceMain.NAME).slicesByOwner().equals(Map.of("b", SLICES)),
                    "b holds every slice");
            return (System.nanoTime() - killedAt) / 1_000_000;
        } finally {
            killed.destroyForcibly();
            survivor.destroyForcibly();
        }
    }

    /** {@code count} events, the same number in each of {@code streams} streams, 10 per append. */
    private static void fill(JdbcEventStore store, int count, int streams) {
        long[] revisions = new long[streams];
        Arrays.fill(revisions, -1);
        for (int done = 0, n = 0; done < count; n++) {
            int stream = n % streams;
            List<NewEvent> batch = new ArrayList<>();
            for (int i = 0; i < 10 && done < count; i++, done++) {
                batch.add(new NewEvent(UUID.randomUUID(), "ItemAdded", 1, Instant.now(), Metadata.empty(), PAYLOAD));
            }
            ExpectedRevision expected = revisions[stream] < 0 ? ExpectedRevision.noStream() : ExpectedRevision.exactly(revisions[stream]);
            revisions[stream] = store.append("Stream-" + stream, expected, batch).lastRevision();
        }
    }

    private static Process child(String location, String prefix, String instance, long leaseMillis) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m", "-cp",
                System.getProperty("java.class.path"), PartitionedInstanceMain.class.getName(), location, prefix, instance,
                String.valueOf(leaseMillis), String.valueOf(SLICES)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
