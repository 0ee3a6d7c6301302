package dev.newsflow.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft Kafka broker (broker and controller in one) running in this JVM, on Kafka's own server code.
 * For the demo and for integration tests on machines without a Docker engine. Not for production.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private final Path logDir;
    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private EmbeddedKafkaBroker(Path logDir, KafkaRaftServer server, String bootstrapServers) {
        this.logDir = logDir;
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /** Formats a fresh log directory and starts the broker; returns once it accepts connections. */
    public static EmbeddedKafkaBroker start() {
        return start(EmbeddedKafkaBroker::freePort);
    }

    /** Where to find a port: asked again after a port was taken between being found free and being bound. */
    @FunctionalInterface
    interface Ports {
        int next() throws IOException;
    }

    /**
     * A free port is free when asked, not when the broker binds it a moment later (another process, or a test running
     * beside it, may take it between the two): a bind that fails so is tried again with new ports, twice.
     */
    static EmbeddedKafkaBroker start(Ports ports) {
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce(ports);
            } catch (RuntimeException e) {
                if (attempt >= 3 || !isPortTaken(e)) {
                    throw e;
                }
                log.info("Embedded Kafka broker's port was taken before it bound it, trying other ports attempt={}: {}",
                        attempt, e.toString());
            }
        }
    }

    private static boolean isPortTaken(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.BindException
                    || t.getMessage() != null && t.getMessage().contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }

    private static EmbeddedKafkaBroker startOnce(Ports ports) {
        long started = System.nanoTime();
        Path logDir = null;
        Path configFile = null;
        KafkaRaftServer server = null;
        try {
            logDir = Files.createTempDirectory("newsflow-kafka-");
            int brokerPort = ports.next();
            int controllerPort = ports.next();
            Properties props = brokerProperties(logDir, brokerPort, controllerPort);
            configFile = logDir.resolveSibling(logDir.getFileName() + ".properties");
            try (var out = Files.newBufferedWriter(configFile)) {
                props.store(out, "newsflow embedded broker");
            }
            format(configFile);
            server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            String bootstrap = "127.0.0.1:" + brokerPort;
            log.info("Embedded Kafka broker started bootstrapServers={} logDir={} startupMs={}",
                    bootstrap, logDir, (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedKafkaBroker(logDir, server, bootstrap);
        } catch (IOException e) {
            cleanUp(server, logDir, configFile);
            throw new UncheckedIOException("cannot prepare the embedded broker's log directory", e);
        } catch (RuntimeException e) {
            cleanUp(server, logDir, configFile);
            throw e;
        }
    }

    /** What a failed start leaves: the broker's threads (not daemons) and its directory. */
    private static void cleanUp(KafkaRaftServer server, Path logDir, Path configFile) {
        if (server != null) {
            try {
                server.shutdown();
                server.awaitShutdown();
            } catch (RuntimeException e) {
                log.warn("Embedded Kafka broker did not stop cleanly after a failed start: {}", e.toString());
            }
        }
        if (logDir != null) {
            deleteQuietly(logDir);
        }
        if (configFile != null) {
            deleteQuietly(configFile);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Stops the broker (its threads are not daemons: without this the JVM never exits) and deletes its data. */
    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        deleteQuietly(logDir);
        deleteQuietly(logDir.resolveSibling(logDir.getFileName() + ".properties"));
        log.info("Embedded Kafka broker stopped bootstrapServers={}", bootstrapServers);
    }

    private static Properties brokerProperties(Path logDir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "3");
        p.put("default.replication.factor", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "3");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("min.insync.replicas", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        return p;
    }

    private static void format(Path configFile) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            int code = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(),
                    "-c", configFile.toString(), "--ignore-formatted"}, out);
            if (code != 0) {
                throw new IllegalStateException("formatting the embedded broker's storage failed (exit " + code + "): "
                        + buffer.toString(StandardCharsets.UTF_8));
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void deleteQuietly(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete embedded broker data path={} reason={}", path, e.toString());
        }
    }
}
