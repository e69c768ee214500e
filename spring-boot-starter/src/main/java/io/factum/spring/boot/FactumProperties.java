package io.factum.spring.boot;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Factum's configuration properties, under {@code factum.}. */
@ConfigurationProperties("factum")
public class FactumProperties {

    private final Store store = new Store();
    private final Bus bus = new Bus();
    private final Health health = new Health();
    private final Subscriptions subscriptions = new Subscriptions();

    public Store getStore() {
        return store;
    }

    public Bus getBus() {
        return bus;
    }

    public Health getHealth() {
        return health;
    }

    public Subscriptions getSubscriptions() {
        return subscriptions;
    }

    /** Which event store to build. */
    public enum StoreType {
        /** PostgreSQL or SQLite, from the application's DataSource; the in-memory store when there is none. */
        AUTO,
        /** The in-memory store, whatever DataSource there is (tests). */
        MEMORY,
        /** PostgreSQL from the DataSource; start-up fails without one. */
        POSTGRESQL,
        /** SQLite from the DataSource; start-up fails without one. */
        SQLITE
    }

    /** Which bus to build. */
    public enum BusType {
        /** Subscribers run in the publishing thread. */
        SYNC,
        /** Subscribers run on an executor, with retries and dead letters. */
        ASYNC
    }

    /** How the instances of a subscription in several processes share it. */
    public enum SubscriptionModeSetting {
        /** Exclusive on a JDBC store (PostgreSQL, SQLite), single-process on the in-memory store. */
        AUTO,
        /** One active instance in the fleet, by a lease in the database; the others stand by. */
        EXCLUSIVE,
        /** No lease: run the application in one process only. */
        SINGLE_PROCESS
    }

    /** {@code factum.store.*}: the event store. */
    public static class Store {
        /** Which event store to build: auto (from the DataSource, in-memory without one), memory, postgresql or sqlite. */
        private StoreType type = StoreType.AUTO;
        /** Prefix of the event store's table names; two applications sharing a database use two prefixes. */
        private String tablePrefix = "factum_";
        /** Whether concurrent appends are combined into one transaction (group commit). */
        private boolean groupCommit = true;
        /** Whether the first operation creates missing tables; turn off when a migration tool owns the schema. */
        private boolean createSchema = true;

        public StoreType getType() {
            return type;
        }

        public void setType(StoreType type) {
            this.type = type;
        }

        public String getTablePrefix() {
            return tablePrefix;
        }

        public void setTablePrefix(String tablePrefix) {
            this.tablePrefix = tablePrefix;
        }

        public boolean isGroupCommit() {
            return groupCommit;
        }

        public void setGroupCommit(boolean groupCommit) {
            this.groupCommit = groupCommit;
        }

        public boolean isCreateSchema() {
            return createSchema;
        }

        public void setCreateSchema(boolean createSchema) {
            this.createSchema = createSchema;
        }
    }

    /** {@code factum.bus.*}: the event bus. */
    public static class Bus {
        /** Which bus to build: sync (subscribers run in the publishing thread) or async. */
        private BusType type = BusType.SYNC;
        /** Events each asynchronous subscriber may have queued before publishing blocks. */
        private int queueCapacity = 10_000;
        /** Whether every publish is timed (factum.bus.publish); counters are always on, a timer costs about 30 ns. */
        private boolean timed = false;

        public BusType getType() {
            return type;
        }

        public void setType(BusType type) {
            this.type = type;
        }

        public int getQueueCapacity() {
            return queueCapacity;
        }

        public void setQueueCapacity(int queueCapacity) {
            this.queueCapacity = queueCapacity;
        }

        public boolean isTimed() {
            return timed;
        }

        public void setTimed(boolean timed) {
            this.timed = timed;
        }
    }

    /** {@code factum.health.*}: the Actuator health indicator. */
    public static class Health {
        /** Health status reported while a subscription has FAILED. */
        private String failedStatus = "DOWN";
        /** Health status reported while a subscription has parked events. */
        private String parkedStatus = "DOWN";

        public String getFailedStatus() {
            return failedStatus;
        }

        public void setFailedStatus(String failedStatus) {
            this.failedStatus = failedStatus;
        }

        public String getParkedStatus() {
            return parkedStatus;
        }

        public void setParkedStatus(String parkedStatus) {
            this.parkedStatus = parkedStatus;
        }
    }

    /** {@code factum.subscriptions.*}: how Subscription beans share their work across the application's instances. */
    public static class Subscriptions {
        /**
         * How the instances of a subscription share it: auto (exclusive on PostgreSQL and SQLite, single-process
         * in memory), exclusive (one active instance holds a lease, the others stand by) or single-process (no
         * lease; run one instance only).
         */
        private SubscriptionModeSetting mode = SubscriptionModeSetting.AUTO;
        /** How long an exclusive subscription's lease lasts without renewal; a standby takes over about this long after the owner stopped. */
        private Duration leaseDuration = Duration.ofSeconds(10);
        /** This instance's name in the leases table; default the process id and a random part. Unique per running instance. */
        private String instanceId;

        public SubscriptionModeSetting getMode() {
            return mode;
        }

        public void setMode(SubscriptionModeSetting mode) {
            this.mode = mode;
        }

        public Duration getLeaseDuration() {
            return leaseDuration;
        }

        public void setLeaseDuration(Duration leaseDuration) {
            this.leaseDuration = leaseDuration;
        }

        public String getInstanceId() {
            return instanceId;
        }

        public void setInstanceId(String instanceId) {
            this.instanceId = instanceId;
        }
    }
}
