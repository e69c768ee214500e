/**
 * Wiring of the example app: store location, the reactions between contexts, the activity log and narration. Uses every context package and the runtime.
 */
package io.factum.example.app;
