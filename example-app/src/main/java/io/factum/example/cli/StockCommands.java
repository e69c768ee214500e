package io.factum.example.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** The Inventory context's commands. */
@Command(name = "stock", description = "Receive goods and see what the warehouse holds.", synopsisSubcommandLabel = "COMMAND")
final class StockCommands {

    @ParentCommand
    ExampleCli cli;

    @Command(name = "receive", description = "Put goods on the shelf.")
    int receive(@Parameters(paramLabel = "PRODUCT_ID") String productId, @Parameters(paramLabel = "QUANTITY") String quantity) {
        int units = Inputs.quantity(quantity, "stock receive");
        return cli.change(app -> {
            app.inventory().receive(productId, units);
            return productId + ": " + app.inventory().warehouse().available(productId) + " available.";
        });
    }

    @Command(name = "show", description = "Show free stock per product, rebuilt from the warehouse's events.")
    int show(@Option(names = "--history", description = "also list the warehouse's events") boolean history) {
        return cli.withApp(app -> {
            Views views = new Views(app, cli.console());
            views.warehouse(app.inventory().warehouse());
            if (history) {
                views.warehouseHistory();
            }
            return 0;
        });
    }
}
