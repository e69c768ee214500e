/** Test helpers: compiling annotated sources in-process with the processor and loading what it generated. */
package io.factum.processor.testing;
