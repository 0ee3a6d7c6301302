package dev.newsflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class ThreadDeathsTest {

    private static final Instant T0 = Instant.parse("2026-11-28T03:00:00Z");

    @Test
    void shouldReplaceAFewDyingThreadsThenStopTheClient() {
        ThreadDeaths deaths = new ThreadDeaths(3, Duration.ofMinutes(10));

        // one poison record: every replaced thread dies on it again within seconds
        assertThat(deaths.onDeath(T0)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(deaths.onDeath(T0.plusSeconds(5))).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(deaths.onDeath(T0.plusSeconds(10))).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(deaths.onDeath(T0.plusSeconds(15))).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }

    @Test
    void shouldForgetDeathsOlderThanTheWindow() {
        ThreadDeaths deaths = new ThreadDeaths(3, Duration.ofMinutes(10));

        for (int day = 0; day < 10; day++) { // a transient fault once a day is healed every time
            assertThat(deaths.onDeath(T0.plus(Duration.ofDays(day)))).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        }
        assertThat(deaths.recent(T0.plus(Duration.ofDays(9)))).isEqualTo(1);
    }

    @Test
    void shouldShowOnlyTheDeathsStillInTheWindowLongAfterTheLast() {
        ThreadDeaths deaths = new ThreadDeaths(3, Duration.ofMinutes(10));
        deaths.onDeath(T0);
        deaths.onDeath(T0.plusSeconds(5));
        deaths.onDeath(T0.plusSeconds(10));

        // "3" hours later would read as "one more and the stage stops"
        assertThat(deaths.recent(T0.plusSeconds(60))).isEqualTo(3);
        assertThat(deaths.recent(T0.plus(Duration.ofHours(3)))).isZero();
        assertThat(deaths.onDeath(T0.plus(Duration.ofHours(3)))).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }
}
