package dev.newsflow.runtime;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Work started beside the caller on a thread whose name says what it does (in logs and thread dumps). */
public final class NamedThreads {

    private NamedThreads() {
    }

    /**
     * Runs {@code work} on a daemon thread of its own, not the common ForkJoin pool: the future fails with whatever
     * {@code work} threw, errors too (an ExceptionInInitializerError from a class it loads).
     */
    public static <T> CompletableFuture<T> supply(String name, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return result;
    }
}
