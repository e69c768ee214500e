package io.factum.example.cli;

import io.factum.example.banking.Account;
import io.factum.example.shared.Money;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** The Banking context's commands: the lesson's closing exercise. */
@Command(name = "account", description = "Open accounts, move money, transfer between accounts.", synopsisSubcommandLabel = "COMMAND")
final class AccountCommands {

    @ParentCommand
    ExampleCli cli;

    @Command(name = "open", description = "Open an empty account.")
    int open(@Parameters(paramLabel = "ACCOUNT_ID") String accountId,
             @Option(names = "--owner", paramLabel = "OWNER", required = true) String owner,
             @Option(names = "--currency", paramLabel = "CURRENCY", defaultValue = "EUR", description = "ISO 4217 code (default: ${DEFAULT-VALUE})") String currency) {
        return cli.change(app -> {
            app.banking().open(accountId, owner, currency);
            return "Account " + accountId + " opened in " + currency + ".";
        });
    }

    @Command(name = "deposit", description = "Pay money in.")
    int deposit(@Parameters(paramLabel = "ACCOUNT_ID") String accountId, @Parameters(paramLabel = "AMOUNT") String amount,
                @Option(names = "--currency", paramLabel = "CURRENCY", description = "default: the account's") String currency) {
        return cli.change(app -> {
            app.banking().deposit(accountId, money(app.banking().account(accountId), amount, currency));
            return balance(app.banking().account(accountId));
        });
    }

    @Command(name = "withdraw", description = "Take money out; never more than the balance.")
    int withdraw(@Parameters(paramLabel = "ACCOUNT_ID") String accountId, @Parameters(paramLabel = "AMOUNT") String amount,
                 @Option(names = "--currency", paramLabel = "CURRENCY", description = "default: the account's") String currency) {
        return cli.change(app -> {
            app.banking().withdraw(accountId, money(app.banking().account(accountId), amount, currency));
            return balance(app.banking().account(accountId));
        });
    }

    @Command(name = "transfer", description = "Move money between two accounts, as a process reacting to events.")
    int transfer(@Parameters(paramLabel = "FROM_ACCOUNT") String from, @Parameters(paramLabel = "TO_ACCOUNT") String to,
                 @Parameters(paramLabel = "AMOUNT") String amount,
                 @Option(names = "--id", paramLabel = "TRANSFER_ID", description = "transfer id (default: generated)") String transferId,
                 @Option(names = "--currency", paramLabel = "CURRENCY", description = "default: the source account's") String currency) {
        String id = transferId != null ? transferId : "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        return cli.change(app -> app.banking().requestTransfer(id, from, to, money(app.banking().account(from), amount, currency)),
                app -> {
            var transfer = app.banking().transfer(id);
            return "Transfer " + id + " is " + transfer.status()
                    + (transfer.failureReason() == null ? "" : ": " + transfer.failureReason()) + ". "
                    + balance(app.banking().account(from)) + " " + balance(app.banking().account(to));
        });
    }

    @Command(name = "close", description = "Close an empty account.")
    int close(@Parameters(paramLabel = "ACCOUNT_ID") String accountId) {
        return cli.change(app -> {
            app.banking().close(accountId);
            return "Account " + accountId + " closed.";
        });
    }

    @Command(name = "show", description = "Show an account rebuilt from its events (balance included), and its history.")
    int show(@Parameters(paramLabel = "ACCOUNT_ID") String accountId) {
        return cli.withApp(app -> {
            new Views(app, cli.console()).account(app.banking().loadAccount(accountId));
            return 0;
        });
    }

    @Command(name = "show-transfer", description = "Show a transfer and its history.")
    int showTransfer(@Parameters(paramLabel = "TRANSFER_ID") String transferId) {
        return cli.withApp(app -> {
            new Views(app, cli.console()).transfer(app.banking().transfer(transferId));
            return 0;
        });
    }

    private static Money money(Account account, String amount, String currency) {
        return Money.parse(amount, currency != null ? currency : account.balance().currency());
    }

    private static String balance(Account account) {
        return "Account " + account.id() + " holds " + account.balance() + ".";
    }
}
