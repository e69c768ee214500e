package io.factum.spring.boot.sample;

import io.factum.annotation.Event;

@Event
public record TicketClosed(String ticketId) implements TicketEvent {}
