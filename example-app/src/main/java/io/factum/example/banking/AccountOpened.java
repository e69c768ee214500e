package io.factum.example.banking;

import io.factum.annotation.Event;

/** An account was opened; it holds money in one currency only. */
@Event(name = "AccountOpened")
public record AccountOpened(String accountId, String owner, String currency) implements AccountEvent {}
