/** Tests of the relay and the Kafka subscription against the test broker. */
package io.factum.kafka;
