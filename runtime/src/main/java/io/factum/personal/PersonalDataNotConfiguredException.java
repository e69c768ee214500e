package io.factum.personal;

import io.factum.FactumException;

/** An event with {@code @PersonalData} was written or read before the application gave Factum its keys. */
public final class PersonalDataNotConfiguredException extends FactumException {
    private static final long serialVersionUID = 1L;

    public PersonalDataNotConfiguredException() {
        super("Personal data needs keys: call PersonalData.use(SubjectKeys.of(keyStore, MasterKey.of(...))) at startup,"
                + " before events with @PersonalData components are written or read (see docs/personal-data.md)");
    }
}
