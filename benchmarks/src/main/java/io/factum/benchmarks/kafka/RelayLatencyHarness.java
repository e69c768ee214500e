package io.factum.benchmarks.kafka;

import io.factum.benchmarks.domain.DomainFactumModule;
import io.factum.benchmarks.store.BenchDatabase;
import io.factum.benchmarks.store.SampleEvents;
import io.factum.event.EventTypeRegistry;
import io.factum.kafka.KafkaRelay;
import io.factum.kafka.KafkaSubscription;
import io.factum.kafka.RelayTopics;
import io.factum.kafka.testbroker.TestBroker;
import io.factum.store.AppendResult;
import io.factum.store.ExpectedRevision;
import io.factum.store.postgres.PostgresAppendListener;
import io.factum.store.postgres.PostgresEventStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * End-to-end latency, append to handled by a Kafka consumer, at a steady rate: a writer appends one event at a
 * time to PostgreSQL at {@code rate} events/s (open loop: on schedule, however long deliveries take; eight writer
 * threads on streams of their own, each event timed from when it was due), a running
 * {@link KafkaRelay} woken by the store's {@code LISTEN/NOTIFY} ({@code wakeUpOn}, its default 200 ms poll interval
 * only the fallback) produces them to the test broker, and a {@link KafkaSubscription} handler notes when each
 * arrives. Prints p50, p99 and the maximum in milliseconds (target: p99 <= 50 ms on loopback). Not JMH: a
 * percentile of an open-loop stream is not a JMH score.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.factum.benchmarks.kafka.RelayLatencyHarness [rate] [seconds]</pre>
 */
public final class RelayLatencyHarness {

    /** What a run measured, in milliseconds. */
    public record Result(int events, double p50, double p99, double max) {
        @Override
        public String toString() {
            return String.format("%d events: p50 %.1f ms, p99 %.1f ms, max %.1f ms", events, p50, p99, max);
        }
    }

    private static final int WRITERS = 8;

    private RelayLatencyHarness() {}

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Result result = run(rate, seconds);
        System.out.println("Append to handled through Kafka at " + rate + " events/s: " + result
                + (result.p99() <= 50 ? " (target p99 <= 50 ms: met)" : " (target p99 <= 50 ms: missed)"));
    }

    /**
     * Runs for {@code seconds} at {@code rate} events/s, once a first event went through (the consumer joined its
     * group); the first second's events are warm-up, not counted.
     */
    public static Result run(int rate, int seconds) throws InterruptedException {
        // Connections: the writers, the relay's reads, its lease and the append listener.
        try (TestBroker broker = TestBroker.start(); BenchDatabase database = BenchDatabase.create(BenchDatabase.POSTGRES, WRITERS + 3)) {
            PostgresEventStore store = (PostgresEventStore) database.factumStore("latency");
            String topic = "latency";
            broker.createTopic(topic, 3);
            Map<Long, Long> appendedAt = new ConcurrentHashMap<>();
            Map<Long, Long> handledAt = new ConcurrentHashMap<>();
            try (PostgresAppendListener appends = store.listenForAppends();
                 KafkaRelay relay = KafkaRelay.builder("latency", store, broker.bootstrapServers())
                    .topics(RelayTopics.single(topic)).wakeUpOn(appends).build();
                 KafkaSubscription consumer = KafkaSubscription.builder("latency", broker.bootstrapServers(),
                         EventTypeRegistry.of(new DomainFactumModule())).topics(List.of(topic))
                         .consumerConfig(Map.of(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5))
                         .handler(envelope -> handledAt.put(envelope.globalPosition(), System.nanoTime())).build()) {
                relay.start();
                consumer.start();
                SampleEvents sample = new SampleEvents();
                // Until one event went through, the consumer may still be joining its group: not what is measured.
                store.append(sample.newStreamId(), ExpectedRevision.noStream(), sample.next(1));
                long probe = store.lastPosition();
                long joined = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!handledAt.containsKey(probe)) {
                    if (System.nanoTime() > joined) {
                        throw new IllegalStateException("the first event was not handled within 60 s: relay "
                                + relay.status() + " " + relay.lastError() + ", consumer " + consumer.status());
                    }
                    Thread.sleep(10);
                }
                long interval = TimeUnit.SECONDS.toNanos(1) / rate;
                long start = System.nanoTime();
                long warmUpEnd = start + TimeUnit.SECONDS.toNanos(1);
                int total = rate * seconds;
                // Several writers, each on a stream of its own, so that the schedule holds while one append waits
                // for its commit; writer w appends events w, w + WRITERS, ... each when it is due.
                Thread[] writers = new Thread[WRITERS];
                RuntimeException[] failure = new RuntimeException[1];
                for (int w = 0; w < WRITERS; w++) {
                    int first = w;
                    String stream = sample.newStreamId();
                    List<io.factum.store.NewEvent> events = new java.util.ArrayList<>();
                    for (int i = first; i < total; i += WRITERS) {
                        events.addAll(sample.next(1));
                    }
                    writers[w] = new Thread(() -> {
                        long revision = -1;
                        int n = 0;
                        try {
                            for (int i = first; i < total; i += WRITERS) {
                                long due = start + i * interval;
                                while (System.nanoTime() < due) {
                                    LockSupport.parkNanos(due - System.nanoTime());
                                }
                                AppendResult appended = store.append(stream, revision < 0 ? ExpectedRevision.noStream()
                                        : ExpectedRevision.exactly(revision), List.of(events.get(n++)));
                                revision = appended.lastRevision();
                                if (due >= warmUpEnd) {
                                    appendedAt.put(appended.lastPosition(), due); // from when it was due: a late append counts its wait
                                }
                            }
                        } catch (RuntimeException e) {
                            failure[0] = e;
                        }
                    }, "writer-" + w);
                    writers[w].start();
                }
                for (Thread writer : writers) {
                    writer.join();
                }
                if (failure[0] != null) {
                    throw failure[0];
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!handledAt.keySet().containsAll(appendedAt.keySet())) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("not every event was handled within 60 s: relay "
                                + relay.status() + " " + relay.lastError() + ", consumer " + consumer.status() + " "
                                + consumer.lastError());
                    }
                    Thread.sleep(50);
                }
            } finally {
                store.close();
            }
            double[] millis = appendedAt.entrySet().stream()
                    .mapToDouble(e -> (handledAt.get(e.getKey()) - e.getValue()) / 1e6).sorted().toArray();
            return new Result(millis.length, percentile(millis, 0.50), percentile(millis, 0.99),
                    millis.length == 0 ? 0 : millis[millis.length - 1]);
        }
    }

    private static double percentile(double[] sorted, double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)];
    }

}
