package io.factum.bus;

import static io.factum.bus.TestEvents.paid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.factum.bus.TestEvents.OrderPaid;
import io.factum.bus.TestEvents.OrderShipped;
import io.factum.event.EventEnvelope;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The synchronous bus with {@link SubscriberLink}s, as generated registrations subscribe them, alone and
 * mixed with hand-written handlers; several chains per class where there are more than
 * {@value SynchronousEventBus#CHAIN_LENGTH} subscribers. The links here are {@link HandlerLink}s passed
 * directly: they have the shape of generated links (which call a handler method instead of a lambda),
 * so they take the path generated registrations take, while lambdas are wrapped by the bus.
 */
@Timeout(60)
class SubscriberChainTest {

    private static final int MANY = 2 * SynchronousEventBus.CHAIN_LENGTH + 4;

    private final List<EventEnvelope<?>> unhandled = Collections.synchronizedList(new ArrayList<>());
    private final SynchronousEventBus bus = new SynchronousEventBus(unhandled::add);
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    @Test
    void linksAndHandWrittenHandlersRunInSubscriptionOrderAcrossSeveralChains() {
        List<String> names = subscribeMixed(MANY);

        bus.publish(paid("A"));

        assertThat(calls).containsExactlyElementsOf(names);
    }

    @Test
    void unsubscribingAtTheEndsAndInTheMiddleKeepsTheOthersInOrder() {
        List<String> names = new ArrayList<>(subscribeMixedNames(MANY));
        List<Registration> registrations = new ArrayList<>(subscribeAll(names));
        int chain = SynchronousEventBus.CHAIN_LENGTH;
        // last, first, the ends of two chains, the middle of one; later indexes first so the others stay put
        for (int index : List.of(MANY - 1, chain, chain - 1, chain / 2, 0)) {
            registrations.remove(index).close();
            names.remove(index);
            calls.clear();

            bus.publish(paid("A"));

            assertThat(calls).as("after unsubscribing position %d", index).containsExactlyElementsOf(names);
        }

        registrations.forEach(Registration::close);
        calls.clear();
        bus.publish(paid("B"));

        assertThat(calls).isEmpty();
        assertThat(unhandled).hasSize(1);
    }

    @Test
    void closingOneOfTwoSubscriptionsOfTheSameLinkRemovesOnlyThatOne() {
        SubscriberLink<OrderPaid> audit = link("Audit.on", envelope -> calls.add("audit"));
        Registration first = bus.subscribe("Audit.on", OrderPaid.class, audit);
        Registration second = bus.subscribe("Audit.on", OrderPaid.class, audit);
        bus.publish(paid("A"));

        first.close();
        first.close();
        bus.publish(paid("B"));
        second.close();
        bus.publish(paid("C"));

        assertThat(calls).containsExactly("audit", "audit", "audit");
        assertThat(unhandled).hasSize(1);
    }

    @Test
    void theFirstFailingLinkStopsThePublishWithItsUncheckedExceptionUnchanged() {
        IllegalStateException failure = new IllegalStateException("projection is out of sync");
        AssertionError error = new AssertionError("broken invariant");
        AtomicReference<Throwable> next = new AtomicReference<>(failure);
        bus.subscribe("before", OrderPaid.class, link("before", envelope -> calls.add("before")));
        bus.subscribe("failing", OrderPaid.class, link("failing", envelope -> {
            Throwable thrown = next.get();
            if (thrown instanceof Error e) {
                throw e;
            }
            throw (RuntimeException) thrown;
        }));
        bus.subscribe("after", OrderPaid.class, link("after", envelope -> calls.add("after")));

        assertThatThrownBy(() -> bus.publish(paid("A"))).isSameAs(failure);
        next.set(error);
        assertThatThrownBy(() -> bus.publish(paid("B"))).isSameAs(error);
        assertThat(calls).containsExactly("before", "before");
    }

    @Test
    void aCheckedExceptionOfALinkIsWrappedNamingTheSubscriberAndTheEvent() {
        IOException failure = new IOException("mail server down");
        bus.subscribe("Notifications.onOrderPaid", OrderPaid.class, link("Notifications.onOrderPaid", envelope -> {
            throw failure;
        }));
        bus.subscribe("after", OrderPaid.class, link("after", envelope -> calls.add("after")));
        EventEnvelope<OrderPaid> envelope = paid("A");

        Throwable thrown = catchThrowable(() -> bus.publish(envelope));

        assertThat(thrown).isInstanceOf(SubscriberException.class).hasCause(failure).hasMessageContaining("OrderPaid");
        assertThat(((SubscriberException) thrown).subscriberName()).isEqualTo("Notifications.onOrderPaid");
        assertThat(((SubscriberException) thrown).envelope()).isSameAs(envelope);
        assertThat(calls).isEmpty();
    }

    @Test
    void aLinkSubscribedUnderAnotherNameIsWrappedSoErrorsNameTheSubscription() {
        IOException failure = new IOException("disk full");
        bus.subscribe("Chosen.name", OrderPaid.class, link("Generated.name", envelope -> {
            throw failure;
        }));

        assertThatThrownBy(() -> bus.publish(paid("A")))
                .isInstanceOfSatisfying(SubscriberException.class,
                        e -> assertThat(e.subscriberName()).isEqualTo("Chosen.name"))
                .hasCause(failure);
    }

    @Test
    void theEndOfAChainSubscribedAsAHandlerDoesNotCutTheChain() {
        SubscriberLink<OrderPaid> end = SubscriberLink.end();
        bus.subscribe(end.subscriberName(), OrderPaid.class, end);
        bus.subscribe("after", OrderPaid.class, link("after", envelope -> calls.add("after")));

        bus.publish(paid("A"));

        assertThat(calls).containsExactly("after");
    }

    @Test
    void eventsPublishedByALinkAreHandledDepthFirst() {
        bus.subscribe("Shipping.onPaid", OrderPaid.class, link("Shipping.onPaid", envelope -> {
            calls.add("paid");
            bus.publish(LocalEnvelopes.of(new OrderShipped(envelope.payload().orderId())));
            calls.add("paid done");
        }));
        bus.subscribe("Billing.onPaid", OrderPaid.class, link("Billing.onPaid", envelope -> calls.add("billed")));
        bus.subscribe("Mail.onShipped", OrderShipped.class, link("Mail.onShipped", envelope -> calls.add("shipped")));

        bus.publish(paid("A"));

        assertThat(calls).containsExactly("paid", "shipped", "paid done", "billed");
    }

    @Test
    void changesDuringAPublishTakeEffectFromTheNextPublish() {
        AtomicReference<Registration> third = new AtomicReference<>();
        AtomicBoolean changed = new AtomicBoolean();
        bus.subscribe("first", OrderPaid.class, link("first", envelope -> {
            calls.add("first");
            if (changed.compareAndSet(false, true)) {
                third.get().close();
                bus.subscribe("late", OrderPaid.class, link("late", late -> calls.add("late")));
            }
        }));
        bus.subscribe("second", OrderPaid.class, envelope -> calls.add("second"));
        third.set(bus.subscribe("third", OrderPaid.class, link("third", envelope -> calls.add("third"))));

        bus.publish(paid("A"));
        bus.publish(paid("B"));

        assertThat(calls).containsExactly("first", "second", "third", "first", "second", "late");
    }

    @Test
    void onAnyOtherBusALinkIsAPlainHandlerThatCallsItsSubscriberOnly() throws Exception {
        SubscriberLink<OrderPaid> second = link("second", envelope -> calls.add("second"));
        SubscriberLink<OrderPaid> first = new HandlerLink<>("first", envelope -> calls.add("first"), second);

        first.handle(paid("A"));
        assertThat(calls).containsExactly("first");

        calls.clear();
        AsyncEventBus async = AsyncEventBus.builder().build();
        try {
            async.subscribe("first", OrderPaid.class, first);
            async.subscribe("second", OrderPaid.class, second);
            async.publish(paid("B"));
            assertThat(async.awaitIdle(Waiting.PATIENCE)).isTrue();
        } finally {
            async.close(Waiting.PATIENCE);
        }
        assertThat(calls).containsExactlyInAnyOrder("first", "second");
    }

    /**
     * Ten thousand subscribers of one class on a thread with a small stack: one chain would recurse ten
     * thousand calls deep, but chains are short and called in turn.
     */
    @Test
    void thousandsOfSubscribersOfOneClassNeedNoDeepStack() throws Exception {
        LongAdder handled = new LongAdder();
        for (int i = 0; i < 10_000; i++) {
            String name = "subscriber-" + i;
            if (i % 2 == 0) {
                bus.subscribe(name, OrderPaid.class, link(name, envelope -> handled.increment()));
            } else {
                bus.subscribe(name, OrderPaid.class, envelope -> handled.increment());
            }
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread publisher = new Thread(null, () -> {
            try {
                bus.publish(paid("A"));
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack publisher", 256 * 1024);

        publisher.start();
        publisher.join();

        assertThat(failure.get()).isNull();
        assertThat(handled.sum()).isEqualTo(10_000);
    }

    /**
     * Publishers run while other threads subscribe and unsubscribe, which relinks the chain holding the
     * last stable subscribers again and again: every stable subscriber still gets every event exactly once.
     */
    @Test
    void concurrentPublishersAndRelinkingDeliverExactCounts() throws Exception {
        int stableCount = SynchronousEventBus.CHAIN_LENGTH + 2;
        AtomicLong[] stable = new AtomicLong[stableCount];
        for (int i = 0; i < stableCount; i++) {
            AtomicLong counter = stable[i] = new AtomicLong();
            String name = "stable-" + i;
            bus.subscribe(name, OrderPaid.class, i % 3 == 0
                    ? envelope -> counter.incrementAndGet()
                    : link(name, envelope -> counter.incrementAndGet()));
        }
        int publishers = 3;
        int eventsEach = 20_000;
        List<Runnable> work = new ArrayList<>();
        for (int p = 0; p < publishers; p++) {
            work.add(() -> {
                EventEnvelope<OrderPaid> envelope = paid("A");
                for (int i = 0; i < eventsEach; i++) {
                    bus.publish(envelope);
                }
            });
        }
        for (int c = 0; c < 2; c++) {
            work.add(() -> {
                for (int i = 0; i < 2_000; i++) {
                    Registration older = bus.subscribe("churn", OrderPaid.class, link("churn", envelope -> {}));
                    Registration newer = bus.subscribe("churn", OrderPaid.class, envelope -> {});
                    older.close(); // from the middle: relinks what follows
                    newer.close();
                }
            });
        }

        runTogether(work);

        assertThat(stable).allSatisfy(counter -> assertThat(counter.get()).isEqualTo((long) publishers * eventsEach));
    }

    /** Concurrent subscriptions are neither lost nor doubled, and neither are concurrent unsubscriptions. */
    @Test
    void concurrentSubscribersAndUnsubscribersLoseNothing() throws Exception {
        int threadCount = 4;
        int each = 100;
        ConcurrentHashMap<String, AtomicInteger> received = new ConcurrentHashMap<>();
        List<Registration> registrations = Collections.synchronizedList(new ArrayList<>());

        runTogether(IntStream.range(0, threadCount).<Runnable>mapToObj(thread -> () -> {
            for (int i = 0; i < each; i++) {
                String name = "t" + thread + "-" + i;
                AtomicInteger counter = received.computeIfAbsent(name, key -> new AtomicInteger());
                registrations.add(bus.subscribe(name, OrderPaid.class, i % 2 == 0
                        ? link(name, envelope -> counter.incrementAndGet())
                        : envelope -> counter.incrementAndGet()));
            }
        }).toList());
        bus.publish(paid("A"));

        assertThat(received).hasSize(threadCount * each);
        assertThat(received.values()).allSatisfy(counter -> assertThat(counter.get()).isEqualTo(1));

        runTogether(IntStream.range(0, threadCount).<Runnable>mapToObj(thread -> () -> {
            for (int i = thread; i < registrations.size(); i += threadCount) {
                registrations.get(i).close();
            }
        }).toList());
        bus.publish(paid("B"));

        assertThat(received.values()).allSatisfy(counter -> assertThat(counter.get()).isEqualTo(1));
        assertThat(unhandled).hasSize(1);
    }

    /** {@code count} subscribers named {@code s00, s01, ...}, links and hand-written handlers alternating. */
    private List<String> subscribeMixed(int count) {
        List<String> names = subscribeMixedNames(count);
        subscribeAll(names);
        return names;
    }

    private static List<String> subscribeMixedNames(int count) {
        return IntStream.range(0, count).mapToObj(i -> String.format("s%02d", i)).toList();
    }

    /** Even positions as links, odd ones as lambdas, each recording its name. */
    private List<Registration> subscribeAll(List<String> names) {
        List<Registration> registrations = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            registrations.add(i % 2 == 0
                    ? bus.subscribe(name, OrderPaid.class, link(name, envelope -> calls.add(name)))
                    : bus.subscribe(name, OrderPaid.class, envelope -> calls.add(name)));
        }
        return registrations;
    }

    private static <E> SubscriberLink<E> link(String subscriberName, EventHandler<E> body) {
        return new HandlerLink<>(subscriberName, body, SubscriberLink.end());
    }

    /** Runs every piece of work on a thread of its own, all released at once; rethrows the first failure. */
    private static void runTogether(List<Runnable> work) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (Runnable piece : work) {
            threads.add(new Thread(() -> {
                try {
                    start.await();
                    piece.run();
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new AssertionError("a thread failed", failure.get());
        }
    }
}
