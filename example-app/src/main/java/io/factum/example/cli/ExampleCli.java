package io.factum.example.cli;

import io.factum.aggregate.AggregateNotFoundException;
import io.factum.example.app.ExampleApp;
import io.factum.example.app.ReactionFailedException;
import io.factum.example.app.StorageException;
import io.factum.example.app.StoreLocation;
import io.factum.example.shared.InvalidInputException;
import io.factum.example.shared.NotFoundException;
import io.factum.example.shared.RuleViolation;
import io.factum.personal.SubjectForgottenException;
import io.factum.store.WrongExpectedRevisionException;
import io.factum.store.jdbc.JdbcStoreException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Consumer;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The example shop's command line: orders and customers, a warehouse, bank accounts and
 * transfers, read models, and a {@code demo} that runs it all.
 *
 * <p>Exit codes: 0 done; 1 rejected by a business rule (nothing stored); 2 bad arguments or input;
 * 3 unknown id; 4 storage unreachable or failing; 5 stored, but a reaction could not finish (it
 * resumes on the next run); 70 internal error.
 */
@Command(name = "factum-example", mixinStandardHelpOptions = true, version = "Factum example app 0.1.0",
        sortOptions = false, usageHelpAutoWidth = true,
        description = "An order-management shop and a bank, built on Factum: domain events, event sourcing, "
                + "and bounded contexts that talk through durable subscriptions.",
        subcommands = {DemoCommand.class, CustomerCommands.class, OrderCommands.class, StockCommands.class,
                AccountCommands.class, ProjectionCommands.class, EventsCommand.class,
                KafkaCommands.Relay.class, KafkaCommands.Worker.class},
        footer = {"", "Store: a SQLite file ./" + StoreLocation.DEFAULT_FILE + " unless --store or $"
                + StoreLocation.ENV_STORE + " names one, e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres",
                "Exit codes: 0 ok, 1 rejected by a rule (nothing stored), 2 bad input, 3 unknown id, "
                        + "4 storage error, 5 a reaction did not finish"})
public final class ExampleCli {

    static final int REJECTED = 1;
    static final int BAD_INPUT = 2;
    static final int NOT_FOUND = 3;
    static final int STORAGE = 4;
    static final int REACTION_FAILED = 5;
    static final int INTERNAL = 70;

    @Option(names = "--store", paramLabel = "JDBC_URL", scope = CommandLine.ScopeType.INHERIT,
            description = "jdbc:sqlite:<file> or jdbc:postgresql://... (default: $" + StoreLocation.ENV_STORE
                    + ", else jdbc:sqlite:" + StoreLocation.DEFAULT_FILE + ")")
    String store;

    @Option(names = "--table-prefix", paramLabel = "PREFIX", scope = CommandLine.ScopeType.INHERIT,
            description = "prefix of every table (default: " + StoreLocation.DEFAULT_PREFIX + ")")
    String tablePrefix;

    private Console console;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(execute(out, err, args));
    }

    /** Runs one command line, printing to {@code out} and {@code err}; returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        ExampleCli cli = new ExampleCli();
        cli.console = new Console(out);
        CommandLine commandLine = new CommandLine(cli);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, line, parsed) -> report(exception, line.getErr()));
        return commandLine.execute(args);
    }

    Console console() {
        return console;
    }

    /** Opens the shop, runs {@code work}, closes the shop. */
    <T> T withApp(Function<ExampleApp, T> work) {
        StoreLocation location = StoreLocation.resolve(store, tablePrefix);
        try (ExampleApp app = ExampleApp.open(location, console, console::recorded)) {
            return work.apply(app);
        }
    }

    /**
     * Opens the shop, runs a command that changes something, waits until every context has reacted
     * to what it stored, and prints {@code command}'s result line.
     */
    int change(Function<ExampleApp, String> command) {
        String[] result = new String[1];
        return change(app -> result[0] = command.apply(app), app -> result[0]);
    }

    /**
     * Like {@link #change(Function)}, but the result line is made after the reactions, e.g. to show
     * how a transfer ended.
     */
    int change(Consumer<ExampleApp> command, Function<ExampleApp, String> result) {
        return withApp(app -> {
            app.startReactions();
            command.accept(app);
            app.awaitReactions();
            console.line(result.apply(app));
            return 0;
        });
    }

    private static int report(Exception exception, PrintWriter err) {
        int code;
        String message;
        if (exception instanceof RuleViolation) {
            code = REJECTED;
            message = "Rejected: " + exception.getMessage() + ". Nothing was stored.";
        } else if (exception instanceof SubjectForgottenException forgotten) {
            code = REJECTED;
            message = "Rejected: " + forgotten.subject() + " was forgotten; their personal data cannot be recorded again. Nothing was stored.";
        } else if (exception instanceof WrongExpectedRevisionException conflict) {
            code = REJECTED;
            message = "Rejected: " + conflict.streamId() + " was changed by someone else meanwhile. Nothing was stored; try again.";
        } else if (exception instanceof InvalidInputException || exception instanceof NumberFormatException) {
            code = BAD_INPUT;
            message = "Invalid input: " + exception.getMessage();
        } else if (exception instanceof NotFoundException || exception instanceof AggregateNotFoundException) {
            code = NOT_FOUND;
            message = "Not found: " + exception.getMessage();
        } else if (exception instanceof StorageException || exception instanceof JdbcStoreException) {
            code = STORAGE;
            message = "Storage error: " + exception.getMessage();
        } else if (exception instanceof ReactionFailedException) {
            code = REACTION_FAILED;
            message = "The command was stored, but a reaction did not finish: " + exception.getMessage();
        } else {
            code = INTERNAL;
            StringWriter trace = new StringWriter();
            exception.printStackTrace(new PrintWriter(trace));
            message = "Internal error: " + exception + "\n" + trace;
        }
        err.println(message);
        err.flush();
        return code;
    }
}
