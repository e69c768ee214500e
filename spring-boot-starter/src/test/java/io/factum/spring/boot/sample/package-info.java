/** The starter tests' domain: a ticket aggregate, its events and a subscriber. */
package io.factum.spring.boot.sample;
