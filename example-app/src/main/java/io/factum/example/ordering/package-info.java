/**
 * Ordering context: the Customer and Order aggregates, their events and upcasters, and the policy that cancels refused orders. Uses shared and the runtime.
 */
package io.factum.example.ordering;
