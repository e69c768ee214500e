/**
 * What every layer shares: {@code FactumException}, the base of Factum's errors, and
 * {@code MessageText}, how their messages quote ids. Uses nothing of Factum: with
 * {@code io.factum.annotation} it is the bottom layer, which every other package may use.
 */
package io.factum;
