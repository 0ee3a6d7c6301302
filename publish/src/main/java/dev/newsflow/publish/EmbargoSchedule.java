package dev.newsflow.publish;

import dev.newsflow.schemas.avro.EnrichedArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The article versions held for an embargo, and when each is due. The release timer runs every
 * {@code embargo.check.interval.ms}; reading every
 * held article each time cost time in proportion to all of them (an API key can queue thousands of far-future
 * embargoes), so a second store orders them by release time and the timer reads only the ones that are due.
 */
final class EmbargoSchedule {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EmbargoSchedule.class);

    private final KeyValueStore<String, EnrichedArticle> held;
    /** Held articles this task could not read, each said once. */
    private final java.util.Set<String> unreadable = new java.util.HashSet<>();
    /** {@code <release time, epoch ms, 19 digits>|<article id>} → article id; ordered by time, as the store's keys are. */
    private final KeyValueStore<String, String> releases;

    EmbargoSchedule(KeyValueStore<String, EnrichedArticle> held, KeyValueStore<String, String> releases) {
        this.held = held;
        this.releases = releases;
    }

    /**
     * Indexes the held versions the index does not know: those held by a release before the index existed (they would
     * otherwise never be released). Idempotent; one pass over the held versions when a task starts.
     */
    int indexUnindexed() {
        int added = 0;
        try (KeyValueIterator<String, EnrichedArticle> all = held.all()) {
            while (all.hasNext()) {
                String id = all.peekNextKey();
                KeyValue<String, EnrichedArticle> kv;
                try {
                    kv = all.next();
                } catch (RuntimeException e) {
                    reportUnreadable(id, "(not indexed)", e); // a task that threw here would never start
                    continue;
                }
                if (kv.value.getEmbargoedUntil() != null) {
                    String key = releaseKey(kv.value.getEmbargoedUntil(), kv.key);
                    if (releases.get(key) == null) {
                        releases.put(key, kv.key);
                        added++;
                    }
                }
            }
        }
        return added;
    }

    EnrichedArticle get(String id) {
        return held.get(id);
    }

    /** Holds this version until its embargo, replacing any version held before. */
    void hold(EnrichedArticle article) {
        cancel(article.getUri());
        held.put(article.getUri(), article);
        releases.put(releaseKey(article.getEmbargoedUntil(), article.getUri()), article.getUri());
    }

    void cancel(String id) {
        EnrichedArticle previous = held.get(id);
        if (previous != null) {
            held.delete(id);
            if (previous.getEmbargoedUntil() != null) {
                releases.delete(releaseKey(previous.getEmbargoedUntil(), id));
            }
        }
    }

    private void reportUnreadable(String id, String releaseKey, RuntimeException e) {
        if (unreadable.add(id)) {
            log.error("Held embargoed article unreadable, not released articleId={} releaseKey={}: {}; it is kept for the"
                    + " newer publish that wrote it (roll forward)", id, releaseKey, e.toString());
        }
    }

    /**
     * The held versions whose embargo has passed at {@code now}, earliest first. An index entry is believed only when
     * the held version is still due at that time: the two stores agree in normal running, but after a rollback to an
     * older publish and forward again an entry may be left behind, and it must neither release a story re-held for
     * later (an embargo leaked early) nor be read again every second; such entries are deleted.
     */
    List<KeyValue<String, EnrichedArticle>> dueBy(Instant now) {
        List<KeyValue<String, EnrichedArticle>> due = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        // '|' sorts after every digit, so this bound takes every id released at now's millisecond
        try (KeyValueIterator<String, String> it = releases.range(releaseKey(Instant.EPOCH, ""),
                releaseKey(now, "") + '\uffff')) {
            it.forEachRemaining(kv -> {
                EnrichedArticle article;
                try {
                    article = held.get(kv.value);
                } catch (RuntimeException e) {
                    // written by a newer publish (a rollback): this one cannot release it, and one such article must
                    // not stop every release on the partition (a failing timer stops the stage). Kept for a newer
                    // publish to release; said once
                    reportUnreadable(kv.value, kv.key, e);
                    return;
                }
                if (article != null && article.getEmbargoedUntil() != null
                        && releaseKey(article.getEmbargoedUntil(), kv.value).equals(kv.key)) {
                    due.add(KeyValue.pair(kv.value, article));
                } else {
                    stale.add(kv.key);
                }
            });
        }
        stale.forEach(releases::delete); // not while the iterator is open
        return due;
    }

    /** Fixed-width, so the store's byte order is time order (embargoes before 1970 are never held: they have passed). */
    static String releaseKey(Instant at, String id) {
        return String.format("%019d|%s", Math.max(0, at.toEpochMilli()), id);
    }
}
