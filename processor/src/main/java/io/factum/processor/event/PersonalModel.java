package io.factum.processor.event;

/**
 * How the codec treats one {@code @PersonalData} component: sealed under the key of the event's subject, and
 * read as its replacement once the subject is forgotten.
 *
 * @param subject       the {@code @DataSubject} component of the same event, whose value selects the key
 * @param subjectKind   how that value becomes the subject's text
 * @param forgottenText the replacement of a {@code String} given by {@code @PersonalData(forgotten = ...)}; null
 *                      when the replacement is what an absent property reads as ({@code Optional.empty()},
 *                      {@code null} for {@code @Nullable}, an empty collection, map or array)
 */
record PersonalModel(String subject, SubjectKind subjectKind, String forgottenText) {

    /** The types a data subject may have, and how each is turned into the subject's text. */
    enum SubjectKind {
        /** {@code String}: as it is. */
        STRING,
        /** {@code UUID}: {@code toString()}. */
        UUID,
        /** {@code long}, {@code int} or their boxes: {@code String.valueOf}. */
        NUMBER
    }
}
