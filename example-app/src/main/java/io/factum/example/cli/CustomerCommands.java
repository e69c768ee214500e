package io.factum.example.cli;

import io.factum.example.ordering.CustomerRegistered;
import io.factum.example.ordering.RegistrationChannel;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** The Ordering context's customer commands. */
@Command(name = "customer", description = "Register and manage customers.", synopsisSubcommandLabel = "COMMAND")
final class CustomerCommands {

    @ParentCommand
    ExampleCli cli;

    @Command(name = "register", description = "Register a customer.")
    int register(@Parameters(paramLabel = "CUSTOMER_ID") String customerId,
                 @Option(names = "--name", paramLabel = "NAME", required = true) String name,
                 @Option(names = "--email", paramLabel = "EMAIL", required = true) String email,
                 @Option(names = "--channel", paramLabel = "CHANNEL", defaultValue = "web",
                         description = "how they signed up: web, mobile-app, store, phone or other (default: ${DEFAULT-VALUE})")
                 String channel) {
        RegistrationChannel parsed = Inputs.channel(channel);
        return cli.change(app -> {
            app.ordering().registerCustomer(customerId, name, email, parsed);
            return "Customer " + customerId + " registered.";
        });
    }

    @Command(name = "change-email", description = "Change an active customer's e-mail address.")
    int changeEmail(@Parameters(paramLabel = "CUSTOMER_ID") String customerId, @Parameters(paramLabel = "EMAIL") String email) {
        return cli.change(app -> {
            app.ordering().changeEmail(customerId, email);
            return "Customer " + customerId + " now uses " + email + ".";
        });
    }

    @Command(name = "deactivate", description = "Deactivate a customer; they can no longer place orders.")
    int deactivate(@Parameters(paramLabel = "CUSTOMER_ID") String customerId,
                   @Option(names = "--reason", paramLabel = "REASON", required = true) String reason) {
        return cli.change(app -> {
            app.ordering().deactivateCustomer(customerId, reason);
            return "Customer " + customerId + " deactivated.";
        });
    }

    @Command(name = "forget", description = "Forget a customer: destroy their data key (their events stay, with "
            + "name and e-mail read as " + CustomerRegistered.FORGOTTEN + ") and rebuild the projections.")
    int forget(@Parameters(paramLabel = "CUSTOMER_ID") String customerId) {
        return cli.withApp(app -> {
            List<String> rebuilt = app.forgetCustomer(customerId);
            cli.console().line("Customer %s forgotten: their data key is destroyed; rebuilt %s.", customerId, String.join(", ", rebuilt));
            return 0;
        });
    }

    @Command(name = "show", description = "Show a customer rebuilt from their events, and their history.")
    int show(@Parameters(paramLabel = "CUSTOMER_ID") String customerId) {
        return cli.withApp(app -> {
            new Views(app, cli.console()).customer(app.ordering().customer(customerId));
            return 0;
        });
    }
}
