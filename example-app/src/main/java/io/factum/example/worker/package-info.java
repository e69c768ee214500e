/** The shop's events through Kafka: the relay on the shop's side, and Notifications and Analytics as a worker of their own. */
package io.factum.example.worker;
