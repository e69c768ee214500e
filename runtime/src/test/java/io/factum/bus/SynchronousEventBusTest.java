package io.factum.bus;

import static io.factum.bus.TestEvents.paid;
import static io.factum.bus.TestEvents.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factum.bus.TestEvents.OrderCancelled;
import io.factum.bus.TestEvents.OrderEvent;
import io.factum.bus.TestEvents.OrderPaid;
import io.factum.bus.TestEvents.OrderPlaced;
import io.factum.bus.TestEvents.OrderRefunded;
import io.factum.bus.TestEvents.OrderShipped;
import com.sun.management.ThreadMXBean;
import io.factum.event.EventEnvelope;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SynchronousEventBusTest {

    private final SynchronousEventBus bus = new SynchronousEventBus();
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    @Test
    void runsSubscribersInSubscriptionOrderInThePublishingThread() {
        Thread publisher = Thread.currentThread();
        List<Thread> threads = new ArrayList<>();
        for (String name : List.of("first", "second", "third")) {
            bus.subscribe(name, OrderPaid.class, envelope -> {
                calls.add(name + ":" + envelope.payload().orderId());
                threads.add(Thread.currentThread());
            });
        }

        bus.publish(paid("A"));
        bus.publish(paid("B"));

        assertThat(calls).containsExactly("first:A", "second:A", "third:A", "first:B", "second:B", "third:B");
        assertThat(threads).hasSize(6).allMatch(thread -> thread == publisher);
    }

    @Test
    void theFirstFailureReachesThePublisherUnchangedAndLaterSubscribersDoNotRun() {
        IllegalStateException failure = new IllegalStateException("projection is out of sync");
        bus.subscribe("before", OrderPaid.class, envelope -> calls.add("before"));
        bus.subscribe("failing", OrderPaid.class, envelope -> {
            throw failure;
        });
        bus.subscribe("after", OrderPaid.class, envelope -> calls.add("after"));

        assertThatThrownBy(() -> bus.publish(paid("A"))).isSameAs(failure);
        assertThat(calls).containsExactly("before");
    }

    @Test
    void aCheckedExceptionIsWrappedNamingTheSubscriberAndTheEvent() {
        IOException failure = new IOException("mail server down");
        bus.subscribe("Notifications.onOrderPaid", OrderPaid.class, envelope -> {
            throw failure;
        });
        EventEnvelope<OrderPaid> envelope = paid("A");

        assertThatThrownBy(() -> bus.publish(envelope))
                .isInstanceOfSatisfying(SubscriberException.class, e -> {
                    assertThat(e.subscriberName()).isEqualTo("Notifications.onOrderPaid");
                    assertThat(e.envelope()).isSameAs(envelope);
                })
                .hasCause(failure)
                .hasMessageContaining("Notifications.onOrderPaid")
                .hasMessageContaining("OrderPaid")
                .hasMessageContaining(envelope.streamId());
    }

    @Test
    void errorsPropagateUnchanged() {
        AssertionError failure = new AssertionError("broken invariant");
        bus.subscribe("failing", OrderPaid.class, envelope -> {
            throw failure;
        });

        assertThatThrownBy(() -> bus.publish(paid("A"))).isSameAs(failure);
    }

    @Test
    void closingTheRegistrationUnsubscribesAndClosingAgainDoesNothing() {
        bus.subscribe("stays", OrderPaid.class, envelope -> calls.add("stays"));
        Registration leaving = bus.subscribe("leaves", OrderPaid.class, envelope -> calls.add("leaves"));
        bus.publish(paid("A"));

        leaving.close();
        leaving.close();
        bus.publish(paid("B"));

        assertThat(calls).containsExactly("stays", "leaves", "stays");
    }

    @Test
    void oneHandlerCanBeSubscribedToTwoClassesAndEachRegistrationIsIndependent() {
        Audit audit = new Audit();
        Registration paidRegistration = bus.subscribe("Audit.onAny", OrderPaid.class, audit::onAny);
        bus.subscribe("Audit.onAny", OrderShipped.class, audit::onAny);

        bus.publish(paid("A"));
        bus.publish(LocalEnvelopes.of(new OrderShipped("A")));
        paidRegistration.close();
        bus.publish(paid("B"));
        bus.publish(LocalEnvelopes.of(new OrderShipped("B")));

        assertThat(calls).containsExactly("OrderPaid", "OrderShipped", "OrderShipped");
    }

    @Test
    void aFamilyIsSubscribedMemberByMemberAsGeneratedRegistrationsDo() {
        // What <Handler>Subscribers.register(bus, handler) does for Refunds.on(OrderEvent event), with lambdas for its links.
        Refunds refunds = new Refunds();
        bus.subscribe("Refunds.on", OrderCancelled.class, envelope -> refunds.on(envelope.payload()));
        bus.subscribe("Refunds.on", OrderRefunded.class, envelope -> refunds.on(envelope.payload()));

        bus.publish(LocalEnvelopes.of(new OrderCancelled("A")));
        bus.publish(LocalEnvelopes.of(new OrderRefunded("B")));

        assertThat(calls).containsExactly("OrderCancelled[orderId=A]", "OrderRefunded[orderId=B]");
    }

    @Test
    void subscribersGetOnlyTheirExactClass() {
        bus.subscribe("paid", OrderPaid.class, envelope -> calls.add("paid"));
        bus.subscribe("shipped", OrderShipped.class, envelope -> calls.add("shipped"));

        bus.publish(LocalEnvelopes.of(new OrderShipped("A")));

        assertThat(calls).containsExactly("shipped");
    }

    @Test
    void anEventWithoutSubscribersGoesToTheUnhandledHookOrNowhere() {
        List<EventEnvelope<?>> unhandled = new ArrayList<>();
        SynchronousEventBus withHook = new SynchronousEventBus(unhandled::add);
        EventEnvelope<OrderPaid> envelope = paid("A");

        withHook.publish(envelope);
        bus.publish(envelope);

        assertThat(unhandled).containsExactly(envelope);
    }

    @Test
    void eventsPublishedByASubscriberAreHandledDepthFirst() {
        bus.subscribe("Payments.onPlaced", OrderPlaced.class, envelope -> {
            calls.add("placed");
            bus.publish(paid("A"));
            calls.add("placed done");
        });
        bus.subscribe("Shipping.onPaid", OrderPaid.class, envelope -> calls.add("paid"));

        bus.publish(placed(1));

        assertThat(calls).containsExactly("placed", "paid", "placed done");
    }

    @Test
    void aPublishSeesTheSubscribersPresentWhenItStarted() {
        bus.subscribe("subscribesAnother", OrderPaid.class, envelope -> {
            calls.add("first");
            bus.subscribe("late", OrderPaid.class, late -> calls.add("late"));
        });

        bus.publish(paid("A"));

        assertThat(calls).containsExactly("first");
    }

    @Test
    void badSubscriptionsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> bus.subscribe("Refunds.on", OrderEvent.class, envelope -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Refunds.on")
                .hasMessageContaining(OrderEvent.class.getName())
                .hasMessageContaining("each member record");
        assertThatThrownBy(() -> bus.subscribe(" ", OrderPaid.class, envelope -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subscriberName");
        assertThatThrownBy(() -> bus.subscribe("x", null, envelope -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("eventClass of subscriber 'x'");
        assertThatThrownBy(() -> bus.subscribe("x", OrderPaid.class, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("handler of subscriber 'x'");
        assertThatThrownBy(() -> bus.publish(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void publishEventsWrapsUnstoredDomainEventsInOneSyntheticStream() {
        List<EventEnvelope<?>> received = new ArrayList<>();
        bus.subscribe("paid", OrderPaid.class, received::add);
        bus.subscribe("shipped", OrderShipped.class, received::add);

        bus.publishEvents(List.of(new OrderPaid("A"), new OrderShipped("A")));
        bus.publishEvent(new OrderPaid("B"));

        assertThat(received).hasSize(3);
        EventEnvelope<?> first = received.get(0);
        EventEnvelope<?> second = received.get(1);
        EventEnvelope<?> alone = received.get(2);
        assertThat(first.streamId()).startsWith(LocalEnvelopes.STREAM_PREFIX).isEqualTo(second.streamId());
        assertThat(alone.streamId()).startsWith(LocalEnvelopes.STREAM_PREFIX).isNotEqualTo(first.streamId());
        assertThat(List.of(first.streamRevision(), second.streamRevision(), alone.streamRevision()))
                .containsExactly(0L, 1L, 0L);
        assertThat(received).allSatisfy(envelope -> {
            assertThat(envelope.globalPosition()).isEqualTo(LocalEnvelopes.NOT_STORED);
            assertThat(envelope.schemaVersion()).isEqualTo(1);
            assertThat(envelope.metadata().isEmpty()).isTrue();
            assertThat(LocalEnvelopes.isLocal(envelope)).isTrue();
        });
        assertThat(List.of(first.type(), second.type())).containsExactly("OrderPaid", "OrderShipped");
        assertThat(first.eventId()).isNotEqualTo(second.eventId());
        assertThat(first.payload()).isEqualTo(new OrderPaid("A"));
        assertThatThrownBy(() -> bus.publishEvents(Arrays.asList(new OrderPaid("C"), null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("index 1");
    }

    @Test
    void concurrentPublishersAndSubscriptionChurnDeliverExactCounts() throws Exception {
        AtomicLong stable = new AtomicLong();
        bus.subscribe("stable", OrderPlaced.class, envelope -> stable.incrementAndGet());
        int publishers = 4;
        int eventsEach = 10_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < publishers; p++) {
            int publisher = p;
            threads.add(new Thread(() -> {
                await(start);
                for (int i = 0; i < eventsEach; i++) {
                    bus.publish(placed(publisher, i));
                }
            }));
        }
        threads.add(new Thread(() -> {
            await(start);
            for (int i = 0; i < 2_000; i++) {
                bus.subscribe("churn", OrderPlaced.class, envelope -> {}).close();
            }
        }));
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(stable.get()).isEqualTo((long) publishers * eventsEach);
    }

    /** A handler with one method for several event classes. */
    private final class Audit {
        void onAny(EventEnvelope<?> envelope) {
            calls.add(envelope.type());
        }
    }

    /** A handler of a sealed family. */
    private final class Refunds {
        void on(OrderEvent event) {
            calls.add(event.toString());
        }
    }

    /** Hand-written handlers (wrapped by the bus) on one class, links (as generated code passes) on another. */
    @Test
    void publishingAllocatesNothing() {
        long[] handled = new long[1];
        for (int i = 0; i < 3; i++) {
            bus.subscribe("counter-" + i, OrderPaid.class, envelope -> handled[0]++);
            bus.subscribe("link-" + i, OrderShipped.class,
                    new HandlerLink<>("link-" + i, envelope -> handled[0]++, SubscriberLink.end()));
        }
        EventEnvelope<OrderPaid> paid = paid("A");
        EventEnvelope<OrderShipped> shipped = LocalEnvelopes.of(new OrderShipped("A"));
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long threadId = Thread.currentThread().getId();
        for (int i = 0; i < 100_000; i++) { // warm up
            bus.publish(paid);
            bus.publish(shipped);
        }

        long before = threads.getThreadAllocatedBytes(threadId);
        for (int i = 0; i < 100_000; i++) {
            bus.publish(paid);
            bus.publish(shipped);
        }
        long allocated = threads.getThreadAllocatedBytes(threadId) - before;

        assertThat(handled[0]).isEqualTo(1_200_000);
        assertThat(allocated).as("bytes allocated by 200,000 publishes").isLessThan(10_000);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
