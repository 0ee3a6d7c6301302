package dev.newsflow.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;

/**
 * Decides what to do when a stream thread dies: replace it (a transient fault heals), unless more than
 * {@code maxReplacements} threads died within {@code window} (a bug, or one record that kills every thread that
 * reads it): then stop the client, so readiness and liveness say so instead of the stage looping.
 *
 * <p>Counted in a time window, not reset when the client is RUNNING again: a replaced thread goes through
 * REBALANCING back to RUNNING before it re-reads the record that killed it, so such a reset never let the count grow.
 * Thread-safe: called from dying stream threads.
 */
final class ThreadDeaths {

    private final int maxReplacements;
    private final Duration window;
    private final Deque<Instant> deaths = new ArrayDeque<>();

    ThreadDeaths(int maxReplacements, Duration window) {
        this.maxReplacements = maxReplacements;
        this.window = window;
    }

    synchronized StreamThreadExceptionResponse onDeath(Instant now) {
        deaths.addLast(now);
        forgetBefore(now.minus(window));
        return deaths.size() <= maxReplacements ? StreamThreadExceptionResponse.REPLACE_THREAD
                : StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    /** Deaths within the window before {@code now}: what readiness and /status show, hours later too. */
    synchronized int recent(Instant now) {
        forgetBefore(now.minus(window));
        return deaths.size();
    }

    private void forgetBefore(Instant start) {
        while (!deaths.isEmpty() && deaths.peekFirst().isBefore(start)) {
            deaths.removeFirst();
        }
    }
}
