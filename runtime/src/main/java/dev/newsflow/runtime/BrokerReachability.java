package dev.newsflow.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Whether the Kafka cluster answers right now: a producer's metadata is cached and still lists the old leaders when
 * every broker is down, so a readiness check built on it stayed UP through an outage. One small describe-cluster
 * call, at most every {@code cacheFor} (health probes come every few seconds), with a short timeout.
 * Thread-safe.
 */
public final class BrokerReachability implements AutoCloseable {

    private final Admin admin;
    private final Duration timeout;
    private final Duration cacheFor;
    private final Clock clock;
    private Instant checkedAt = Instant.MIN;
    private HealthStatus last;

    /**
     * A stage's readiness check: 2 s to answer, well inside a probe's usual 5 s timeout, and an answer reused for 5 s,
     * so probes every few seconds cost the cluster one call between them.
     */
    public static BrokerReachability forStage(Properties kafka) {
        return new BrokerReachability(kafka, Duration.ofSeconds(2), Duration.ofSeconds(5), Clock.systemUTC());
    }

    public BrokerReachability(Properties kafka, Duration timeout, Duration cacheFor, Clock clock) {
        this.admin = Admins.withTimeout(kafka, "newsflow-readiness", timeout);
        this.timeout = timeout;
        this.cacheFor = cacheFor;
        this.clock = clock;
    }

    public synchronized HealthStatus check() {
        Instant now = clock.instant();
        if (last != null && now.isBefore(checkedAt.plus(cacheFor))) {
            return last;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("brokersCheckedAt", now.toString());
        try {
            int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
            details.put("brokers", brokers);
            last = new HealthStatus(brokers > 0, details);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            details.put("brokerError", cause.getClass().getSimpleName() + ": " + cause.getMessage());
            last = HealthStatus.down(details);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            details.put("brokerError", "interrupted");
            last = HealthStatus.down(details);
        }
        checkedAt = now;
        return last;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
