/**
 * The compilation unit's generated {@code FactumModule} and its {@code META-INF/services} entries: what it
 * lists, how it is named and when it is written. Uses {@code base}, {@code event}, {@code aggregate}
 * and {@code upcast}'s models.
 */
package io.factum.processor.module;
