/**
 * What every processing step shares, and the bottom layer of the processor: the step shape
 * ({@link io.factum.processor.base.ProcessingStep}, {@link io.factum.processor.base.TypeStep}), validation
 * reports and the message catalogue, the names the processor reads and writes, and small questions about
 * elements (accessibility, annotation mirrors, handler methods). Uses only {@code javax.lang.model},
 * {@code javax.annotation.processing} and JavaPoet; never a feature package.
 */
package io.factum.processor.base;
