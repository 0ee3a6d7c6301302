package dev.newsflow.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one stage's topology: state changes logged, uncaught exceptions answered (and logged with the decision),
 * Kafka Streams metrics bound to the stage's registry, and readiness true only in RUNNING.
 */
public final class StreamsRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StreamsRunner.class);
    /** Replacing a dying thread heals transient faults; past this many in {@link #DEATH_WINDOW} it is a bug: stop. */
    private static final int MAX_THREAD_REPLACEMENTS = 3;
    private static final Duration DEATH_WINDOW = Duration.ofMinutes(10);
    /** How long a stage waits for Streams to close; a container's stop grace period must be longer. */
    public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final String stage;
    private final KafkaStreams streams;
    private final KafkaStreamsMetrics metrics;
    private final String topologyDescription;
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private volatile Instant lastErrorAt;
    private final CompletableFuture<String> gaveUp = new CompletableFuture<>();
    private final ThreadDeaths deaths = new ThreadDeaths(MAX_THREAD_REPLACEMENTS, DEATH_WINDOW);
    private volatile Instant stateSince = Instant.now();
    private final io.micrometer.core.instrument.Counter threadDeaths;
    /** A thread that has not polled for this long is wedged: Kafka has already taken its partitions away. */
    private final Duration stuckAfter;

    public StreamsRunner(String stage, Topology topology, Properties streamsProps, MeterRegistry registry) {
        this.stage = stage;
        // Kafka's own failed-stream-threads metric goes with the client once it is in ERROR; this one stays, at 0 from
        // the start, so "any thread death in 10 minutes" can page
        this.threadDeaths = io.micrometer.core.instrument.Counter.builder("newsflow.stream.thread.deaths")
                .description("Stream threads that died (replaced, or the last one before the client stopped)")
                .tag("stage", stage).register(registry);
        this.stuckAfter = maxPollInterval(streamsProps);
        this.streams = new KafkaStreams(topology, streamsProps);
        this.streams.setStateListener((now, before) -> {
            stateSince = Instant.now();
            if (now == KafkaStreams.State.ERROR) {
                log.error("Streams state changed stage={} from={} to={} lastError={}", stage, before, now, lastError.get());
                gaveUp.complete("Kafka Streams of stage " + stage + " stopped in ERROR: " + lastError.get());
            } else {
                log.info("Streams state changed stage={} from={} to={}", stage, before, now);
            }
        });
        this.streams.setUncaughtExceptionHandler(e -> {
            // one line in /status and the health JSON: a broker's message may hold new lines; set before the count
            // goes up, so whoever sees a death counted (an alert, a test) finds its error in the health JSON
            lastError.set(LogValues.printable(e.getClass().getName() + ": " + e.getMessage(), 1_000));
            lastErrorAt = Instant.now();
            threadDeaths.increment();
            StreamThreadExceptionResponse decision = deaths.onDeath(Instant.now());
            if (decision == StreamThreadExceptionResponse.REPLACE_THREAD) {
                log.error("Stream thread died stage={} decision=REPLACE_THREAD deathsInWindow={} reason={}",
                        stage, deaths.recent(Instant.now()), e.toString(), e);
            } else {
                log.error("Stream thread died again stage={} decision=SHUTDOWN_CLIENT deathsInWindow={} window={} reason={}",
                        stage, deaths.recent(Instant.now()), DEATH_WINDOW, e.toString(), e);
            }
            return decision;
        });
        this.metrics = new KafkaStreamsMetrics(streams);
        this.metrics.bindTo(registry);
        TopologyDescription description = topology.describe();
        this.topologyDescription = description.toString();
        // one line at INFO; the whole description (about 60 lines) at DEBUG and on GET /topology
        log.info("Topology stage={} subtopologies={} (GET /topology for the whole description)", stage,
                description.subtopologies().size());
        log.debug("Topology stage={}\n{}", stage, topologyDescription);
    }

    public void start() {
        streams.start();
    }

    /** {@code Topology.describe()}: every source, processor, store and sink, by name. */
    public String topologyDescription() {
        return topologyDescription;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** The Streams client, for interactive queries of the stage's state stores (publish's article lookup). */
    public KafkaStreams streams() {
        return streams;
    }

    /** Completes, with what happened, when the client has given up for good (ERROR): the process should then exit. */
    public CompletableFuture<String> gaveUp() {
        return gaveUp;
    }

    /**
     * Ready only while RUNNING with no wedged thread: a rebalancing or restoring instance does not process records,
     * nor does one whose thread is stuck in a processor.
     */
    public HealthStatus readiness() {
        KafkaStreams.State state = streams.state();
        OptionalDouble pollGap = PollGaps.longest(streams.metrics());
        return new HealthStatus(state == KafkaStreams.State.RUNNING && !stuck(state, pollGap), details(state, pollGap));
    }

    /**
     * Alive unless the client has given up (ERROR, or shut down) or a stream thread is wedged: it has not polled
     * Kafka for longer than {@code max.poll.interval.ms}, so a restart is the only way its partitions flow again.
     */
    public HealthStatus liveness() {
        KafkaStreams.State state = streams.state();
        OptionalDouble pollGap = PollGaps.longest(streams.metrics());
        boolean alive = state != KafkaStreams.State.ERROR && state != KafkaStreams.State.NOT_RUNNING
                && state != KafkaStreams.State.PENDING_ERROR && !stuck(state, pollGap);
        return new HealthStatus(alive, details(state, pollGap));
    }

    /** The main consumer's max.poll.interval.ms as Kafka Streams applies it: main.consumer., consumer., then plain. */
    private static Duration maxPollInterval(Properties props) {
        for (String key : new String[]{"main.consumer.max.poll.interval.ms", "consumer.max.poll.interval.ms",
                "max.poll.interval.ms"}) {
            String value = props.getProperty(key);
            if (value != null && !value.isBlank()) {
                try {
                    return Duration.ofMillis(Long.parseLong(value.strip()));
                } catch (NumberFormatException e) {
                    break; // Kafka Streams refuses it when it starts, naming the setting
                }
            }
        }
        return Duration.ofMillis(300_000);
    }

    /** {@code pollGap}: the slowest thread's seconds since its last poll, read once per probe (a scan of every metric). */
    private boolean stuck(KafkaStreams.State state, OptionalDouble pollGap) {
        if (state != KafkaStreams.State.RUNNING && state != KafkaStreams.State.REBALANCING) {
            return false; // starting, or closing: threads do not poll then, and the state already says so
        }
        return pollGap.isPresent() && pollGap.getAsDouble() * 1000 > stuckAfter.toMillis();
    }

    private Map<String, Object> details(KafkaStreams.State state, OptionalDouble pollGap) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("streamsState", state.name());
        if (pollGap.isPresent()) {
            // seconds since the slowest thread last polled: a few at most; past max.poll.interval.ms it is wedged
            details.put("secondsSinceLastPoll", (long) pollGap.getAsDouble());
            if (stuck(state, pollGap)) {
                details.put("wedged", "a stream thread has not polled for " + (long) pollGap.getAsDouble() + " s (over "
                        + stuckAfter.toSeconds() + " s, max.poll.interval.ms): a processor does not return; see the"
                        + " thread dump (jstack) for where, then restart");
            }
        }
        details.put("since", stateSince.toString());
        String error = lastError.get();
        if (error != null) {
            details.put("lastError", error);
            details.put("lastErrorAt", String.valueOf(lastErrorAt));
            details.put("threadDeathsInWindow", deaths.recent(Instant.now()));
        }
        return details;
    }

    @Override
    public void close() {
        metrics.close();
        boolean clean = streams.close(CLOSE_TIMEOUT);
        if (clean) {
            log.info("Streams closed stage={}", stage);
        } else {
            log.warn("Streams did not close within {} stage={}: threads may still be running; their transactions are"
                    + " aborted and redone on restart", CLOSE_TIMEOUT, stage);
        }
    }
}
