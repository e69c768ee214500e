/** The cost of {@code @PersonalData}: one record encoded and decoded plain and with two sealed components. */
package io.factum.benchmarks.personal;
