/** The cost of {@code @PersonalData}: one record (in {@code domain}, so the module keeps its name) encoded and decoded plain and sealed. */
package io.factum.benchmarks.personal;
