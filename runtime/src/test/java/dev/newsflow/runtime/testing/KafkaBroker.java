package dev.newsflow.runtime.testing;

import dev.newsflow.runtime.EmbeddedKafkaBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A real Kafka broker for integration tests: a Testcontainers {@code apache/kafka} container where a Docker engine
 * exists, otherwise the embedded KRaft broker. Never a mock, never skipped.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);
    private static final String IMAGE = "apache/kafka:4.1.0";

    private final String bootstrapServers;
    private final AutoCloseable resource;

    private KafkaBroker(String bootstrapServers, AutoCloseable resource) {
        this.bootstrapServers = bootstrapServers;
        this.resource = resource;
    }

    public static KafkaBroker start() {
        if (dockerAvailable()) {
            KafkaContainer container = new KafkaContainer(IMAGE);
            container.start();
            log.info("Integration tests use a Testcontainers broker bootstrapServers={}", container.getBootstrapServers());
            return new KafkaBroker(container.getBootstrapServers(), container::stop);
        }
        EmbeddedKafkaBroker embedded = EmbeddedKafkaBroker.start();
        log.info("No Docker engine: integration tests use the embedded KRaft broker bootstrapServers={}",
                embedded.bootstrapServers());
        return new KafkaBroker(embedded.bootstrapServers(), embedded);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() throws Exception {
        resource.close();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
