package io.factum.benchmarks.report;

import static io.factum.benchmarks.report.Scores.key;

import io.factum.benchmarks.bus.AsyncThroughputBenchmark;
import io.factum.benchmarks.bus.InstrumentedPublishBenchmark;
import io.factum.benchmarks.bus.SyncPublishBenchmark;
import io.factum.benchmarks.bus.SyncPublishMixedBenchmark;
import io.factum.benchmarks.codec.CodecBenchmark;
import io.factum.benchmarks.codec.DslJsonJdkInstantBenchmark;
import io.factum.benchmarks.kafka.RelayThroughputBenchmark;
import io.factum.benchmarks.personal.PersonalDataBenchmark;
import io.factum.benchmarks.replay.ReplayBenchmark;
import io.factum.benchmarks.snapshot.AxonSnapshotLoadBenchmark;
import io.factum.benchmarks.snapshot.SnapshotLoadBenchmark;
import io.factum.benchmarks.store.AppendBenchmark;
import io.factum.benchmarks.store.FleetAppendBenchmark;
import io.factum.benchmarks.store.CatchUpBenchmark;
import io.factum.benchmarks.store.InstrumentedAppendBenchmark;
import io.factum.benchmarks.store.NotifyLatencyBenchmark;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** The rows of the report and the performance targets (the ones benchmarks/README.md lists), in one place. */
public final class Comparisons {

    private static final String AVAJE = "avaje-jsonb 3.7";
    private static final String DSL_JSON = "DSL-JSON 2.0.2, own date-time code";
    private static final String DSL_JSON_JDK = "DSL-JSON 2.0.2, JDK Instant text";

    private Comparisons() {}

