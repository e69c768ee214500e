package io.factum.spring.boot.sample;

import io.factum.aggregate.AggregateRoot;
import io.factum.annotation.Aggregate;
import io.factum.annotation.Apply;

@Aggregate
public class Ticket extends AggregateRoot<TicketEvent> {
    private String id;
    private boolean closed;

    Ticket() {}

    public static Ticket open(String id, String title) {
        Ticket ticket = new Ticket();
        ticket.record(new TicketOpened(id, title));
        return ticket;
    }

    public void close() {
        if (closed) {
            throw new IllegalStateException("Ticket " + id + " is closed already");
        }
        record(new TicketClosed(id));
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public String id() {
        return id;
    }

    @Apply
    void on(TicketOpened event) {
        id = event.ticketId();
    }

    @Apply
    void on(TicketClosed event) {
        closed = true;
    }
}
