/**
 * Events as records: envelopes, event types and their codecs, the registry that encodes and decodes
 * stored events (and upcasts old versions), the {@code EventTypeProvider}s it collects (generated
 * modules), and the decoding errors. Uses {@code io.factum.store} and {@code io.factum.annotation}.
 */
package io.factum.event;