    public static List<Comparison> all() {
        List<Comparison> rows = new ArrayList<>();
        String handWritten = key(ReplayBenchmark.class, "handWrittenSwitch");
        String axonLoad = key(ReplayBenchmark.class, "axonRepositoryLoad");
        String axonApply = key(ReplayBenchmark.class, "axonApplyOnly");
        List<Comparison.Peer> replayPeers = List.of(
                new Comparison.Peer("Axon 4.13 repository load", axonLoad),
                new Comparison.Peer("Axon 4.13 apply path alone", axonApply),
                new Comparison.Peer("hand-written instanceof chain", handWritten));
        rows.add(new Comparison("Replay 1,000 decoded events, generated AggregateType.apply (ns/event)",
                key(ReplayBenchmark.class, "factumGeneratedApply"), replayPeers, List.of(
                        Target.fasterThan(axonLoad, 30, ">= 30x Axon repository load"),
                        Target.within(handWritten, 1.2, "within 1.2x of hand-written"))));
        rows.add(new Comparison("Replay 1,000 decoded events through AggregateRoot.replayed (ns/event)",
                key(ReplayBenchmark.class, "factumAggregateReplayed"), replayPeers, List.of()));
        rows.add(new Comparison("Load through a repository, 1,000 events (ns/event; Factum decodes JSON, Axon's"
                + " in-memory engine keeps objects)", key(ReplayBenchmark.class, "factumRepositoryLoad"), List.of(
                        new Comparison.Peer("Axon 4.13 repository load", axonLoad)), List.of()));
        rows.add(new Comparison("Replay 1,000 stored JSON events, bytes to state (ns/event)",
                key(ReplayBenchmark.class, "factumReplayFromJson"), List.of(
                        new Comparison.Peer("JsonMapper decode, then apply", key(ReplayBenchmark.class,
                                "jsonMapperDecodeThenApply"))), List.of()));

        rows.addAll(snapshotLoads());
        rows.addAll(codecRows());

        String guava = key(SyncPublishBenchmark.class, "guavaEventBus");
        String direct = key(SyncPublishBenchmark.class, "directCalls");
        List<Target> publishTargets = List.of(
                Target.fasterThan(guava, 10, ">= 10x Guava EventBus"),
                Target.within(direct, 1.5, "within 1.5x of direct calls (stretch)"));
        List<Comparison.Peer> guavaAndDirect = List.of(
                new Comparison.Peer("Guava EventBus", guava),
                new Comparison.Peer("direct method calls", direct));
        rows.add(new Comparison("Synchronous publish of one event to 3 subscribers (ns/publish)",
                key(SyncPublishBenchmark.class, "factumSyncBus"), List.of(
                        new Comparison.Peer("Guava EventBus", guava),
                        new Comparison.Peer("HashMap<Class, Consumer[]> yardstick",
                                key(SyncPublishBenchmark.class, "classMapDispatch")),
                        new Comparison.Peer("direct method calls", direct)), publishTargets));
        rows.add(new Comparison("Synchronous publish of one event to 3 subscribers, publisher bound to its class (ns/publish)",
                key(SyncPublishBenchmark.class, "factumBoundPublisher"), guavaAndDirect,
                publishTargets));
        rows.add(new Comparison("Synchronous publish of one event to 3 subscribers, compile-time router (ns/publish)",
                key(SyncPublishBenchmark.class, "factumRouter"), guavaAndDirect,
                publishTargets));
        rows.add(new Comparison("Synchronous publish round-robin over 4 event types, 3 subscribers each (ns/publish)",
                key(SyncPublishMixedBenchmark.class, "factumSyncBus"), List.of(
                        new Comparison.Peer("Guava EventBus", key(SyncPublishMixedBenchmark.class, "guavaEventBus")),
                        new Comparison.Peer("instanceof chain, direct calls",
                                key(SyncPublishMixedBenchmark.class, "directCalls"))), List.of()));
        rows.add(new Comparison("Asynchronous publish to 3 subscribers (events/s, each delivered 3 times)",
                key(AsyncThroughputBenchmark.class, "factumAsyncBus"), List.of(
                        new Comparison.Peer("Guava AsyncEventBus", key(AsyncThroughputBenchmark.class,
                                "guavaAsyncEventBus"))), List.of()));

        for (String backend : List.of("sqlite", "postgres")) {
            for (int writers : List.of(1, 8)) {
                for (int events : List.of(1, 10)) {
                    rows.add(append(backend, writers, events));
                }
            }
        }
        rows.add(fleetAppend());
        for (String backend : List.of("sqlite", "postgres")) {
            String params = "backend=" + backend + ",events=" + CatchUpBenchmark.DEFAULT_EVENTS;
            rows.add(new Comparison("Catch-up subscription reading all " + CatchUpBenchmark.DEFAULT_EVENTS
                    + " events, " + backend + " (events/s)",
                    key(CatchUpBenchmark.class, "factumCatchUp", params), List.of(
                            new Comparison.Peer("same subscription, checkpoint in memory", key(CatchUpBenchmark.class,
                                    "factumCatchUpInMemoryCheckpoint", params)),
                            new Comparison.Peer("raw JDBC SELECT in batches", key(CatchUpBenchmark.class,
                                    "jdbcReadAll", params))),
                    List.of(Target.atLeast(200_000, ">= 200k events/s (" + backend + ")")),
                    CatchUpBenchmark.DEFAULT_EVENTS, "events/s"));
        }
        rows.add(new Comparison("Append-to-delivery latency, PostgreSQL LISTEN/NOTIFY subscription (us/event)",
                key(NotifyLatencyBenchmark.class, "factumAppendToDelivery"), List.of(), List.of()));
        String plainProducer = key(RelayThroughputBenchmark.class, "plainProducer",
                "events=" + RelayThroughputBenchmark.DEFAULT_EVENTS);
        rows.add(new Comparison("Kafka relay, PostgreSQL to the test broker, " + RelayThroughputBenchmark.DEFAULT_EVENTS
                + " events (events/s)", key(RelayThroughputBenchmark.class, "relay",
                        "events=" + RelayThroughputBenchmark.DEFAULT_EVENTS),
                List.of(new Comparison.Peer("plain KafkaProducer, same records and settings", plainProducer)),
                List.of(Target.fractionOf(plainProducer, 0.7, ">= 0.7x a plain producer")),
                RelayThroughputBenchmark.DEFAULT_EVENTS, "events/s"));
        rows.addAll(instrumentation());
        rows.addAll(personalData());
        return rows;
    }

    /**
     * Issue 15: loading an order with a snapshot at its head vs without, Factum from SQLite and PostgreSQL,
     * Axon 4.13 from its in-memory engine (the replay peer's storage). Targets: with a snapshot, 100k events
     * load within 1.5x of 10k, and Factum's snapshot load >= 10x Axon's.
     */
    private static List<Comparison> snapshotLoads() {
        List<Comparison> rows = new ArrayList<>();
        for (String backend : List.of("sqlite", "postgres")) {
            for (int events : List.of(SnapshotLoadBenchmark.SHORT, SnapshotLoadBenchmark.LONG)) {
                String factum = "backend=" + backend + ",events=" + events;
                String axon = "events=" + events;
                String axonSnapshot = key(AxonSnapshotLoadBenchmark.class, "axonLoadWithSnapshot", axon);
                List<Target> targets = new ArrayList<>();
                if (events == SnapshotLoadBenchmark.LONG) {
                    targets.add(Target.within(key(SnapshotLoadBenchmark.class, "factumLoadWithSnapshot",
                            "backend=" + backend + ",events=" + SnapshotLoadBenchmark.SHORT), 1.5,
                            "within 1.5x of the 10,000-event load (independent of history)"));
                }
                targets.add(Target.fasterThan(axonSnapshot, 10, ">= 10x Axon's snapshot load"));
                rows.add(new Comparison(String.format("Load an order with a snapshot at the head, %,d events, %s"
                        + " (us/load; Axon from its in-memory engine)", events, backend),
                        key(SnapshotLoadBenchmark.class, "factumLoadWithSnapshot", factum), List.of(
                                new Comparison.Peer("Axon 4.13 AggregateSnapshotter snapshot", axonSnapshot),
                                new Comparison.Peer("Factum without snapshots", key(SnapshotLoadBenchmark.class,
                                        "factumLoadWithoutSnapshot", factum)),
                                new Comparison.Peer("Axon 4.13 without snapshots", key(AxonSnapshotLoadBenchmark.class,
                                        "axonLoadWithoutSnapshot", axon))),
                        targets));
            }
        }
        return rows;
    }

