package io.factum.personal;

import io.factum.MessageText;
import io.factum.event.EventDecodingException;
import io.factum.store.StoredEvent;

/**
 * A personal value could not be opened although its subject was not forgotten: the master key is wrong, the
 * key id is unknown, or the value is corrupt or was tampered with (or moved from another event, property or
 * subject: the GCM tag binds all three). Names the event type, the property and the subject. A forgotten
 * subject is never this error: its values read as their declared replacements.
 */
public final class PersonalDataDecodingException extends EventDecodingException {
    private static final long serialVersionUID = 1L;

    private final String subject;

    public PersonalDataDecodingException(String eventType, String property, String subject, String problem, Throwable cause) {
        super(eventType, property, "personal data of subject " + MessageText.quote(subject) + ": " + problem, cause);
        this.subject = subject;
    }

    private PersonalDataDecodingException(PersonalDataDecodingException e, StoredEvent event) {
        super(e.eventType(), e.property(), e.problem(),
                new Location(event.streamId(), event.streamRevision(), event.globalPosition(), event.schemaVersion()),
                e.getCause() != null ? e.getCause() : e);
        this.subject = e.subject;
    }

    /** The same error, located at {@code event}, still naming its subject. */
    @Override
    public PersonalDataDecodingException at(StoredEvent event) {
        return new PersonalDataDecodingException(this, event);
    }

    /** The data subject whose value this is. */
    public String subject() {
        return subject;
    }
}
