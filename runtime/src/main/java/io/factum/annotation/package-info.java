/**
 * The annotations the processor reads ({@code @Event}, {@code @Aggregate}, {@code @Apply},
 * {@code @Subscribe}, {@code @EventRouter}, {@code @Upcast},
 * {@code @PersonalData}, {@code @DataSubject}) and the marker it puts on generated code.
 * Uses nothing of Factum: it is the bottom layer, which every other package may use.
 */
package io.factum.annotation;
