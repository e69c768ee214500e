/**
 * Types every context shares: money, ids, rule violations and the input errors the CLI reports. Uses nothing of the other example packages.
 */
package io.factum.example.shared;
