package io.factum.benchmarks.codec;

import io.factum.benchmarks.domain.OrderConfirmed;
import io.factum.benchmarks.domain.OrderConfirmedCodec;
import io.factum.benchmarks.domain.OrderCreated;
import io.factum.benchmarks.domain.OrderCreatedCodec;
import io.factum.benchmarks.domain.OrderHistory;
import io.factum.codec.Json;
import java.nio.charset.StandardCharsets;

/**
 * Run by {@link IdenticalJsonTest} in a child JVM started with {@code -Dfactum.bench.dslJsonInstant=jdk}: prints
 * whether the JDK's text is in use, DSL-JSON's bytes for both records, and whether it decodes Factum's bytes to
 * equal records.
 */
public final class DslJsonJdkInstantChild {

    private DslJsonJdkInstantChild() {}

    public static void main(String[] args) {
        OrderCreated created = OrderHistory.orderCreated(OrderHistory.ORDER_ID);
        OrderConfirmed confirmed = OrderHistory.orderConfirmed(OrderHistory.ORDER_ID);
        DslJsonPeer dslJson = new DslJsonPeer();
        System.out.println("jdk text: " + DslJsonInstantConverter.JDK_TEXT);
        System.out.println(new String(dslJson.encode(created), StandardCharsets.UTF_8));
        System.out.println(new String(dslJson.encode(confirmed), StandardCharsets.UTF_8));
        boolean equal = created.equals(dslJson.decodeOrderCreated(Json.encode(OrderCreatedCodec.INSTANCE, created)))
                && confirmed.equals(dslJson.decodeOrderConfirmed(Json.encode(OrderConfirmedCodec.INSTANCE, confirmed)));
        System.out.println("decoded equal: " + equal);
    }
}