    /** {@code @PersonalData}'s cost: two sealed components vs the plain record (issue 17; no ratio target, an absolute one). */
    private static List<Comparison> personalData() {
        String encodePlain = key(PersonalDataBenchmark.class, "encodePlain");
        String decodePlain = key(PersonalDataBenchmark.class, "decodePlain");
        return List.of(
                new Comparison("Encode CustomerRegistered, 2 @PersonalData components, key cached (ns/event; target:"
                        + " plain + 1,200 ns)", key(PersonalDataBenchmark.class, "encodeSealed"),
                        List.of(new Comparison.Peer("same record, plain", encodePlain)), List.of()),
                new Comparison("Decode CustomerRegistered, 2 @PersonalData components, key cached (ns/event; target:"
                        + " plain + 1,200 ns)", key(PersonalDataBenchmark.class, "decodeSealed"),
                        List.of(new Comparison.Peer("same record, plain", decodePlain)), List.of()),
                new Comparison("Decode CustomerRegistered, 2 @PersonalData components, key not cached (ns/event)",
                        key(PersonalDataBenchmark.class, "decodeSealedKeyNotCached"),
                        List.of(new Comparison.Peer("same record, key cached", key(PersonalDataBenchmark.class,
                                "decodeSealed"))), List.of()));
    }

    /** factum-micrometer's overhead: instrumented vs plain publish and append (issue 16's targets). */
    private static List<Comparison> instrumentation() {
        List<Comparison> rows = new ArrayList<>();
        String plainPublish = key(InstrumentedPublishBenchmark.class, "plainSyncBus");
        rows.add(new Comparison("Synchronous publish to 3 subscribers, counted by MeteredEventBus, the default: counters "
                + "only, timing off (ns/publish)", key(InstrumentedPublishBenchmark.class, "countedSyncBus"),
                List.of(new Comparison.Peer("plain bus", plainPublish)),
                List.of(Target.atMostAbove(plainPublish, 15, "<= plain + 15 ns"))));
        rows.add(new Comparison("Synchronous publish to 3 subscribers, counted and timed (factum.bus.timed=true; ns/publish)",
                key(InstrumentedPublishBenchmark.class, "countedAndTimedSyncBus"),
                List.of(new Comparison.Peer("plain bus", plainPublish)), List.of()));
        for (String backend : List.of("sqlite", "postgres")) {
            String params = "backend=" + backend;
            String plainAppend = key(InstrumentedAppendBenchmark.class, "plainAppend", params);
            rows.add(new Comparison("Append, " + backend + ", 1 writer, 1 event, measured by MeteredEventStore (appends/s)",
                    key(InstrumentedAppendBenchmark.class, "meteredAppend", params),
                    List.of(new Comparison.Peer("plain store", plainAppend)),
                    List.of(Target.fractionOf(plainAppend, 0.95, "within 5% of the plain store"))));
        }
        return rows;
    }

    /** Every benchmark key {@code rows} print: Factum's, each peer's and each target's. */
    public static Set<String> keysOf(List<Comparison> rows) {
        Set<String> keys = new TreeSet<>();
        for (Comparison row : rows) {
            keys.add(row.factum());
            row.peers().forEach(peer -> keys.add(peer.key()));
            row.targets().stream().map(Target::peer).filter(Objects::nonNull).forEach(keys::add);
        }
        return keys;
    }

