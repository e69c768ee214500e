/**
 * The event store contract: streams, revisions, global positions, stored and new events as bytes
 * with their {@code Metadata} (correlation, causation, headers). Uses {@code io.factum} only (see the
 * layer rule in {@code docs/design-decisions.md}); knows nothing of events as records, codecs,
 * aggregates, buses or subscriptions.
 */
package io.factum.store;
