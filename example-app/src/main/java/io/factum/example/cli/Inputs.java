package io.factum.example.cli;

import io.factum.example.ordering.OrderLine;
import io.factum.example.ordering.RegistrationChannel;
import io.factum.example.shared.InvalidInputException;
import io.factum.example.shared.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parses what users type: order items and quantities. Errors name the text that was wrong. */
final class Inputs {

    private Inputs() {}

    /**
     * Parses items written {@code PRODUCT:QUANTITY:UNIT_PRICE[:NAME]}, e.g. {@code KBD-1:2:49.90:Keyboard}.
     */
    static List<OrderLine> items(List<String> specs, String currency) {
        if (specs == null || specs.isEmpty()) {
            throw new InvalidInputException("give at least one --item PRODUCT:QUANTITY:UNIT_PRICE[:NAME]");
        }
        List<OrderLine> lines = new ArrayList<>();
        for (String spec : specs) {
            lines.add(item(spec, currency));
        }
        return lines;
    }

    static OrderLine item(String spec, String currency) {
        String[] parts = spec.split(":", 4);
        if (parts.length < 3) {
            throw new InvalidInputException("Item '" + spec + "' should look like PRODUCT:QUANTITY:UNIT_PRICE[:NAME], e.g. KBD-1:2:49.90:Keyboard");
        }
        int quantity = quantity(parts[1], "item '" + spec + "'");
        Money price = Money.parse(parts[2], currency);
        String name = parts.length == 4 && !parts[3].isBlank() ? parts[3].strip() : parts[0];
        return new OrderLine(parts[0], name, quantity, price);
    }

    /** A registration channel written {@code mobile-app}, {@code MOBILE_APP} or {@code Mobile App}. */
    static RegistrationChannel channel(String text) {
        String normalised = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (RegistrationChannel channel : RegistrationChannel.values()) {
            if (channel.name().equals(normalised)) {
                return channel;
            }
        }
        throw new InvalidInputException("Unknown channel '" + text + "': use web, mobile-app, store, phone or other");
    }

    static int quantity(String text, String where) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("Quantity '" + text + "' in " + where + " is not a whole number");
        }
    }
}
