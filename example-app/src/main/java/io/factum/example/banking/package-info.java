/**
 * Banking context: the event-sourced Account (with its snapshot), its events and money transfers between accounts. Uses shared and the runtime.
 */
package io.factum.example.banking;
