package io.factum.benchmarks.fleet;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.factum.benchmarks.domain.DomainFactumModule;
import io.factum.benchmarks.domain.ItemAdded;
import io.factum.benchmarks.domain.ItemAddedCodec;
import io.factum.benchmarks.domain.OrderLine;
import io.factum.codec.Json;
import io.factum.event.EventTypeRegistry;
import io.factum.store.ExpectedRevision;
import io.factum.store.Metadata;
import io.factum.store.NewEvent;
import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.sqlite.SqliteEventStore;
import io.factum.subscription.InMemoryCheckpointStore;
import io.factum.subscription.JdbcCheckpointStore;
import io.factum.subscription.Subscription;
import io.factum.subscription.SubscriptionMode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A harness for the fleet's targets, printing ratios in one run (not JMH: it measures processes).
 *
 * <ol>
 *   <li><b>Catch-up of one exclusive instance vs a single-process subscription</b> (target >= 0.9x):
 *       the same handler subscription, polled to the end of {@code events} stored events, with and
 *       without a lease; best of {@code rounds}.</li>
 *   <li><b>Failover after kill -9</b> (target <= lease + one poll interval): two child JVMs run one
 *       exclusive subscription with a handler that waits 1 ms per event; the owner is killed with
 *       SIGKILL mid-run, and the time from the kill to the standby's first event is measured by the
 *       machine's wall clock (both processes are on this machine).</li>
 * </ol>
 *
 * The catch-up line is also printed for one instance of {@code SubscriptionMode.partitioned(64)}; the
 * scaling target of partitioned mode (1 -> 2 -> 4 instances) is {@link ScalingHarness}'s.
 * SQLite only, in a temporary directory. Usage: {@code FailoverHarness [events] [rounds] [leaseMillis]}.
 * Numbers from a busy machine mean little: run it on a quiet one.
 */
public final class FailoverHarness {

    private static final byte[] PAYLOAD = Json.encode(ItemAddedCodec.INSTANCE, new ItemAdded(
            UUID.fromString("6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b"), new OrderLine("SKU-4711", 3, new BigDecimal("9.95"))));
    private static final int STREAMS = 1_000;

    private FailoverHarness() {}

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long leaseMillis = args.length > 2 ? Long.parseLong(args[2]) : 2_000;
        long pollMillis = 100;
        Path directory = Files.createTempDirectory("factum-fleet-bench");
        Path file = directory.resolve("events.db");
        JdbcEventStore store = SqliteEventStore.open(file);
        fill(store, events);

        double single = bestEventsPerSecond(store, SubscriptionMode.singleProcess(), events, rounds);
        double exclusive = bestEventsPerSecond(store, SubscriptionMode.exclusive(), events, rounds);
        System.out.printf("catch-up, single process: %,.0f events/s%n", single);
        System.out.printf("catch-up, exclusive:      %,.0f events/s  ratio %.2fx (target >= 0.90x)%n", exclusive,
                exclusive / single);
        double partitioned = bestEventsPerSecond(store, SubscriptionMode.partitioned(64), events, rounds);
        System.out.printf("catch-up, partitioned(64), one instance: %,.0f events/s  ratio %.2fx (target >= 0.90x)%n",
                partitioned, partitioned / single);

        long failover = failoverMillis(file, store.tables().prefix(), leaseMillis, pollMillis);
        System.out.printf("failover after kill -9:   %d ms  (lease %d ms + poll %d ms = %d ms; ratio %.2f, target <= 1.00)%n",
                failover, leaseMillis, pollMillis, leaseMillis + pollMillis, failover / (double) (leaseMillis + pollMillis));
    }

    /** {@code count} events, spread evenly over {@value #STREAMS} streams, 10 per append. */
    private static void fill(JdbcEventStore store, int count) {
        long[] revisions = new long[STREAMS];
        java.util.Arrays.fill(revisions, -1);
        for (int done = 0, n = 0; done < count; n++) {
            int stream = n % STREAMS;
            List<NewEvent> batch = new ArrayList<>();
            for (int i = 0; i < 10 && done < count; i++, done++) {
                batch.add(new NewEvent(UUID.randomUUID(), "ItemAdded", 1, Instant.now(), Metadata.empty(), PAYLOAD));
            }
            ExpectedRevision expected = revisions[stream] < 0 ? ExpectedRevision.noStream() : ExpectedRevision.exactly(revisions[stream]);
            revisions[stream] = store.append("Stream-" + stream, expected, batch).lastRevision();
        }
    }

    private static double bestEventsPerSecond(JdbcEventStore store, SubscriptionMode mode, int events, int rounds)
            throws InterruptedException {
        EventTypeRegistry registry = EventTypeRegistry.of(new DomainFactumModule());
        double best = 0;
        for (int round = 0; round < rounds; round++) {
            int[] handled = {0};
            Subscription subscription = Subscription.builder("catch-up-" + mode + "-" + round, store, registry)
                    // Partitioned mode keeps its checkpoints per slice in the store's leases table.
                    .handler(event -> handled[0]++, mode.equals(SubscriptionMode.partitioned(64))
                            ? new JdbcCheckpointStore(store) : new InMemoryCheckpointStore())
                    .mode(mode)
                    .pollInterval(java.time.Duration.ofMillis(10))
                    .build();
            long started = System.nanoTime();
            subscription.start();
            if (!subscription.awaitCaughtUp(java.time.Duration.ofMinutes(5))) {
                throw new IllegalStateException("catch-up did not finish: " + subscription.lastError());
            }
            long nanos = System.nanoTime() - started;
            subscription.close();
            if (handled[0] != events) {
                throw new IllegalStateException("handled " + handled[0] + " of " + events);
            }
            best = Math.max(best, events * 1e9 / nanos);
        }
        return best;
    }

    private static long failoverMillis(Path file, String prefix, long leaseMillis, long pollMillis) throws Exception {
        List<String> first = Collections.synchronizedList(new ArrayList<>());
        List<String> second = Collections.synchronizedList(new ArrayList<>());
        Process owner = child(file, prefix, "first", leaseMillis, pollMillis, first);
        awaitLine(first, "handled ");
        Process standby = child(file, prefix, "second", leaseMillis, pollMillis, second);
        try {
            awaitLine(second, "started");
            Thread.sleep(leaseMillis); // the standby has tried to claim, and found the lease held
            long killedAt = System.currentTimeMillis();
            owner.destroyForcibly().waitFor();
            String taken = awaitLine(second, "handled ");
            return Long.parseLong(taken.split(" ")[2]) - killedAt;
        } finally {
            owner.destroyForcibly();
            standby.destroyForcibly();
        }
    }

    private static Process child(Path file, String prefix, String instance, long leaseMillis, long pollMillis,
            List<String> lines) throws IOException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), FleetInstanceMain.class.getName(), file.toString(), prefix, instance,
                String.valueOf(leaseMillis), String.valueOf(pollMillis)).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(output ended: " + e + ")");
            }
        });
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    private static String awaitLine(List<String> lines, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            synchronized (lines) {
                for (String line : lines) {
                    if (line.startsWith(prefix)) {
                        return line;
                    }
                }
            }
            Thread.sleep(1);
        }
        throw new IllegalStateException("no line starting with '" + prefix + "' in " + lines);
    }
}
