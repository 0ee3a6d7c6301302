package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

    @Test
    void shouldRegisterEveryStageThatStartedWhenAnotherFailedFirst() {
        AtomicInteger closed = new AtomicInteger();
        List<AutoCloseable> components = new ArrayList<>();
        CompletableFuture<AutoCloseable> ingest = CompletableFuture.failedFuture(new IllegalStateException("Port already in use."));
        CompletableFuture<AutoCloseable> enrich = CompletableFuture.completedFuture(closed::incrementAndGet);
        CompletableFuture<AutoCloseable> publish = CompletableFuture.completedFuture(closed::incrementAndGet);

        assertThatThrownBy(() -> DemoCommand.startedAll(components, ingest, enrich, publish))
                .isInstanceOf(IllegalStateException.class).hasMessage("Port already in use.");
        // enrich and publish are closed with the rest, before the broker stops under them
        assertThat(components).hasSize(2);
        Shutdown.closeAll(components);
        assertThat(closed).hasValue(2);
    }
}
