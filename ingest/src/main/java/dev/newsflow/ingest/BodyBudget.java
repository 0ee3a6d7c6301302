package dev.newsflow.ingest;

import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * How many request-body bytes the API holds at once, across all requests. Each request is bounded, but a body is held
 * several times over while it is parsed (bytes, text, lines, JSON trees), and the rate limit counts requests, not
 * bytes in flight: a few hundred slow batches at once could take gigabytes. A request that finds the budget spent is
 * answered 503 with Retry-After, like any moment Kafka cannot take a write. Thread-safe.
 */
final class BodyBudget {

    private final Semaphore kibibytes;
    private final long bytes;

    BodyBudget(long bytes) {
        this.bytes = bytes;
        this.kibibytes = new Semaphore((int) Math.min(Integer.MAX_VALUE, Math.max(1, bytes / 1024)));
    }

    /** A reservation of {@code size} bytes to close when the request is done, or empty when the budget is spent. */
    Optional<Reservation> tryReserve(long size) {
        int permits = (int) Math.min(Integer.MAX_VALUE, Math.max(1, (size + 1023) / 1024));
        if (!kibibytes.tryAcquire(permits)) {
            return Optional.empty();
        }
        return Optional.of(new Reservation(permits));
    }

    long bytes() {
        return bytes;
    }

    final class Reservation implements AutoCloseable {
        private final int permits;
        private boolean closed;

        private Reservation(int permits) {
            this.permits = permits;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                kibibytes.release(permits);
            }
        }
    }
}
