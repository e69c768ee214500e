/**
 * What generated codecs call: {@code CodecSupport} (scalars, and errors with property paths) and
 * {@code Json} (whole payloads, replay decoding). Above {@code io.factum.event}, whose codec
 * interface it serves, and {@code io.factum.store}; only generated code uses it.
 */
package io.factum.codec;
