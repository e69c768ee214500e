/** Builds of several compilation units (jars, main and test sources, rebuilds without clean) and what they see of each other. */
package io.factum.processor.units;
