package io.factum.example.cli;

import io.factum.example.analytics.SalesReport;
import io.factum.example.app.ExampleApp;
import io.factum.example.notifications.Notification;
import io.factum.example.ordering.OrderStatus;
import io.factum.example.shared.InvalidInputException;
import io.factum.example.shared.Money;
import io.factum.subscription.FleetStatus;
import io.factum.subscription.Subscription;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Read models and the subscriptions that feed them. */
@Command(name = "projections", description = "List subscriptions and their checkpoints, rebuild projections, read them.",
        synopsisSubcommandLabel = "COMMAND")
final class ProjectionCommands {

    @ParentCommand
    ExampleCli cli;

    @Command(name = "list", description = "List every durable subscription with its checkpoint.")
    int list() {
        return cli.withApp(app -> {
            long head = app.headPosition();
            Console console = cli.console();
            console.line("%-14s %-36s %10s %6s %6s %6s  %-10s %s", "subscription", "kind", "checkpoint", "head", "behind",
                    "parked", "mode", "active instance (lease until, database time)");
            for (Subscription subscription : app.subscriptions()) {
                long checkpoint = subscription.position();
                FleetStatus fleet = FleetStatus.of(app.store(), subscription.name());
                console.line("%-14s %-36s %10d %6d %6d %6d  %-10s %s", subscription.name(), kind(app, subscription.name()),
                        checkpoint, head, Math.max(0, head - checkpoint), subscription.parkedEvents().size(), subscription.mode(),
                        activeInstance(fleet));
                sliceLines(fleet).forEach(console::line);
            }
            return 0;
        });
    }

    @Command(name = "serve", description = "Run every reaction and projection as one replica of the service for a while: "
            + "start this in two terminals and one replica is active for each subscription, the other stands by and "
            + "takes over when the first stops.")
    int serve(@Option(names = "--seconds", defaultValue = "60", description = "how long to run (default 60)") int seconds) {
        return cli.withApp(app -> {
            Console console = cli.console();
            app.startReactions();
            String shown = "";
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < end) {
                String now = roles(app);
                if (!now.equals(shown)) {
                    console.line("%s", now);
                    shown = now;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            console.line("served %d s; %s", seconds, roles(app));
            return 0;
        });
    }

    /** "active for: a, b; standing by for: c" for this replica now. */
    private static String roles(ExampleApp app) {
        List<String> active = app.subscriptions().stream().filter(Subscription::isActive).map(Subscription::name).toList();
        List<String> standby = app.subscriptions().stream().filter(s -> !s.isActive()).map(Subscription::name).toList();
        return "active for: " + (active.isEmpty() ? "-" : String.join(", ", active)) + "; standing by for: "
                + (standby.isEmpty() ? "-" : String.join(", ", standby));
    }

    /**
     * Who holds the live lease of a fleet's subscription, or "-" when no instance runs it now; for a
     * partitioned one (a lease per slice range), each owner with how many slices it holds.
     */
    private static String activeInstance(FleetStatus fleet) {
        if (fleet.leases().size() > 1) {
            return fleet.slicesByOwner().entrySet().stream().map(owner -> owner.getKey() + " (" + owner.getValue() + " slices)")
                    .reduce((a, b) -> a + ", " + b).orElse("-");
        }
        return fleet.leases().stream().filter(FleetStatus.Lease::live)
                .map(lease -> lease.owner().orElseThrow() + " (" + lease.expiresAt() + ")")
                .reduce((a, b) -> a + ", " + b).orElse("-");
    }

    /**
     * For a partitioned subscription, a line per slice range: who holds it until when (database
     * time), or that it is free, and the range's checkpoint. None for the other modes.
     */
    static List<String> sliceLines(FleetStatus fleet) {
        if (fleet.leases().stream().allMatch(lease -> lease.slices().sliceCount() == 1)) {
            return List.of();
        }
        return fleet.leases().stream().map(lease -> String.format("    %-18s %-40s checkpoint %d", lease.slices(),
                lease.live() ? "held by " + lease.owner().orElseThrow() + " until " + lease.expiresAt()
                        : "free (no live lease)", lease.checkpoint())).toList();
    }

    @Command(name = "catch-up", description = "Let every subscription handle what is stored but not handled yet "
            + "(e.g. after a crash); every changing command does this too.")
    int catchUp() {
        return cli.withApp(app -> {
            long before = app.subscriptions().stream().mapToLong(Subscription::position).min().orElse(0);
            app.startReactions();
            app.awaitReactions();
            cli.console().line("Every subscription has caught up to position %d (the slowest was at %d).", app.headPosition(), before);
            return 0;
        });
    }

    @Command(name = "rebuild", description = "Rebuild a projection from the first event, showing progress.")
    int rebuild(@Parameters(paramLabel = "NAME", description = "analytics or notifications") String name) {
        return cli.withApp(app -> {
            if (!app.isProjection(name)) {
                throw new InvalidInputException("'" + name + "' is not a projection; rebuildable projections are "
                        + app.projectionNames());
            }
            Console console = cli.console();
            long head = app.headPosition();
            boolean terminal = System.console() != null;
            long started = System.nanoTime();
            int events = app.rebuild(name, position -> console.progress(String.format("  rebuilding %s: position %d of %d (%d%%)",
                    name, position, head, head == 0 ? 100 : position * 100 / head), terminal));
            if (terminal) {
                console.line("");
            }
            console.line("Rebuilt %s from %d events in %d ms; checkpoint now %d.", name, events,
                    (System.nanoTime() - started) / 1_000_000, app.subscriptions().stream()
                            .filter(s -> s.name().equals(name)).findFirst().orElseThrow().position());
            return 0;
        });
    }

    @Command(name = "analytics", description = "Orders by status and revenue per currency (the Analytics read model).")
    int analytics() {
        return cli.withApp(app -> {
            printReport(cli.console(), app.query(connection -> app.analytics().report(connection)));
            return 0;
        });
    }

    @Command(name = "notifications", description = "The messages the Notifications context recorded.")
    int notifications(@Option(names = "--order", paramLabel = "ORDER_ID", description = "only this order's") String orderId) {
        return cli.withApp(app -> {
            List<Notification> notifications = app.query(connection -> app.notifications().list(connection, orderId));
            printNotifications(cli.console(), notifications);
            return 0;
        });
    }

    static void printReport(Console console, SalesReport report) {
        console.line("Orders by status (%d in all):", report.orderCount());
        for (Map.Entry<OrderStatus, Long> entry : report.ordersByStatus().entrySet()) {
            console.line("  %-10s %4d", entry.getKey(), entry.getValue());
        }
        console.line("Revenue (paid, not cancelled):");
        if (report.revenue().isEmpty()) {
            console.line("  none yet");
        }
        for (Money revenue : report.revenue()) {
            console.line("  %s", revenue);
        }
    }

    static void printNotifications(Console console, List<Notification> notifications) {
        if (notifications.isEmpty()) {
            console.line("No notifications recorded.");
        }
        for (Notification notification : notifications) {
            console.line("  [%s] %s to %s: %s", notification.orderId(), notification.kind(), notification.recipient(),
                    notification.message());
        }
    }

    private static String kind(ExampleApp app, String name) {
        return app.isProjection(name) ? "projection, exactly once" : "reaction, at least once, idempotent";
    }
}
