package io.factum.example.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.event.EventTypeRegistry;
import io.factum.example.ExampleFactumModule;
import io.factum.example.banking.Account;
import io.factum.example.banking.AccountAggregateType;
import io.factum.example.banking.AccountEvent;
import io.factum.example.ordering.Customer;
import io.factum.example.ordering.Order;
import io.factum.example.ordering.OrderAggregateType;
import io.factum.example.ordering.OrderEvent;
import io.factum.example.ordering.OrderLine;
import io.factum.example.ordering.RegistrationChannel;
import io.factum.example.shared.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded property test on the example's snapshotting aggregates: thousands of random command sequences, and after
 * every command a load with snapshots (random policies) equals a load without, on full state and behaviour.
 */
class SnapshotPropertyTest {

    private static final long SEED = 20261203L;
    private static final EventTypeRegistry REGISTRY = EventTypeRegistry.of(new ExampleFactumModule());

    private static Money eur(Random random, int maxCents) {
        return new Money(BigDecimal.valueOf(1 + random.nextInt(maxCents), 2), "EUR");
    }

    @Test
    void accountsLoadTheSameWithAndWithoutSnapshots() {
        SnapshotEquivalence<Account, AccountEvent> property = new SnapshotEquivalence<>(AccountAggregateType.INSTANCE,
                REGISTRY, random -> Account.open("A-" + random.nextInt(1_000), "Owner", "EUR"), SnapshotPropertyTest::accountCommand)
                .run(SEED, 2_000, 25);

        assertThat(property.loadsFromSnapshot()).isGreaterThan(property.loads() / 3);
    }

    private static SnapshotEquivalence.Command<Account> accountCommand(Random random) {
        Money amount = eur(random, 20_000);
        String transfer = "T-" + random.nextInt(6);
        return switch (random.nextInt(20)) {
            case 0 -> new SnapshotEquivalence.Command<>("close", Account::close);
            case 1, 2, 3, 4, 5, 6 -> new SnapshotEquivalence.Command<>("deposit " + amount, a -> a.deposit(amount));
            case 7, 8, 9, 10 -> new SnapshotEquivalence.Command<>("withdraw " + amount, a -> a.withdraw(amount));
            case 11, 12, 13 -> new SnapshotEquivalence.Command<>("debit " + transfer, a -> a.debitForTransfer(transfer, amount));
            case 14, 15, 16 -> new SnapshotEquivalence.Command<>("credit " + transfer, a -> a.creditForTransfer(transfer, amount));
            default -> new SnapshotEquivalence.Command<>("withdraw all", a -> {
                if (a.balance().isPositive()) {
                    a.withdraw(a.balance());
                }
            });
        };
    }

    @Test
    void ordersLoadTheSameWithAndWithoutSnapshots() {
        Customer customer = Customer.register("C-1", "Carla", "carla@example.com", RegistrationChannel.WEB);
        SnapshotEquivalence<Order, OrderEvent> property = new SnapshotEquivalence<>(OrderAggregateType.INSTANCE, REGISTRY,
                random -> Order.place("O-" + random.nextInt(1_000), customer, List.of(line(random))),
                SnapshotPropertyTest::orderCommand)
                .run(SEED + 1, 1_000, 20);

        assertThat(property.loadsFromSnapshot()).isGreaterThan(property.loads() / 3);
    }

    private static OrderLine line(Random random) {
        int product = random.nextInt(5);
        return new OrderLine("P-" + product, "Product " + product, 1 + random.nextInt(4), eur(random, 5_000));
    }

    private static SnapshotEquivalence.Command<Order> orderCommand(Random random) {
        OrderLine line = line(random);
        int n = random.nextInt(100);
        return switch (random.nextInt(14)) {
            case 0, 1, 2, 3, 4 -> new SnapshotEquivalence.Command<>("add " + line, o -> o.addItem(line));
            case 5, 6 -> new SnapshotEquivalence.Command<>("confirm", Order::confirm);
            case 7, 8 -> new SnapshotEquivalence.Command<>("pay", o -> o.pay("PAY-" + n, "card"));
            case 9, 10 -> new SnapshotEquivalence.Command<>("ship", o -> o.ship("TRK-" + n, "DHL"));
            case 11, 12 -> new SnapshotEquivalence.Command<>("deliver", Order::deliver);
            default -> new SnapshotEquivalence.Command<>("cancel", o -> o.cancel("reason " + n));
        };
    }
}
