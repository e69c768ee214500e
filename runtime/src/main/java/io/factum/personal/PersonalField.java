package io.factum.personal;

import io.factum.MessageText;
import io.factum.event.EventEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * One {@code @PersonalData} component of one event type: seals the JSON of its value under the subject's key
 * and opens it again. A generated codec holds one per personal component, made once
 * ({@code PersonalData.field("CustomerRegistered", "email")}), and calls {@link #seal} and {@link #open} for
 * each value; the keys come from the {@link SubjectKeys} given to {@link PersonalData#use}.
 *
 * <p>The associated data of each value is {@code (event type, property, subject)}: a sealed value copied into
 * another event type, property or subject's event does not open (a {@link PersonalDataDecodingException}).
 * The schema version is not part of it, so an upcaster may carry a sealed value into the next version as it is.
 */
public final class PersonalField {

    private final String eventType;
    private final String property;
    /** {@code "factum-pd1\0<event type>\0<property>\0"}; the subject follows. */
    private final byte[] associatedPrefix;

    PersonalField(String eventType, String property) {
        this.eventType = eventType;
        this.property = property;
        this.associatedPrefix = ("factum-pd1\u0000" + eventType + '\u0000' + property + '\u0000').getBytes(StandardCharsets.UTF_8);
    }

    public String eventType() {
        return eventType;
    }

    public String property() {
        return property;
    }

    /**
     * The sealed form ({@link SealedValue#text()}) of {@code plainJson}, the JSON the codec writes for the
     * value, under {@code subject}'s key, which is created on the subject's first use.
     *
     * @throws SubjectForgottenException   if the subject was forgotten
     * @throws EventEncodingException      if {@code subject} is null
     * @throws PersonalDataNotConfiguredException if no {@link SubjectKeys} were given to {@link PersonalData#use}
     */
    public String seal(String subject, byte[] plainJson) {
        if (subject == null) {
            throw new EventEncodingException(eventType, property, "its data subject is null; the @DataSubject"
                    + " component is required, since it selects the key");
        }
        SubjectKeys keys = PersonalData.keys();
        DataKey key;
        try {
            key = keys.forWriting(subject);
        } catch (SubjectKeys.KeyProblem e) {
            throw new EventEncodingException(eventType, property, "personal data of subject "
                    + MessageText.quote(subject) + ": " + e.getMessage());
        }
        if (key == null) {
            throw new SubjectForgottenException(eventType, property, subject);
        }
        try {
            return new SealedValue(key.keyId(), FieldCipher.encrypt(key.key(), associatedData(subject), plainJson)).text();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed to seal " + eventType + "." + property + ": " + e, e);
        }
    }

    /**
     * The JSON the value was written as, or null if {@code subject} was forgotten: the codec then reads the
     * component's replacement.
     *
     * @throws PersonalDataDecodingException if {@code sealedText} is not a sealed value, names an unknown key, does
     *                                       not open with the master key, or was tampered with or moved
     */
    public byte[] open(String subject, String sealedText) {
        if (subject == null) {
            throw new PersonalDataDecodingException(eventType, property, null,
                    "its data subject is missing or null, so no key can open it", null);
        }
        SealedValue sealed;
        try {
            sealed = SealedValue.parse(sealedText);
        } catch (IllegalArgumentException e) {
            throw new PersonalDataDecodingException(eventType, property, subject, e.getMessage(), null);
        }
        DataKey key;
        try {
            key = PersonalData.keys().forReading(subject, sealed.keyId());
        } catch (SubjectKeys.KeyProblem e) {
            throw new PersonalDataDecodingException(eventType, property, subject, e.getMessage(), null);
        }
        if (key == null) {
            return null;
        }
        try {
            byte[] bytes = sealed.sealed();
            return FieldCipher.decrypt(key.key(), associatedData(subject), bytes, 0, bytes.length);
        } catch (GeneralSecurityException e) {
            throw new PersonalDataDecodingException(eventType, property, subject, "the value does not open with the"
                    + " subject's key (" + e.getClass().getSimpleName() + "): it is corrupt, was changed, or was"
                    + " copied from another event type, property or subject", e);
        }
    }

    private byte[] associatedData(String subject) {
        byte[] subjectBytes = subject.getBytes(StandardCharsets.UTF_8);
        byte[] data = Arrays.copyOf(associatedPrefix, associatedPrefix.length + subjectBytes.length);
        System.arraycopy(subjectBytes, 0, data, associatedPrefix.length, subjectBytes.length);
        return data;
    }

    @Override
    public String toString() {
        return "PersonalField[" + eventType + "." + property + "]";
    }
}
