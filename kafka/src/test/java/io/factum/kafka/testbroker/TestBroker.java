package io.factum.kafka.testbroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft Kafka broker (broker and controller in one process) in a child JVM, on loopback
 * ports chosen at run time, with its log directory under {@code target/}. Started by {@link TestBrokerExtension}
 * once per test run.
 */
public final class TestBroker implements AutoCloseable {

    private static final long START_TIMEOUT_SECONDS = 90;

    private final Path directory;
    private final Path config;
    private final String bootstrapServers;
    private Process process;

    private TestBroker(Path directory, Path config, Process process, String bootstrapServers) {
        this.directory = directory;
        this.config = config;
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    /** Formats a fresh log directory and starts the broker; returns once it answers an admin request. */
    public static TestBroker start() {
        return start(Map.of());
    }

    /** As {@link #start()}, with {@code overrides} over the broker's settings (say {@code auto.create.topics.enable}). */
    public static TestBroker start(Map<String, String> overrides) {
        try {
            Path directory = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "kafka-broker-");
            int brokerPort = freePort();
            int controllerPort = freePort();
            Path config = directory.resolve("server.properties");
            Files.writeString(config, serverProperties(directory.resolve("logs"), brokerPort, controllerPort, overrides),
                    StandardCharsets.UTF_8);
            String clusterId = Uuid.randomUuid().toString();
            Process format = java(directory, "format.log", "kafka.tools.StorageTool", "format", "-t", clusterId,
                    "-c", config.toString());
            if (!format.waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS) || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new IllegalStateException("Formatting the test broker's storage failed; see "
                        + directory.resolve("format.log"));
            }
            Process broker = java(directory, "broker.log", "kafka.Kafka", config.toString());
            TestBroker started = new TestBroker(directory, config, broker, "127.0.0.1:" + brokerPort);
            Runtime.getRuntime().addShutdownHook(new Thread(started::kill, "test-broker-killer"));
            started.awaitReady();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the test broker", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the test broker", e);
        }
    }

    /**
     * Starts the broker again on the same ports and log directory after {@link #close()}; returns once it answers.
     * For tests of a broker that goes away mid-stream (use a broker of their own, not the shared one).
     */
    public void restart() {
        try {
            process = java(directory, "broker-" + System.nanoTime() + ".log", "kafka.Kafka", config.toString());
            awaitReady();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot restart the test broker", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while restarting the test broker", e);
        }
    }

    private void kill() {
        process.destroyForcibly();
    }

    /** {@code host:port} of the broker's plaintext listener. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Creates a topic with {@code partitions} partitions and waits until it exists. */
    public void createTopic(String name, int partitions) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Cannot create topic " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Deletes a topic and waits until the broker no longer lists it. */
    public void deleteTopic(String name) {
        try (Admin admin = admin()) {
            admin.deleteTopics(List.of(name)).all().get(30, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(name)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Topic " + name + " still listed 30 s after its deletion");
                }
                Thread.sleep(100);
            }
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Cannot delete topic " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An admin client for the broker; close it. */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000));
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The test broker exited with " + process.exitValue() + "; see "
                        + directory.resolve("broker.log"));
            }
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                last = e;
                Thread.sleep(200);
            }
        }
        close();
        throw new IllegalStateException("The test broker did not answer within " + START_TIMEOUT_SECONDS + " s; see "
                + directory.resolve("broker.log"), last);
    }

    /** Stops the broker (SIGTERM, then SIGKILL after 20 s) and waits for it to end. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static Process java(Path directory, String log, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xms256m");
        command.add("-Xmx512m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Dlog4j2.configurationFile=" + writeLogConfig(directory));
        command.add("-cp");
        command.add(absoluteClassPath()); // the broker runs in its own directory: a relative entry would miss
        command.add(mainClass);
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(directory.resolve(log).toFile()).start();
    }

    private static String absoluteClassPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            entries.add(Path.of(entry).toAbsolutePath().toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static String writeLogConfig(Path directory) throws IOException {
        Path file = directory.resolve("log4j2.properties");
        if (!Files.exists(file)) {
            Files.writeString(file, String.join("\n",
                    "rootLogger.level = WARN",
                    "rootLogger.appenderRef.stdout.ref = STDOUT",
                    "appender.stdout.type = Console",
                    "appender.stdout.name = STDOUT",
                    "appender.stdout.layout.type = PatternLayout",
                    "appender.stdout.layout.pattern = %d %p %c{1} %m%n", ""), StandardCharsets.UTF_8);
        }
        return file.toString();
    }

    private static String serverProperties(Path logs, int brokerPort, int controllerPort, Map<String, String> overrides) {
        Properties properties = new Properties();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        properties.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("log.dirs", logs.toString());
        properties.put("num.partitions", "3");
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", "3");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("transaction.state.log.num.partitions", "3");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        properties.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        properties.putAll(overrides);
        StringBuilder text = new StringBuilder();
        properties.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
