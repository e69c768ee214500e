/**
 * Analytics context: the sales report read model, a JdbcProjection of the ordering events. Uses the ordering events and the runtime's subscriptions.
 */
package io.factum.example.analytics;
