package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RequestRateLimiterTest {

    /** A window far longer than any test run, so no refill can land between two calls on a loaded machine. */
    private static final Duration LONG_WINDOW = Duration.ofHours(1);

    @Test
    void shouldRefuseTheRequestOverTheLimitUntilTheWindowEnds() {
        RequestRateLimiter limiter = new RequestRateLimiter(2, LONG_WINDOW);

        assertThat(limiter.tryAcquire("cms")).isTrue();
        assertThat(limiter.tryAcquire("cms")).isTrue();
        assertThat(limiter.tryAcquire("cms")).isFalse();
        assertThat(limiter.retryAfter()).isEqualTo(LONG_WINDOW);
    }

    @Test
    void shouldCountEachKeySeparately() {
        RequestRateLimiter limiter = new RequestRateLimiter(1, LONG_WINDOW);

        assertThat(limiter.tryAcquire("cms")).isTrue();
        assertThat(limiter.tryAcquire("wire")).isTrue();
        assertThat(limiter.tryAcquire("cms")).isFalse();
    }

    @Test
    void shouldNeverRefuseWhenTurnedOff() {
        RequestRateLimiter limiter = RequestRateLimiter.perSecond(0);

        for (int i = 0; i < 1_000; i++) {
            assertThat(limiter.tryAcquire("cms")).isTrue();
        }
        assertThat(limiter).hasToString("unlimited");
        assertThat(RequestRateLimiter.perSecond(200)).hasToString("200 requests/s per API key");
    }

    @Test
    void shouldRefuseANegativeLimit() {
        assertThatThrownBy(() -> RequestRateLimiter.perSecond(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
