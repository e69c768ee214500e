/**
 * Schema evolution as a whole: the versioning step (upcasters, chains, handlers of old versions, old
 * versions in families) and the event schema lock (its file format, location, the reader of a record's
 * schema and the diff of two schemas). Uses {@code base}, {@code event} and {@code upcast}.
 */
package io.factum.processor.schema;
