/**
 * The event store contract: streams, revisions, global positions, stored and new events as bytes
 * with their metadata. May use {@code io.factum.event.Metadata} only (see the layer rule in
 * {@code docs/design-decisions.md}); knows nothing of codecs, aggregates, buses or subscriptions.
 */
package io.factum.store;
