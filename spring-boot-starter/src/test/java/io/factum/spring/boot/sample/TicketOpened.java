package io.factum.spring.boot.sample;

import io.factum.annotation.Event;

@Event
public record TicketOpened(String ticketId, String title) implements TicketEvent {}
