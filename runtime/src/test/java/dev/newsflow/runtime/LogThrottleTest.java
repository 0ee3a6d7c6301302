package dev.newsflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogThrottleTest {

    @Test
    void shouldLogTheFirstEventAndSwallowTheRestOfTheSecondPerKey() {
        LogThrottle throttle = new LogThrottle();

        assertThat(throttle.admit("cms")).isEqualTo(1);
        // within the same second: counted, not logged (the loop is far shorter than a second)
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.admit("cms")).isEqualTo(-1);
        }
        assertThat(throttle.admit("wire")).isEqualTo(1);
    }
}
