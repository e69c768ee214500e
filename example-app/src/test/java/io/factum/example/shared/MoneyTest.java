package io.factum.example.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void keepsTheCurrencysDecimalPlaces() {
        assertThat(Money.parse("49.9", "EUR").toString()).isEqualTo("49.90 EUR");
        assertThat(Money.parse("300", "JPY").toString()).isEqualTo("300 JPY");
        assertThat(Money.parse("49.9", "EUR")).isEqualTo(Money.parse("49.90", "EUR"));
        assertThat(Money.parse("0.10", "EUR").times(3).plus(Money.parse("0.20", "EUR"))).isEqualTo(Money.parse("0.50", "EUR"));
    }

    @Test
    void rejectsMalformedAmountsAndUnknownCurrencies() {
        assertThatThrownBy(() -> Money.parse("12.345", "EUR")).isInstanceOf(InvalidInputException.class)
                .hasMessage("Amount 12.345 EUR has more than 2 decimal places");
        assertThatThrownBy(() -> Money.parse("1e3", "EUR")).isInstanceOf(InvalidInputException.class)
                .hasMessage("'1e3' is not an amount: write a plain decimal number such as 49.90");
        assertThatThrownBy(() -> Money.parse("10", "EURO")).isInstanceOf(InvalidInputException.class)
                .hasMessage("'EURO' is not an ISO 4217 currency code such as EUR or USD");
        assertThatThrownBy(() -> Money.parse("10", "EUR").plus(Money.parse("1", "USD"))).isInstanceOf(RuleViolation.class)
                .hasMessage("Cannot combine 10.00 EUR with 1.00 USD: the currencies differ");
    }
}
