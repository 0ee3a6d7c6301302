package dev.newsflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    @Test
    void shouldNeverLetAKeyBreakTheLogLine() {
        String forged = "a-1\n12:00:00.000 INFO  [main] everything is fine";

        assertThat(DeadLetters.printableKey(forged.getBytes(StandardCharsets.UTF_8))).doesNotContain("\n");
        assertThat(DeadLetters.printableKey((forged + "x".repeat(300)).getBytes(StandardCharsets.UTF_8)))
                .doesNotContain("\n").endsWith("…").hasSize(201);
    }
}
