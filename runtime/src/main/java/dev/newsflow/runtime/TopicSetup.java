package dev.newsflow.runtime;

import dev.newsflow.schemas.TopicSpec;
import java.time.Duration;
import java.util.ArrayList;
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
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
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

    /**
     * How many copies of each topic the cluster keeps; empty values leave it to the broker's defaults
     * ({@code default.replication.factor}, {@code min.insync.replicas}), which are 1 on a stock broker.
     */
    public record Replication(Optional<Short> factor, Optional<Integer> minInsyncReplicas) {
        public static final Replication BROKER_DEFAULTS = new Replication(Optional.empty(), Optional.empty());
    }

    /**
     * Kafka answered, and the answer stops the setup (a setting, an ACL, a topic made wrong): nothing to do with
     * whether Kafka is reachable, so the caller must not say it is.
     */
    public static class TopicProblem extends IllegalStateException {
        TopicProblem(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** An existing topic the pipeline cannot safely use: Kafka answered, the topic is wrong. */
    public static final class TopicMismatch extends TopicProblem {
        TopicMismatch(String message) {
            super(message, null);
        }
    }

    /** Kafka refused to create a topic, and said why. */
    public static final class TopicRefused extends TopicProblem {
        TopicRefused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static void ensure(Admin admin, Collection<TopicSpec> specs, Duration timeout) {
        ensure(admin, specs, timeout, Replication.BROKER_DEFAULTS);
    }

    /**
     * Creates the missing topics, waits for their leaders, and checks the topics that already existed against their
     * specs: a wrong {@code cleanup.policy} fails (a raw topic that deletes would lose accepted articles, a current
     * topic that deletes loses live posts), any other difference is a warning that names the setting.
     */
    public static void ensure(Admin admin, Collection<TopicSpec> specs, Duration timeout, Replication replication) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String phase = "listing topics"; // what was under way, for the message if it fails
        try {
            // a name listed, or one whose creation Kafka refused as existing: the listing can miss a topic created an
            // instant before (by hand, by another instance), and that topic must be checked as any other
            Set<String> existing = new java.util.HashSet<>(
                    admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
            List<NewTopic> missing = specs.stream()
                    .filter(s -> !existing.contains(s.name()))
                    .map(s -> new NewTopic(s.name(), Optional.of(s.partitions()), replication.factor())
                            .configs(withMinInsync(s.configs(), replication)))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).values().forEach((name, future) -> {
                    try {
                        future.get(remaining(deadline), TimeUnit.MILLISECONDS);
                        log.info("Created topic topic={}", name);
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw new TopicRefused("Kafka refused to create topic " + name + ": " + e.getCause()
                                    + advice(e.getCause()), e.getCause());
                        }
                        existing.add(name);
                    } catch (InterruptedException | TimeoutException e) {
                        throw failure("creating topic " + name, e);
                    }
                });
            }
            phase = "waiting for the partitions' leaders";
            Map<String, TopicDescription> described =
                    awaitLeaders(admin, specs.stream().map(TopicSpec::name).collect(Collectors.toSet()), deadline);
            samePartitionCount(described, dev.newsflow.schemas.Topics.ARTICLES_RAW,
                    dev.newsflow.schemas.Topics.ARTICLES_ENRICHED).ifPresent(problem -> {
                throw new TopicMismatch(problem);
            });
            List<TopicSpec> preexisting = specs.stream().filter(s -> existing.contains(s.name())).toList();
            if (!preexisting.isEmpty()) {
                phase = "checking existing topics";
                checkExisting(admin, preexisting, described, deadline);
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.AuthenticationException
                    || e.getCause() instanceof org.apache.kafka.common.errors.AuthorizationException) {
                // Kafka answered: wrong credentials or a missing ACL, not an outage
                throw new TopicRefused("Kafka refused " + phase + ": " + e.getCause()
                        + " (check the client's credentials and its DESCRIBE/CREATE ACLs)", e.getCause());
            }
            throw failure(phase, e);
        } catch (InterruptedException | TimeoutException e) {
            throw failure(phase, e);
        }
    }

    /**
     * The raw and enriched topics must have as many partitions as each other: an article is on the same partition
     * number in both, which publish relies on before it releases an embargo (it asks how far enrich has read the raw
     * partition of the enriched one it holds the article on). Empty when both agree or either is not described.
     */
    public static Optional<String> samePartitionCount(Map<String, TopicDescription> described, String first, String second) {
        TopicDescription a = described.get(first);
        TopicDescription b = described.get(second);
        if (a == null || b == null || a.partitions().size() == b.partitions().size()) {
            return Optional.empty();
        }
        return Optional.of("topic " + first + " has " + a.partitions().size() + " partitions and " + second + " "
                + b.partitions().size() + ": they must have the same count (an article keeps its partition number"
                + " through the pipeline, and publish's embargo releases rely on it). Kafka cannot take partitions"
                + " away, and adding some moves articles away from publish's state, which is kept per partition: this"
                + " needs a planned migration, not a quick fix");
    }

    /** What to do about a refusal an operator meets at the first start of a new cluster. */
    static String advice(Throwable refusal) {
        if (refusal instanceof org.apache.kafka.common.errors.InvalidReplicationFactorException) {
            return " (topics.replication.factor asks for more copies than the cluster has brokers)";
        }
        if (refusal instanceof org.apache.kafka.common.errors.TopicAuthorizationException
                || refusal instanceof org.apache.kafka.common.errors.ClusterAuthorizationException) {
            return " (this client may not create topics: grant it CREATE, or create them as in Topics and set"
                    + " topics.create=false)";
        }
        if (refusal instanceof org.apache.kafka.common.errors.PolicyViolationException
                || refusal instanceof org.apache.kafka.common.errors.InvalidConfigurationException) {
            return " (a broker policy or setting refuses the topic's settings: see Topics for what newsflow needs)";
        }
        return "";
    }

    private static Map<String, String> withMinInsync(Map<String, String> configs, Replication replication) {
        if (replication.minInsyncReplicas().isEmpty()) {
            return configs;
        }
        Map<String, String> withIsr = new HashMap<>(configs);
        withIsr.put("min.insync.replicas", String.valueOf(replication.minInsyncReplicas().get()));
        return withIsr;
    }

    /** Topics made by hand or by an older release may differ from what the pipeline needs: say so, by name. */
    private static void checkExisting(Admin admin, List<TopicSpec> specs, Map<String, TopicDescription> described,
                                      long deadline) throws InterruptedException, ExecutionException, TimeoutException {
        List<ConfigResource> resources = specs.stream()
                .map(s -> new ConfigResource(ConfigResource.Type.TOPIC, s.name())).toList();
        Map<ConfigResource, Config> configs;
        try {
            // its own few seconds, not what the leaders left of the deadline: the check is worth a short wait only
            configs = admin.describeConfigs(resources).all().get(Math.max(5_000, remaining(deadline)), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // e.g. an ACL without DescribeConfigs: the topics exist and have leaders, so the stage can still run
            List<String> compacted = specs.stream()
                    .filter(spec -> "compact".equals(spec.configs().get("cleanup.policy"))).map(TopicSpec::name).toList();
            log.warn("Cannot check existing topics against their specs reason={}: make sure by hand that {} are"
                    + " compacted", e instanceof ExecutionException ? e.getCause().toString() : e.toString(), compacted);
            return;
        }
        List<String> fatal = new ArrayList<>();
        for (TopicSpec spec : specs) {
            Config actual = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()));
            for (String drift : drift(spec, described.get(spec.name()), actual)) {
                if (drift.startsWith("cleanup.policy")) {
                    fatal.add("topic " + spec.name() + " has " + drift);
                } else {
                    log.warn("Existing topic differs from its spec topic={} {} (kafka-configs --alter --entity-type topics"
                            + " --entity-name {} sets it)", spec.name(), drift, spec.name());
                }
            }
        }
        if (!fatal.isEmpty()) {
            // never "delete it": news.articles.raw holds every article there is, news.posts.current what is live
            throw new TopicMismatch(String.join("; ", fatal) + ": set each to what newsflow needs with kafka-configs"
                    + " --alter --entity-type topics --entity-name TOPIC --add-config cleanup.policy=VALUE (see Topics);"
                    + " do not delete the topic, it holds the articles or posts the pipeline keeps");
        }
    }

    /** The differences between a topic's spec and the topic as the cluster has it, one line each. */
    static List<String> drift(TopicSpec spec, TopicDescription description, Config actual) {
        List<String> drift = new ArrayList<>();
        spec.configs().forEach((key, expected) -> {
            ConfigEntry entry = actual == null ? null : actual.get(key);
            String value = entry == null ? null : entry.value();
            if (!expected.equals(value)) {
                drift.add(key + "=" + value + " where newsflow needs " + expected);
            }
        });
        if (description != null && description.partitions().size() != spec.partitions()) {
            // more partitions are an operator's choice; a changed count moves articles to other partitions
            drift.add("partitions=" + description.partitions().size() + " where newsflow creates " + spec.partitions()
                    + " (changing the count of a topic in use breaks per-article order)");
        }
        return drift;
    }

    private static Map<String, TopicDescription> awaitLeaders(Admin admin, Set<String> names, long deadline)
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
                    return descriptions;
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
