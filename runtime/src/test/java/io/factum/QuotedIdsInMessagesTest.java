package io.factum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factum.aggregate.AggregateNotFoundException;
import io.factum.bus.SubscriberException;
import io.factum.event.EventDecodingException;
import io.factum.event.EventEnvelope;
import io.factum.event.UnknownEventTypeException;
import io.factum.store.DuplicateEventIdException;
import io.factum.store.ExpectedRevision;
import io.factum.store.InvalidStreamIdException;
import io.factum.store.Metadata;
import io.factum.store.StoredEvent;
import io.factum.store.StreamIds;
import io.factum.store.WrongExpectedRevisionException;
import io.factum.subscription.SubscriptionFailedException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Stream and aggregate ids in exception messages are quoted and escaped by one helper, so that
 * control characters and unpaired surrogates never reach logs or XML test reports raw.
 */
class QuotedIdsInMessagesTest {

    /** A control character, a lone high surrogate, a quote and a backslash. */
    private static final String ODD = "a\u0007b\uD800c'd\\e";
    private static final String ODD_QUOTED = "'a\\u0007b\\uD800c\\'d\\\\e'";

    /** No C0/C1 control character and no unpaired surrogate. */
    private static void assertClean(String message) {
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            assertThat(Character.isISOControl(c)).as("control character at %d of %s", i, message).isFalse();
            if (Character.isHighSurrogate(c)) {
                assertThat(i + 1 < message.length() && Character.isLowSurrogate(message.charAt(i + 1)))
                        .as("unpaired surrogate at %d", i).isTrue();
                i++;
            } else {
                assertThat(Character.isLowSurrogate(c)).as("unpaired surrogate at %d", i).isFalse();
            }
        }
    }

    @Test
    void quoteEscapesControlCharactersUnpairedSurrogatesQuotesAndBackslashes() {
        assertThat(MessageText.quote(ODD)).isEqualTo(ODD_QUOTED);
        assertThat(MessageText.quote("Order-42")).isEqualTo("'Order-42'");
        assertThat(MessageText.quote("caf\u00e9 \uD83D\uDE00")).isEqualTo("'caf\u00e9 \uD83D\uDE00'"); // pairs stay
        assertThat(MessageText.quote("\uDE00\uD83D")).isEqualTo("'\\uDE00\\uD83D'"); // a reversed pair is two lone ones
        assertThat(MessageText.quote("line\nnext\u2028")).isEqualTo("'line\\u000Anext\\u2028'");
        assertThat(MessageText.quote(null)).isEqualTo("null");
    }

    private static StoredEvent stored(String streamId) {
        return new StoredEvent(UUID.randomUUID(), streamId, 3, 17, "OrderPaid", 1, Instant.EPOCH, Metadata.empty(),
                new byte[] {'{'});
    }

    @Test
    void everyMessageThatNamesAStreamQuotesIt() {
        assertThat(new WrongExpectedRevisionException(ODD, ExpectedRevision.exactly(1), 2).getMessage()).contains(ODD_QUOTED);
        assertThat(new DuplicateEventIdException(UUID.randomUUID(), ODD, "earlier").getMessage()).contains(ODD_QUOTED);
        assertThat(new AggregateNotFoundException("Order", ODD, ODD).getMessage()).contains(ODD_QUOTED);
        assertThat(new EventDecodingException("OrderPaid", null, "bad").at(stored(ODD)).getMessage()).contains(ODD_QUOTED);
        assertThat(new UnknownEventTypeException(stored(ODD), "unknown").getMessage()).contains(ODD_QUOTED);
        assertThat(new SubscriptionFailedException("emails", stored(ODD), "handler failed", 1, null).getMessage())
                .contains(ODD_QUOTED);
        EventEnvelope<Object> envelope = new EventEnvelope<>(UUID.randomUUID(), ODD, 3, 17, "OrderPaid", 1,
                Instant.EPOCH, Metadata.empty(), new Object());
        assertThat(new SubscriberException("s", envelope, new Exception("x")).getMessage()).contains(ODD_QUOTED);
    }

    @Test
    void aTooLongStreamIdIsRejectedWithAnEscapedPrefix() {
        String tooLong = "\u0001".repeat(39) + "\uD83D\uDE00" + "x".repeat(200);
        assertThatThrownBy(() -> StreamIds.validate(tooLong))
                .isInstanceOf(InvalidStreamIdException.class)
                .satisfies(e -> assertClean(e.getMessage()))
                .hasMessageContaining("\\u0001\\u0001");
    }
}
