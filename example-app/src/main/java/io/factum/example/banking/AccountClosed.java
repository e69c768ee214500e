package io.factum.example.banking;

import io.factum.annotation.Event;

/** An empty account was closed; it accepts no more money. */
@Event(name = "AccountClosed")
public record AccountClosed(String accountId) implements AccountEvent {}
