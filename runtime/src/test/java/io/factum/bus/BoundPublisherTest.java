package io.factum.bus;

import static io.factum.bus.TestEvents.paid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.ThreadMXBean;
import io.factum.bus.TestEvents.OrderEvent;
import io.factum.bus.TestEvents.OrderPaid;
import io.factum.bus.TestEvents.OrderShipped;
import io.factum.event.EventEnvelope;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link SynchronousEventBus#publisher(Class)}: publishing one event class without looking it up. */
@Timeout(60)
class BoundPublisherTest {

    private final List<EventEnvelope<?>> unhandled = new ArrayList<>();
    private final SynchronousEventBus bus = new SynchronousEventBus(unhandled::add);
    private final List<String> calls = new ArrayList<>();

    @Test
    void deliversToTheSubscribersOfItsClassInOrderLikePublish() {
        bus.subscribe("first", OrderPaid.class, envelope -> calls.add("first:" + envelope.payload().orderId()));
        bus.subscribe("second", OrderPaid.class,
                new HandlerLink<>("second", envelope -> calls.add("second:" + envelope.payload().orderId()),
                        SubscriberLink.end()));
        bus.subscribe("shipping", OrderShipped.class, envelope -> calls.add("shipping"));
        SynchronousEventBus.Publisher<OrderPaid> publisher = bus.publisher(OrderPaid.class);

        publisher.publish(paid("A"));
        bus.publish(paid("B"));
        publisher.publishEvent(new OrderPaid("C"));

        assertThat(calls).containsExactly("first:A", "second:A", "first:B", "second:B", "first:C", "second:C");
        assertThat(publisher.eventClass()).isEqualTo(OrderPaid.class);
    }

    @Test
    void followsSubscriptionsMadeAndClosedAfterItWasBound() {
        SynchronousEventBus.Publisher<OrderPaid> publisher = bus.publisher(OrderPaid.class);
        EventEnvelope<OrderPaid> first = paid("A");
        publisher.publish(first);
        assertThat(unhandled).containsExactly(first);

        Registration registration = bus.subscribe("late", OrderPaid.class, envelope -> calls.add("late"));
        publisher.publish(paid("B"));
        assertThat(calls).containsExactly("late");

        registration.close();
        EventEnvelope<OrderPaid> third = paid("C");
        publisher.publish(third);
        assertThat(calls).containsExactly("late");
        assertThat(unhandled).containsExactly(first, third);

        bus.subscribe("again", OrderPaid.class, envelope -> calls.add("again"));
        publisher.publish(paid("D"));
        bus.publish(paid("E"));
        assertThat(calls).containsExactly("late", "again", "again");
    }

    @Test
    void failuresBehaveAsOnPublish() {
        IOException checked = new IOException("mail server down");
        bus.subscribe("Notifications.onOrderPaid", OrderPaid.class, envelope -> {
            throw checked;
        });
        bus.subscribe("after", OrderPaid.class, envelope -> calls.add("after"));

        assertThatThrownBy(() -> bus.publisher(OrderPaid.class).publish(paid("A")))
                .isInstanceOfSatisfying(SubscriberException.class,
                        e -> assertThat(e.subscriberName()).isEqualTo("Notifications.onOrderPaid"))
                .hasCause(checked);
        assertThat(calls).isEmpty();
    }

    @Test
    void refusesAPayloadOfAnotherClassWithoutCallingAnySubscriber() {
        bus.subscribe("base", Base.class, envelope -> calls.add("base"));
        bus.subscribe("derived", Derived.class, envelope -> calls.add("derived"));
        SynchronousEventBus.Publisher<Base> publisher = bus.publisher(Base.class);
        EventEnvelope<Derived> derived = LocalEnvelopes.of(new Derived());

        assertThatThrownBy(() -> publisher.publish(derived))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Base.class.getName())
                .hasMessageContaining(Derived.class.getName())
                .hasMessageContaining(derived.eventId().toString());
        assertThat(calls).isEmpty();
        assertThat(unhandled).isEmpty();
    }

    @Test
    void refusesToBindAnInterfaceOrNothing() {
        assertThatThrownBy(() -> bus.publisher(OrderEvent.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(OrderEvent.class.getName())
                .hasMessageContaining("not an event record class");
        assertThatThrownBy(() -> bus.publisher(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("eventClass");
        assertThatThrownBy(() -> bus.publisher(OrderPaid.class).publish(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("envelope");
    }

    @Test
    void publishingAllocatesNothing() {
        long[] handled = new long[1];
        for (int i = 0; i < 3; i++) {
            bus.subscribe("link-" + i, OrderPaid.class,
                    new HandlerLink<>("link-" + i, envelope -> handled[0]++, SubscriberLink.end()));
        }
        SynchronousEventBus.Publisher<OrderPaid> publisher = bus.publisher(OrderPaid.class);
        EventEnvelope<OrderPaid> paid = paid("A");
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long threadId = Thread.currentThread().getId();
        for (int i = 0; i < 100_000; i++) { // warm up
            publisher.publish(paid);
        }

        long before = threads.getThreadAllocatedBytes(threadId);
        for (int i = 0; i < 200_000; i++) {
            publisher.publish(paid);
        }
        long allocated = threads.getThreadAllocatedBytes(threadId) - before;

        assertThat(handled[0]).isEqualTo(900_000);
        assertThat(allocated).as("bytes allocated by 200,000 publishes").isLessThan(10_000);
    }

    /** Not a record: a class with a subclass, the only way a payload's class can differ from its type. */
    static class Base {}

    static final class Derived extends Base {}
}
