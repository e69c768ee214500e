package io.factum.example.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Runs {@link Demo}. */
@Command(name = "demo", description = "Run the whole story: orders through their life, stock, notifications, "
        + "analytics, bank accounts and transfers, with every event and reaction printed.")
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    ExampleCli cli;

    @Override
    public Integer call() {
        return cli.withApp(app -> {
            new Demo(app, cli.console()).run();
            return 0;
        });
    }
}
