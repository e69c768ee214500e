/**
 * Factum's annotation processor: {@link io.factum.processor.FactumProcessor}, which runs its list of
 * processing steps in every round and writes the module once. The top layer: it may use every package
 * below it ({@code base}, {@code event}, {@code aggregate}, {@code subscriber}, {@code upcast},
 * {@code schema}, {@code module}); none of them uses it.
 */
package io.factum.processor;
