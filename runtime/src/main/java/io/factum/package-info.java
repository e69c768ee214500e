/**
 * What every layer shares: {@code FactumException}, the base of Factum's errors, and
 * {@code MessageText}, how their messages quote ids. Uses nothing of Factum; the bottom layer
 * with {@code io.factum.annotation}.
 */
package io.factum;
