package dev.newsflow.cli;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Blocks until Ctrl-C / SIGTERM, then closes what was started, last first. */
final class Shutdown {

    private static final Logger log = LoggerFactory.getLogger(Shutdown.class);

    private Shutdown() {
    }

    static void awaitSignalThenClose(List<? extends AutoCloseable> startedInOrder) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch signalled = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            signalled.countDown();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "newsflow-shutdown"));
        signalled.await();
        log.info("Shutting down");
        closeAll(startedInOrder);
        stopped.countDown();
    }

    static void closeAll(List<? extends AutoCloseable> startedInOrder) {
        for (int i = startedInOrder.size() - 1; i >= 0; i--) {
            try {
                startedInOrder.get(i).close();
            } catch (Exception e) {
                log.warn("Error while closing component={} reason={}", startedInOrder.get(i).getClass().getSimpleName(), e.toString());
            }
        }
    }
}
