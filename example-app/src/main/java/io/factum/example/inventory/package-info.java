/**
 * Inventory context: the warehouse aggregate and its stock events, and the policy that reserves stock for new orders. Uses ordering's events, shared and the runtime.
 */
package io.factum.example.inventory;
