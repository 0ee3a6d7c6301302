package dev.newsflow.ingest;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * How many request-body bytes the API holds at once, across all requests. Each request is bounded, but a body is held
 * several times over while it is parsed (bytes, text, lines, JSON trees), and the rate limit counts requests, not
 * bytes in flight: a few hundred slow batches at once could take gigabytes. A request that finds the budget spent is
 * answered 503 with Retry-After, like any moment Kafka cannot take a write. Thread-safe.
 *
 * <p>Two more bounds keep one sender from locking out the others: a key holds at most half the bytes (a CMS sending
 * four huge batches slowly had every other key's articles, and kills sent as batches, refused), and at most
 * {@link #MAX_BODIES} bodies are read at once, well below the server's 250 threads (a few hundred small bodies sent
 * slowly had taken every thread, the health probe's and DELETE kills' too).
 */
final class BodyBudget {

    /** Bodies read at once; the rest of Jetty's 250 threads serve kills, lookups and probes. */
    static final int MAX_BODIES = 128;
    /** Bodies one key reads at once: half the places, as it holds half the bytes. */
    static final int MAX_BODIES_PER_KEY = MAX_BODIES / 2;

    private final Semaphore kibibytes;
    private final Semaphore bodies = new Semaphore(MAX_BODIES);
    private final int perKeyKibibytes;
    /** Per key: the KiB and the bodies it holds. */
    private final ConcurrentHashMap<String, int[]> heldByKey = new ConcurrentHashMap<>();
    private final long bytes;

    BodyBudget(long bytes) {
        this.bytes = bytes;
        int total = (int) Math.min(Integer.MAX_VALUE, Math.max(1, bytes / 1024));
        this.kibibytes = new Semaphore(total);
        this.perKeyKibibytes = Math.max(1, total / 2);
    }

    /**
     * A reservation of {@code size} bytes for the sender {@code key} to close when the request is done, or empty when
     * the budget, the key's half of it or the bodies read at once are spent.
     */
    Optional<Reservation> tryReserve(String key, long size) {
        int permits = (int) Math.min(Integer.MAX_VALUE, Math.max(1, (size + 1023) / 1024));
        boolean[] withinShare = {false};
        heldByKey.compute(key, (k, held) -> {
            int kib = held == null ? 0 : held[0];
            int count = held == null ? 0 : held[1];
            withinShare[0] = kib + (long) permits <= perKeyKibibytes && count < MAX_BODIES_PER_KEY;
            return withinShare[0] ? new int[] {kib + permits, count + 1} : held;
        });
        if (!withinShare[0]) {
            return Optional.empty();
        }
        if (!bodies.tryAcquire()) {
            giveBack(key, permits);
            return Optional.empty();
        }
        if (!kibibytes.tryAcquire(permits)) {
            bodies.release();
            giveBack(key, permits);
            return Optional.empty();
        }
        return Optional.of(new Reservation(key, permits));
    }

    private void giveBack(String key, int permits) {
        heldByKey.computeIfPresent(key, (k, held) -> held[1] <= 1 ? null : new int[] {held[0] - permits, held[1] - 1});
    }

    long bytes() {
        return bytes;
    }

    final class Reservation implements AutoCloseable {
        private final String key;
        private final int permits;
        private boolean closed;

        private Reservation(String key, int permits) {
            this.key = key;
            this.permits = permits;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                kibibytes.release(permits);
                bodies.release();
                giveBack(key, permits);
            }
        }
    }
}
