package dev.newsflow.cli;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Blocks until Ctrl-C / SIGTERM (or a stage gives up), then closes what was started, last first. */
final class Shutdown {

    private static final Logger log = LoggerFactory.getLogger(Shutdown.class);

    private Shutdown() {
    }

    /** Exit code of a stage that gave up on its own (EX_SOFTWARE): an orchestrator restarts it and says so. */
    static final int GAVE_UP = 70;

    static void awaitSignalThenClose(List<? extends AutoCloseable> startedInOrder) throws InterruptedException {
        awaitSignalThenClose(startedInOrder, new CompletableFuture<>());
    }

    /**
     * @param gaveUp completes when the stage has stopped working for good (Kafka Streams in ERROR): a process that
     *               stayed up then would look alive to everything but its health check, so it closes and exits
     * @return 0 after a signal, {@link #GAVE_UP} after the stage gave up
     */
    static int awaitSignalThenClose(List<? extends AutoCloseable> startedInOrder, CompletableFuture<String> gaveUp)
            throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch woken = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            woken.countDown();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "newsflow-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        gaveUp.thenRun(woken::countDown);
        woken.await();
        int exitCode = 0;
        if (gaveUp.isDone()) {
            log.error("Stopping: {}; exiting with {} so that a supervisor restarts the stage", gaveUp.join(), GAVE_UP);
            exitCode = GAVE_UP;
        } else {
            log.info("Shutting down");
        }
        closeAll(startedInOrder);
        stopped.countDown();
        if (exitCode != 0) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // a signal came as well; the hook is running and returns now that everything is closed
            }
        }
        return exitCode;
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
