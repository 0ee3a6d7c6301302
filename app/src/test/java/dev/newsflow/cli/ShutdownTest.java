package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ShutdownTest {

    @Test
    void shouldCloseEverythingLastFirstAndExitNonZeroWhenTheStageGivesUp() throws Exception {
        List<String> closed = new ArrayList<>();
        CompletableFuture<String> gaveUp = CompletableFuture.completedFuture("Kafka Streams of stage enrich stopped in ERROR");

        int exitCode = Shutdown.awaitSignalThenClose(List.of(() -> closed.add("broker"), () -> closed.add("stage")), gaveUp);

        assertThat(exitCode).isEqualTo(Shutdown.GAVE_UP).isNotZero();
        assertThat(closed).containsExactly("stage", "broker");
    }
}
