/**
 * Notifications context: the notices sent to customers, a projection of ordering's events. Uses ordering's events and the runtime.
 */
package io.factum.example.notifications;
