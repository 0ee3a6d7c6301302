package dev.newsflow.runtime;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * At most one log line per key each second, with how many events were not logged since the last line: a flood of
 * refused requests or of dead letters must not flood the logs too (metrics count every one). Keys are API key names,
 * reasons or fixed categories, never client input, so the map stays small.
 */
public final class LogThrottle {

    private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ConcurrentHashMap<String, long[]> state = new ConcurrentHashMap<>();

    /**
     * Counts one event for {@code key}; returns -1 when it should not be logged, else the number of events (this one
     * included) since the last logged one.
     */
    public long admit(String key) {
        long now = System.nanoTime();
        long[] s = state.computeIfAbsent(key, k -> new long[] {now - 2 * INTERVAL_NANOS, 0});
        synchronized (s) {
            s[1]++;
            if (now - s[0] < INTERVAL_NANOS) {
                return -1;
            }
            long events = s[1];
            s[0] = now;
            s[1] = 0;
            return events;
        }
    }
}
