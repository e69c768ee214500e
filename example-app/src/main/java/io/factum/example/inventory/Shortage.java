package io.factum.example.inventory;

/** A product an order wanted more of than the warehouse had free. */
public record Shortage(String productId, int requested, int available) {

    @Override
    public String toString() {
        return productId + " (wanted " + requested + ", " + available + " available)";
    }
}
