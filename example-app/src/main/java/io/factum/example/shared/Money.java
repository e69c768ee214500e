package io.factum.example.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one currency. The amount always has the currency's number of decimal
 * places ({@code 12.50 EUR}, {@code 300 JPY}), so equal amounts are {@code equals} and print alike.
 *
 * <p>A value object stored inside events: it is a plain record, and the Factum processor generates
 * its JSON codec along with the codecs of the events that use it.
 *
 * @param amount   the amount, possibly negative (a balance) or zero
 * @param currency the ISO 4217 code, e.g. {@code EUR}
 */
public record Money(BigDecimal amount, String currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int digits = fractionDigits(currency);
        if (amount.scale() != digits) {
            if (amount.stripTrailingZeros().scale() > digits) {
                throw new InvalidInputException("Amount " + amount.toPlainString() + " " + currency + " has more than "
                        + digits + " decimal places");
            }
            amount = amount.setScale(digits, RoundingMode.UNNECESSARY);
        }
    }

    /** Zero in {@code currency}. */
    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /**
     * Parses user input such as {@code "49.90"} in {@code "EUR"}.
     *
     * @throws InvalidInputException naming the text when it is not a plain decimal number or the currency is unknown
     */
    public static Money parse(String amount, String currency) {
        if (amount == null || !amount.matches("-?\\d{1,15}(\\.\\d{1,10})?")) {
            throw new InvalidInputException("'" + amount + "' is not an amount: write a plain decimal number such as 49.90");
        }
        return new Money(new BigDecimal(amount), currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money times(int factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    /** Whether the two amounts are in the same currency. */
    public boolean sameCurrencyAs(Money other) {
        return currency.equals(other.currency);
    }

    /** Compares amounts of the same currency. */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!sameCurrencyAs(other)) {
            throw new RuleViolation("Cannot combine " + this + " with " + other + ": the currencies differ");
        }
    }

    private static int fractionDigits(String currency) {
        Currency iso;
        try {
            iso = Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("'" + currency + "' is not an ISO 4217 currency code such as EUR or USD");
        }
        // Pseudo-currencies (XAU, XXX) have no minor unit; treat them as whole units.
        return Math.max(iso.getDefaultFractionDigits(), 0);
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
