package dev.newsflow.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The pipeline's counters over the last minute, for the status page: "dead letters since start: 12" does not say
 * whether they are still coming. Samples the {@code newsflow.*} counters every {@link #EVERY} on a daemon thread and
 * keeps a little over a minute of samples; a page reads the increase since the oldest sample of the window.
 * Thread-safe.
 */
final class CounterRates implements AutoCloseable {

    static final Duration EVERY = Duration.ofSeconds(10);
    static final Duration WINDOW = Duration.ofMinutes(1);

    private record Sample(Instant at, Map<Meter.Id, Double> values) {
    }

    private final MeterRegistry registry;
    private final Clock clock;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private java.util.concurrent.ScheduledExecutorService sampler;

    CounterRates(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** Samples now, then every {@link #EVERY}. */
    synchronized CounterRates start(String stage) {
        sampler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "newsflow-" + stage + "-status-rates");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleWithFixedDelay(() -> {
            try {
                sample();
            } catch (RuntimeException e) {
                // a failed sample leaves a gap; an exception out of a scheduled task would stop every later one
            }
        }, 0, EVERY.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        return this;
    }

    synchronized void sample() {
        Instant now = clock.instant();
        Map<Meter.Id, Double> values = new HashMap<>();
        for (Meter meter : registry.getMeters()) {
            if (meter instanceof Counter counter && meter.getId().getName().startsWith("newsflow.")) {
                values.put(meter.getId(), counter.count());
            }
        }
        samples.addLast(new Sample(now, values));
        // one sample at or before the window's start stays, so the window is covered once the stage has run a minute
        while (samples.size() > 1) {
            java.util.Iterator<Sample> oldest = samples.iterator();
            oldest.next();
            if (oldest.next().at().isAfter(now.minus(WINDOW))) {
                break;
            }
            samples.removeFirst();
        }
    }

    /** How much the counter grew over about the last minute (since the oldest sample kept), or null before a sample. */
    synchronized Double lastMinute(Meter meter) {
        if (samples.isEmpty() || !(meter instanceof Counter counter)) {
            return null;
        }
        Double then = samples.peekFirst().values().get(meter.getId());
        return counter.count() - (then == null ? 0.0 : then);
    }

    /** How far back {@link #lastMinute} looks now. */
    synchronized Duration window() {
        return samples.isEmpty() ? Duration.ZERO : Duration.between(samples.peekFirst().at(), clock.instant());
    }

    @Override
    public synchronized void close() {
        if (sampler != null) {
            sampler.shutdownNow();
        }
    }
}
