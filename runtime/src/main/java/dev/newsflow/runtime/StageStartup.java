package dev.newsflow.runtime;

import dev.newsflow.schemas.Topics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every stage does first: log its effective settings (secrets masked) and make its registry; then, once its
 * HTTP server answers, ensure the topics.
 */
public final class StageStartup {

    private static final Logger log = LoggerFactory.getLogger(StageStartup.class);

    private StageStartup() {
    }

    /** @return the stage's metrics registry, every meter tagged with {@code stage} */
    public static PrometheusMeterRegistry prepare(String stage, StageConfig config, Settings settings) {
        log.info("Starting stage={} settings={}", stage, Settings.masked(config.values()));
        log.info("Kafka client settings stage={} kafka={}", stage, Settings.masked(settings.kafka()));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("stage", stage);
        return registry;
    }

    /** After a failed start: closes what was opened, last first, adding any failure to close to {@code failure}. */
    public static void closeAll(java.util.List<? extends AutoCloseable> opened, Exception failure) {
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception closing) {
                failure.addSuppressed(closing);
            }
        }
    }

    /**
     * Checks that Kafka answers and has {@code topic}, for a client told not to create topics: without it, each write
     * would wait max.block.ms for a topic that is not there.
     */
    public static void requireTopic(Settings settings, String topic, long timeoutMs) {
        Object servers = settings.kafkaProperties().get("bootstrap.servers");
        // the Admin's own timeout is the caller's, or its 60 s default would end the wait with a misleading cause
        Admin admin = Admins.withTimeout(settings.kafkaProperties(), "newsflow-topic-check", Duration.ofMillis(timeoutMs));
        try {
            admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(timeoutMs, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
                throw new IllegalStateException("Kafka at " + servers + " has no topic " + topic + "; topics.create=false,"
                        + " so newsflow does not create it", cause);
            }
            if (cause instanceof org.apache.kafka.common.errors.AuthenticationException
                    || cause instanceof org.apache.kafka.common.errors.AuthorizationException) {
                throw new TopicSetup.TopicRefused("Kafka at " + servers + " refused to describe " + topic + ": " + cause
                        + " (check the client's credentials and its DESCRIBE ACL)", cause);
            }
            throw notAnswered(servers, "about topic " + topic, timeoutMs, " " + cause, cause);
        } catch (java.util.concurrent.TimeoutException e) {
            throw notAnswered(servers, null, timeoutMs, "", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking topic " + topic, e);
        } finally {
            admin.close(Duration.ofSeconds(2));
        }
    }

    /** Ensures the topics unless {@code topics.create} is false, saying so in {@code phase}. */
    public static void ensureTopicsIfAsked(StageConfig config, Settings settings, StartupPhase phase) {
        if (config.createTopics()) {
            phase.enter("checking topics at " + settings.kafkaProperties().get("bootstrap.servers"));
            ensureTopics(settings, config.topicSetupTimeoutMs());
        }
    }

    /**
     * Creates the pipeline's topics if missing and waits for their leaders; the first thing a stage (or the importer)
     * asks of Kafka, so when it fails it says where it looked and what to check.
     */
    public static void ensureTopics(Settings settings, long timeoutMs) {
        Object servers = settings.kafkaProperties().get("bootstrap.servers");
        log.info("Checking topics bootstrapServers={} timeoutMs={}", servers, timeoutMs);
        Admin admin = Admin.create(settings.kafkaProperties());
        try {
            TopicSetup.ensure(admin, Topics.all(), Duration.ofMillis(timeoutMs), StageConfig.replication(settings.newsflow()));
        } catch (TopicSetup.TopicProblem e) {
            throw e; // Kafka answered: its answer is the message, not "is it running?"
        } catch (IllegalStateException e) {
            throw notAnswered(servers, "the topic setup", timeoutMs, " " + e.getMessage(), e);
        } finally {
            // a plain close() waits for the calls still pending, up to default.api.timeout.ms (60 s)
            admin.close(Duration.ofSeconds(2));
        }
    }

    /** What every start-up check says when Kafka gave no answer: where it looked, how long, what to check. */
    private static IllegalStateException notAnswered(Object servers, String what, long timeoutMs, String detail,
                                                     Throwable cause) {
        return new IllegalStateException("Kafka at " + servers + " did not answer" + (what == null ? "" : " " + what)
                + " within " + timeoutMs + " ms (topics.create.timeout.ms): is it running and reachable from here"
                + " (KAFKA_BOOTSTRAP_SERVERS)?" + detail, cause);
    }
}
