package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RequestRateLimiterTest {

    @Test
    void shouldRefuseTheRequestOverTheLimitWithTheTimeToWait() {
        RequestRateLimiter limiter = RequestRateLimiter.perSecond(1);

        assertThat(limiter.tryAcquire("cms")).isEmpty();
        assertThat(limiter.tryAcquire("cms")).hasValueSatisfying(wait ->
                assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    void shouldCountEachKeySeparately() {
        RequestRateLimiter limiter = RequestRateLimiter.perSecond(1);

        assertThat(limiter.tryAcquire("cms")).isEmpty();
        assertThat(limiter.tryAcquire("wire")).isEmpty();
    }

    @Test
    void shouldNeverRefuseWhenTurnedOff() {
        RequestRateLimiter limiter = RequestRateLimiter.perSecond(0);

        for (int i = 0; i < 1_000; i++) {
            assertThat(limiter.tryAcquire("cms")).isEmpty();
        }
        assertThat(limiter).hasToString("unlimited");
    }

    @Test
    void shouldRefuseANegativeLimit() {
        assertThatThrownBy(() -> RequestRateLimiter.perSecond(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
