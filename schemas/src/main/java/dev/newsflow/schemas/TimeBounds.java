package dev.newsflow.schemas;

import java.time.Instant;

/**
 * The times an article may carry (created, version, embargo): years 1900 to 2199. Java parses years up to a billion,
 * and Avro's {@code timestamp-millis} overflows long before that, so an unchecked date would fail only when written,
 * as a server error a client retries forever.
 */
public final class TimeBounds {

    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("2199-12-31T23:59:59.999Z");

    private TimeBounds() {
    }

    public static boolean contains(Instant time) {
        return !time.isBefore(EARLIEST) && !time.isAfter(LATEST);
    }
}
