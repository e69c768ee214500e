/**
 * The command line: one class per command group (demo, customers, orders, accounts, projections, events). Uses app and the contexts.
 */
package io.factum.example.cli;