    private static List<Comparison> codecRows() {
        String encodeMapper = key(CodecBenchmark.class, "encodeJsonMapper");
        String encodeDslJson = key(CodecBenchmark.class, "encodeDslJson");
        String decodeMapper = key(CodecBenchmark.class, "decodeJsonMapper");
        String decodeDslJson = key(CodecBenchmark.class, "decodeDslJson");
        String roundTripDslJson = key(CodecBenchmark.class, "roundTripConfirmedDslJson");
        return List.of(
                new Comparison("Encode OrderCreated with 3 lines to JSON bytes (ns/event)",
                        key(CodecBenchmark.class, "encodeFactum"), List.of(
                                new Comparison.Peer("Jackson 3 JsonMapper", encodeMapper),
                                new Comparison.Peer("hand-written streaming", key(CodecBenchmark.class, "encodeHandWritten")),
                                new Comparison.Peer(AVAJE, key(CodecBenchmark.class, "encodeAvaje")),
                                new Comparison.Peer(DSL_JSON, encodeDslJson),
                                new Comparison.Peer(DSL_JSON_JDK, key(DslJsonJdkInstantBenchmark.class, "encode"))),
                        List.of(Target.fasterThan(encodeMapper, 1.3, "encode >= 1.3x JsonMapper"),
                                Target.fasterThan(encodeDslJson, 1, "encode >= DSL-JSON at its fastest (#18)"))),
                new Comparison("Decode OrderCreated with 3 lines from JSON bytes (ns/event)",
                        key(CodecBenchmark.class, "decodeFactum"), List.of(
                                new Comparison.Peer("Jackson 3 JsonMapper", decodeMapper),
                                new Comparison.Peer("hand-written streaming", key(CodecBenchmark.class, "decodeHandWritten")),
                                new Comparison.Peer(AVAJE, key(CodecBenchmark.class, "decodeAvaje")),
                                new Comparison.Peer(DSL_JSON, decodeDslJson),
                                new Comparison.Peer(DSL_JSON_JDK, key(DslJsonJdkInstantBenchmark.class, "decode"))),
                        List.of(Target.fasterThan(decodeMapper, 1.5, "decode >= 1.5x JsonMapper"),
                                Target.fasterThan(decodeDslJson, 1, "decode >= DSL-JSON at its fastest (#18)"))),
                new Comparison("Encode + decode OrderConfirmed, 94 bytes of JSON (ns/event)",
                        key(CodecBenchmark.class, "roundTripConfirmedFactum"), List.of(
                                new Comparison.Peer("Jackson 3 JsonMapper", key(CodecBenchmark.class,
                                        "roundTripConfirmedJsonMapper")),
                                new Comparison.Peer(AVAJE, key(CodecBenchmark.class, "roundTripConfirmedAvaje")),
                                new Comparison.Peer(DSL_JSON, roundTripDslJson),
                                new Comparison.Peer(DSL_JSON_JDK, key(DslJsonJdkInstantBenchmark.class,
                                        "roundTripConfirmed"))),
                        List.of(Target.fasterThan(roundTripDslJson, 1,
                                "small event >= DSL-JSON at its fastest (#18)"))));
    }

    /** Issue #18: appends from 3 processes, the fleet's write path; the scores are already events/s. */
    private static Comparison fleetAppend() {
        String jdbc = key(FleetAppendBenchmark.class, "jdbcFleet");
        return new Comparison("Append from a fleet, postgres, 3 processes x 8 writers, 10 events per append (events/s)",
                key(FleetAppendBenchmark.class, "factumFleet"),
                List.of(new Comparison.Peer("raw JDBC batch insert, 3 processes", jdbc)),
                List.of(Target.fractionOf(jdbc, 0.7, "fleet append within 0.7x of raw JDBC from 3 processes (#18)")),
                1, "events/s");
    }

    private static Comparison append(String backend, int writers, int eventsPerAppend) {
        String params = "backend=" + backend + ",eventsPerAppend=" + eventsPerAppend;
        String suffix = writers == 1 ? "1Writer" : writers + "Writers";
        String jdbc = key(AppendBenchmark.class, "jdbcBatch" + suffix, params);
        List<Target> targets = backend.equals("postgres") && writers == 8 && eventsPerAppend == 10
                ? List.of(Target.fractionOf(jdbc, 0.7, "PostgreSQL append within 0.7x of raw JDBC"))
                : List.of();
        return new Comparison(String.format("Append, %s, %d writer%s, %d event%s per append (events/s)",
                backend, writers, writers == 1 ? "" : "s", eventsPerAppend, eventsPerAppend == 1 ? "" : "s"),
                key(AppendBenchmark.class, "factumAppend" + suffix, params),
                List.of(new Comparison.Peer("raw JDBC batch insert", jdbc),
                        new Comparison.Peer("Factum, group commit off", key(AppendBenchmark.class,
                                "factumNoGroupCommit" + suffix, params))),
                targets, eventsPerAppend, "events/s");
    }
}
