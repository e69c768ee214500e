/** A one-event domain the micrometer module's tests store, publish and subscribe to. */
package io.factum.micrometer.sample;
