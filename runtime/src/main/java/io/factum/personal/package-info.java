/**
 * Crypto-shredding of personal data: each data subject's data key ({@code SubjectKeys}, kept in a
 * {@code SubjectKeyStore} encrypted under the application's {@code MasterKey}), the AES-GCM encryption of
 * one component value ({@code PersonalField}, which generated codecs call), its self-describing JSON form
 * ({@code SealedValue}), and forgetting. Uses {@code io.factum.event} (its errors) and
 * {@code io.factum.store.jdbc} (table names); {@code io.factum.codec} and generated codecs use it.
 */
package io.factum.personal;
