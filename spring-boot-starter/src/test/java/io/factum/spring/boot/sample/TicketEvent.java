package io.factum.spring.boot.sample;

/** The events of a support ticket: the starter tests' domain. */
public sealed interface TicketEvent permits TicketOpened, TicketClosed {}
