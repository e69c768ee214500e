package io.factum.kafka;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicIdException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Tells a failed batch whose topic is missing from other failures: the producer reports a missing topic as a
 * metadata timeout ("Topic ... not present in metadata") or an unknown topic, so on those the relay asks the
 * cluster which of the batch's topics exist.
 */
final class MissingTopics {

    private final Map<String, Object> clientConfig;

    MissingTopics(Map<String, Object> clientConfig) {
        this.clientConfig = clientConfig;
    }

    /** Whether {@code error} may mean a topic is missing (worth asking the cluster). */
    static boolean maySayMissing(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownTopicOrPartitionException || cause instanceof UnknownTopicIdException
                    || cause instanceof TimeoutException && String.valueOf(cause.getMessage()).contains("not present in metadata")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** Those of {@code topics} the cluster does not list; empty when all exist or the cluster cannot be asked. */
    Set<String> of(Set<String> topics) {
        Map<String, Object> config = new java.util.HashMap<>(clientConfig);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics(new ListTopicsOptions().timeoutMs(5_000)).names()
                    .get(6, TimeUnit.SECONDS);
            Set<String> missing = new TreeSet<>(topics);
            missing.removeAll(existing);
            return missing;
        } catch (ExecutionException | java.util.concurrent.TimeoutException | RuntimeException e) {
            return Set.of(); // the cluster cannot be reached: report the original error
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Set.of();
        }
    }
}
