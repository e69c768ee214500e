/**
 * Events as records: envelopes, metadata, event types and their codecs, the registry that encodes
 * and decodes stored events (and upcasts old versions), and the decoding errors. Uses
 * {@code io.factum.store} and {@code io.factum.annotation}, and {@code io.factum.spi} to collect
 * the generated modules.
 */
package io.factum.event;
