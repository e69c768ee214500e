package io.factum.example.banking;

import io.factum.example.shared.Money;
import java.util.Set;

/**
 * Everything an {@link Account} knows, for snapshots: a load restores it and replays only the events after it.
 * Factum generates its codec and a fingerprint of this shape and of {@code Account}'s apply, snapshot and restore
 * code, so a snapshot taken before any of them changed is never restored.
 */
public record AccountSnapshot(String id, String owner, Money balance, boolean closed, Set<String> debitedTransfers,
                              Set<String> creditedTransfers) {}
