/**
 * What every layer shares: {@code FactumException}, the base of Factum's errors, and
 * {@code MessageText}, how their messages quote ids, and {@code ServiceEntries}, the clash check
 * before every {@code ServiceLoader} look-up of generated modules. Uses nothing of Factum: with
 * {@code io.factum.annotation} it is the bottom layer, which every other package may use.
 */
package io.factum;
