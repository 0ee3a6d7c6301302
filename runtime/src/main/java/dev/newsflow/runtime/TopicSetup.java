package dev.newsflow.runtime;

import dev.newsflow.schemas.TopicSpec;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the pipeline's topics with their settings and waits until every partition has a leader. Writing right
 * after creating a topic can silently lose the first batch (KAFKA-15591), so no stage takes traffic before this.
 */
public final class TopicSetup {

    private static final Logger log = LoggerFactory.getLogger(TopicSetup.class);

    private TopicSetup() {
    }

    public static void ensure(Admin admin, Collection<TopicSpec> specs, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = specs.stream()
                    .filter(s -> !existing.contains(s.name()))
                    .map(s -> new NewTopic(s.name(), Optional.of(s.partitions()), Optional.empty()).configs(s.configs()))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).values().forEach((name, future) -> {
                    try {
                        future.get(remaining(deadline), TimeUnit.MILLISECONDS);
                        log.info("Created topic topic={}", name);
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw new IllegalStateException("cannot create topic " + name + ": " + e.getCause(), e.getCause());
                        }
                    } catch (InterruptedException | TimeoutException e) {
                        throw failure("creating topic " + name, e);
                    }
                });
            }
            awaitLeaders(admin, specs.stream().map(TopicSpec::name).collect(Collectors.toSet()), deadline);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw failure("listing topics", e);
        }
    }

    private static void awaitLeaders(Admin admin, Set<String> names, long deadline)
            throws InterruptedException, TimeoutException {
        while (true) {
            try {
                Map<String, TopicDescription> descriptions =
                        admin.describeTopics(names).allTopicNames().get(remaining(deadline), TimeUnit.MILLISECONDS);
                List<String> leaderless = descriptions.values().stream()
                        .filter(d -> d.partitions().stream().anyMatch(p -> p.leader() == null || p.leader().isEmpty()))
                        .map(TopicDescription::name)
                        .toList();
                if (leaderless.isEmpty() && descriptions.size() == names.size() && leadersServe(admin, descriptions, deadline)) {
                    log.info("Topics ready count={}", names.size());
                    return;
                }
                log.debug("Waiting for partition leaders topics={}", leaderless);
            } catch (ExecutionException e) {
                log.debug("Topics not describable yet reason={}", e.getCause().toString());
            }
            if (remaining(deadline) <= 0) {
                throw new TimeoutException("partitions of " + names + " have no leader yet");
            }
            TimeUnit.MILLISECONDS.sleep(100); // polling the broker's metadata; nothing to wait on instead
        }
    }

    /**
     * Metadata can name a leader before that broker serves the partition; a write then fails with NOT_LEADER and the
     * idempotent producer can lose its first batch. ListOffsets is answered by the leader's own replica manager, so
     * when it succeeds for every partition, the leaders really serve them. Read-only: no record is written.
     */
    private static boolean leadersServe(Admin admin, Map<String, TopicDescription> descriptions, long deadline)
            throws InterruptedException {
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        descriptions.values().forEach(d -> d.partitions().forEach(p ->
                partitions.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
        try {
            admin.listOffsets(partitions).all().get(Math.min(5_000, Math.max(1, remaining(deadline))), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            log.debug("Partition leaders not serving yet reason={}", e.toString());
            return false;
        }
    }

    private static long remaining(long deadline) {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }

    private static IllegalStateException failure(String what, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new IllegalStateException("topic setup failed while " + what + ": " + e, e);
    }
}
