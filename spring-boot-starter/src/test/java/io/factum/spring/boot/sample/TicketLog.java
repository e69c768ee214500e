package io.factum.spring.boot.sample;

import io.factum.annotation.Subscribe;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@code @Subscribe} bean: what it saw, in order. */
public class TicketLog {
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @Subscribe
    void on(TicketEvent event) {
        String id = event instanceof TicketOpened opened ? opened.ticketId() : ((TicketClosed) event).ticketId();
        seen.add(event.getClass().getSimpleName() + " " + id);
    }

    public List<String> seen() {
        return seen;
    }
}
