package io.factum.benchmarks.domain;

/** Where an order was placed; the enum the codecs have to handle. */
public enum SalesChannel {
    WEB,
    MOBILE,
    STORE
}
