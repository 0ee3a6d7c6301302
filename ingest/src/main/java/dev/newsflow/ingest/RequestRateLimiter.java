package dev.newsflow.ingest;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import java.time.Duration;

/**
 * Requests per second per API key name, so one runaway newsroom system (a scraper in a retry loop) cannot starve the
 * others or flood Kafka. Resilience4j's non-blocking limiter: a request over the limit is refused at once, never
 * queued inside the server. Its window is fixed, so a key can make up to twice the limit across a window boundary.
 */
public final class RequestRateLimiter {

    private final RateLimiterRegistry limiters;
    private final int requestsPerPeriod;
    private final Duration period;

    RequestRateLimiter(int requestsPerPeriod, Duration period) {
        if (requestsPerPeriod < 0) {
            throw new IllegalArgumentException("requests per second must be >= 0: " + requestsPerPeriod);
        }
        this.requestsPerPeriod = requestsPerPeriod;
        this.period = period;
        this.limiters = requestsPerPeriod == 0 ? null : RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(requestsPerPeriod)
                .limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO)
                .build());
    }

    /** At most {@code requestsPerSecond} requests per key name each second; 0 turns the limit off. */
    public static RequestRateLimiter perSecond(int requestsPerSecond) {
        return new RequestRateLimiter(requestsPerSecond, Duration.ofSeconds(1));
    }

    public static RequestRateLimiter unlimited() {
        return perSecond(0);
    }

    /** Whether a request of this key may go ahead now; if not, tell the client to come back after {@link #retryAfter()}. */
    public boolean tryAcquire(String keyName) {
        if (limiters == null) {
            return true;
        }
        RateLimiter limiter = limiters.rateLimiter(keyName);
        return limiter.acquirePermission();
    }

    /** At most one window: the next permit comes when the current window ends. */
    public Duration retryAfter() {
        return period;
    }

    public int requestsPerPeriod() {
        return requestsPerPeriod;
    }

    @Override
    public String toString() {
        if (limiters == null) {
            return "unlimited";
        }
        return period.equals(Duration.ofSeconds(1)) ? requestsPerPeriod + " requests/s per API key"
                : requestsPerPeriod + " requests per " + period + " per API key";
    }
}
