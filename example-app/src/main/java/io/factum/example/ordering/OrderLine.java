package io.factum.example.ordering;

import io.factum.example.shared.Money;

/**
 * One line of an order, stored inside {@link OrderCreated} and {@link OrderItemAdded}.
 *
 * @param productId   the product's id, shared with Inventory
 * @param productName the name the customer saw
 * @param quantity    how many, at least 1
 * @param unitPrice   price of one
 */
public record OrderLine(String productId, String productName, int quantity, Money unitPrice) {

    /** {@code quantity × unitPrice}. */
    public Money lineTotal() {
        return unitPrice.times(quantity);
    }
}
