package io.factum.example.boot;

import io.factum.aggregate.AggregateNotFoundException;
import io.factum.aggregate.AggregateRepository;
import io.factum.store.WrongExpectedRevisionException;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Orders over HTTP: place, confirm, show one (rebuilt from its events) and list the read model. */
@RestController
public class OrderController {

    private final AggregateRepository<Order, OrderEvent> orders;
    private final OrderSummaries summaries;

    public OrderController(AggregateRepository<Order, OrderEvent> orders, OrderSummaries summaries) {
        this.orders = orders;
        this.summaries = summaries;
    }

    public record PlaceOrder(String customer, BigDecimal amount) {}

    public record OrderView(String id, String customer, BigDecimal amount, boolean confirmed) {
        static OrderView of(Order order) {
            return new OrderView(order.id(), order.customer(), order.amount(), order.confirmed());
        }
    }

    public record Problem(String error) {}

    /** Places an order; the events commit with the request's transaction and are published after it. */
    @PostMapping("/orders")
    @Transactional
    public ResponseEntity<OrderView> place(@RequestBody PlaceOrder command) {
        Order order = Order.place(UUID.randomUUID().toString(), command.customer(), command.amount());
        orders.save(order);
        return ResponseEntity.status(HttpStatus.CREATED).body(OrderView.of(order));
    }

    @PostMapping("/orders/{id}/confirm")
    @Transactional
    public OrderView confirm(@PathVariable("id") String id) {
        Order order = orders.load(id);
        order.confirm();
        orders.save(order);
        return OrderView.of(order);
    }

    @GetMapping("/orders/{id}")
    public OrderView show(@PathVariable("id") String id) {
        return OrderView.of(orders.load(id));
    }

    /** The read model the projection keeps (eventually consistent: it follows the store). */
    @GetMapping("/order-summaries")
    public List<OrderSummaries.Summary> summaries() {
        return summaries.all();
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Problem> notFound(AggregateNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new Problem(e.getMessage()));
    }

    @ExceptionHandler({IllegalStateException.class, WrongExpectedRevisionException.class})
    ResponseEntity<Problem> conflict(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new Problem(e.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Problem> badRequest(IllegalArgumentException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(new Problem(e.getMessage()));
    }
}
