package dev.newsflow.ingest;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.Optional;

/**
 * Requests per second per API key name, so one runaway newsroom system (a scraper in a retry loop) cannot starve the
 * others or flood Kafka. Resilience4j's non-blocking limiter: a request over the limit is refused at once with the
 * time until the next permit, never queued inside the server.
 */
public final class RequestRateLimiter {

    private final RateLimiterRegistry limiters;
    private final int requestsPerSecond;

    private RequestRateLimiter(int requestsPerSecond) {
        this.requestsPerSecond = requestsPerSecond;
        this.limiters = requestsPerSecond <= 0 ? null : RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(requestsPerSecond)
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO)
                .build());
    }

    /** At most {@code requestsPerSecond} requests per key name each second; 0 turns the limit off. */
    public static RequestRateLimiter perSecond(int requestsPerSecond) {
        if (requestsPerSecond < 0) {
            throw new IllegalArgumentException("requestsPerSecond must be >= 0: " + requestsPerSecond);
        }
        return new RequestRateLimiter(requestsPerSecond);
    }

    public static RequestRateLimiter unlimited() {
        return new RequestRateLimiter(0);
    }

    /** Empty when the request may go ahead; otherwise how long the caller should wait before trying again. */
    public Optional<Duration> tryAcquire(String keyName) {
        if (limiters == null) {
            return Optional.empty();
        }
        RateLimiter limiter = limiters.rateLimiter(keyName);
        if (limiter.acquirePermission()) {
            return Optional.empty();
        }
        // the default limiter is atomic and knows when its next permit comes; otherwise one refresh period
        long nanos = limiter instanceof AtomicRateLimiter atomic
                ? atomic.getDetailedMetrics().getNanosToWait()
                : Duration.ofSeconds(1).toNanos();
        return Optional.of(Duration.ofNanos(Math.max(1, nanos)));
    }

    public int requestsPerSecond() {
        return requestsPerSecond;
    }

    @Override
    public String toString() {
        return requestsPerSecond <= 0 ? "unlimited" : requestsPerSecond + " requests/s per API key";
    }
}
