package dev.newsflow.publish;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@code GET /embargoes} on publish's HTTP server: the article versions held for an embargo on this instance, the
 * next due first, as id, version and release time (never their words: the server is for operators, and an embargoed
 * story must not leak). Answers "what goes out in the next hour, and is that story still held?" without reading
 * topics. Read from the release-time index, which is ordered by time, so the first {@code limit} of each partition
 * are all it reads.
 */
final class HeldEmbargoes {

    static final String PATH = "/embargoes";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;

    private final Supplier<KafkaStreams> streams;

    HeldEmbargoes(Supplier<KafkaStreams> streams) {
        this.streams = streams;
    }

    void register(Javalin app) {
        app.get(PATH, this::answer);
    }

    private void answer(Context ctx) {
        int limit;
        try {
            limit = ctx.queryParam("limit") == null ? DEFAULT_LIMIT : Integer.parseInt(ctx.queryParam("limit"));
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            ctx.status(400).json(Map.of("error", "bad-limit", "detail", "limit is 1 to " + MAX_LIMIT));
            return;
        }
        KafkaStreams client = streams.get();
        if (client == null || client.state() != KafkaStreams.State.RUNNING) {
            ArticleLookup.notNow(ctx, "publish's state can be read once /health/ready answers 200");
            return;
        }
        Set<Integer> partitions = ArticleLookup.localPartitions(client);
        List<Held> held = new ArrayList<>();
        try {
            for (int partition : partitions) {
                held.addAll(firstDue(client, partition, limit + 1)); // one more says whether there are more
            }
        } catch (InvalidStateStoreException e) {
            ArticleLookup.notNow(ctx, "publish's stores cannot be read right now (" + e.getMessage() + ")");
            return;
        }
        held.sort(Comparator.comparing(Held::until).thenComparing(Held::id));
        Map<String, Object> body = new LinkedHashMap<>();
        Instant now = Instant.now();
        body.put("held", held.stream().limit(limit).map(h -> h.toJson(now)).toList());
        body.put("more", held.size() > limit);
        body.put("partitions", partitions); // another instance keeps the others
        ctx.json(body);
    }

    /** One held version: what an operator needs to find it, and when it goes out. */
    record Held(String id, long version, Instant until, int partition) {
        /** {@code passed}: its time has come, and it waits for what was sent before it (newsflow_publish_embargoes_waiting). */
        Map<String, Object> toJson(Instant now) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", id);
            json.put("version", version);
            json.put("embargoedUntil", until.toString());
            json.put("partition", partition);
            json.put("passed", !until.isAfter(now));
            return json;
        }
    }

    /** The first {@code limit} held versions of one partition, by release time. */
    private static List<Held> firstDue(KafkaStreams client, int partition, int limit) {
        ReadOnlyKeyValueStore<String, String> releases =
                ArticleLookup.store(client, PublishProcessor.EMBARGO_TIMES_STORE, partition);
        ReadOnlyKeyValueStore<String, dev.newsflow.schemas.avro.EnrichedArticle> articles =
                ArticleLookup.store(client, PublishProcessor.EMBARGO_STORE, partition);
        List<Held> out = new ArrayList<>();
        try (KeyValueIterator<String, String> it = releases.all()) {
            while (it.hasNext() && out.size() < limit) {
                KeyValue<String, String> kv = it.next();
                var article = articles.get(kv.value);
                if (article == null || article.getEmbargoedUntil() == null) {
                    continue; // released or cancelled between the two reads
                }
                out.add(new Held(kv.value, article.getVersion(), article.getEmbargoedUntil(), partition));
            }
        }
        return out;
    }
}
