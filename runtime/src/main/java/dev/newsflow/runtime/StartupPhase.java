package dev.newsflow.runtime;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a stage is in its start, for the health endpoints it serves from the first second: a stage that waits up to
 * a minute for Kafka's topics says so ({@code startupPhase}, {@code since}) instead of refusing connections, so an
 * operator and an orchestrator can tell "starting" from "dead". Thread-safe.
 */
public final class StartupPhase {

    private final Clock clock;
    private volatile String phase;
    private volatile Instant since;
    private volatile boolean done;

    public StartupPhase(String first, Clock clock) {
        this.clock = clock;
        enter(first);
    }

    /** The stage moved on to {@code next}, e.g. "checking topics", "starting Kafka Streams". */
    public void enter(String next) {
        this.phase = next;
        this.since = clock.instant();
    }

    /** The start is over: the stage's own health answers from now on. */
    public void finish() {
        done = true;
    }

    public boolean done() {
        return done;
    }

    /** Live while starting: the process is doing its work; a start that fails ends the process. */
    public HealthStatus liveness() {
        return HealthStatus.up(details());
    }

    /** Not ready while starting: nothing flows yet. */
    public HealthStatus readiness() {
        return HealthStatus.down(details());
    }

    private Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("startupPhase", phase);
        details.put("since", since.toString());
        return details;
    }
}
