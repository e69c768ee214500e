/**
 * {@code FactumException}, the base of every error Factum throws on purpose. Uses nothing of Factum:
 * with {@code io.factum.annotation} it is the bottom layer, which every other package may use.
 */
package io.factum;
