/** The test broker: one single-node KRaft Kafka broker in a child JVM per test run. */
package io.factum.kafka.testbroker;
