/**
 * Factum's byte-level JSON for the shapes its generated codecs know: {@code JsonBytesWriter} writes a record
 * straight into a reused byte buffer and {@code JsonBytesReader} reads one straight from the payload's bytes.
 * Both take only the common, well-formed path; anything else (a null where a value is required, an escaped
 * name, a missing property, content the reader is not sure of) is a {@link io.factum.json.FastPathMiss}, on
 * which {@code EventJson} runs the same codec's Jackson path, which decides and names the error. A layer of
 * its own below {@code io.factum.event}; it uses nothing of Factum. Only generated code and
 * {@code EventJson} use it.
 */
package io.factum.json;
