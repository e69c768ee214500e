package io.factum.personal;

import io.factum.MessageText;
import io.factum.event.EventEncodingException;

/**
 * New personal data was to be written for a subject that has been forgotten: its key is destroyed, and no new
 * one is made, since the subject asked for its data to be erased. Nothing is stored. A person who comes back
 * is a new subject, with a new id.
 */
public final class SubjectForgottenException extends EventEncodingException {
    private static final long serialVersionUID = 1L;

    private final String subject;

    public SubjectForgottenException(String eventType, String property, String subject) {
        super(eventType, property, "subject " + MessageText.quote(subject) + " has been forgotten (its key is destroyed),"
                + " so no personal data is written for it any more; a person who comes back is a new subject with a new id");
        this.subject = subject;
    }

    public String subject() {
        return subject;
    }
}
