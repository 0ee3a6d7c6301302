package dev.newsflow.publish;

import dev.newsflow.runtime.UrlPaths;
import dev.newsflow.schemas.Topics;
import dev.newsflow.schemas.avro.EnrichedArticle;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@code GET /articles/<id>} on publish's HTTP server: whether an article is live, held for its embargo, taken down,
 * or unknown to publish ({@link ArticleState}), read from the stage's own state stores by interactive query. The
 * question a newsroom asks at 3 a.m. ("the CMS says it sent it: where is it?") without reading topics.
 *
 * <p>The stores are read partition by partition, so a store not queryable (restoring, migrating) answers 503, never
 * "unknown". With several publish instances each keeps some partitions; when {@code application.server} names this
 * instance ({@code KAFKA_APPLICATION_SERVER=host:port} of its HTTP server), Streams knows who keeps the article's
 * partition and another instance's article is answered with a redirect to it, once ({@value #HOP} marks a redirected
 * question, so two instances that disagree during a rebalance answer 503 instead of sending the client back and
 * forth). Without it, Streams knows no other instance, and an article on none of this instance's partitions is
 * "unknown" here, with the partitions this instance keeps.
 */
final class ArticleLookup {

    static final String PATH = "/articles/<id>";
    /** Longer than any id ingest accepts (256 by default): a longer one is refused before any store is read. */
    static final int MAX_ID_CHARS = 1_024;
    static final String HOP = "hop";

    private final Supplier<KafkaStreams> streams;
    private final HostInfo self;

    /** @param self this instance as {@code application.server} names it, or null when it is not set */
    ArticleLookup(Supplier<KafkaStreams> streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    void register(Javalin app) {
        app.get(PATH, this::answer);
    }

    private void answer(Context ctx) {
        String id = ctx.pathParam("id");
        if (id.isBlank() || id.length() > MAX_ID_CHARS) {
            ctx.status(400).json(Map.of("error", "bad-id", "detail",
                    "an article id is 1 to " + MAX_ID_CHARS + " characters"));
            return;
        }
        KafkaStreams client = streams.get();
        if (client == null || client.state() != KafkaStreams.State.RUNNING) {
            notNow(ctx, "publish is " + (client == null ? "starting" : client.state().name().toLowerCase(Locale.ROOT))
                    + ": its state can be read once /health/ready answers 200");
            return;
        }
        Set<Integer> local = localPartitions(client);
        try {
            if (self == null) {
                // no instance addresses to ask Streams about (it knows them only through application.server): the
                // article is on one of this instance's partitions, or publish does not know it from here
                for (int partition : local) {
                    ArticleState state = read(client, id, partition);
                    if (state.known()) {
                        ctx.json(state.toJson());
                        return;
                    }
                }
                ctx.status(404).json(new ArticleState(id, null, null, null, null).toJson(local));
                return;
            }
            KeyQueryMetadata owner = client.queryMetadataForKey(PublishProcessor.POSTS_STORE, id, new StringSerializer());
            if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
                notNow(ctx, "publish is rebalancing: no instance owns this article's partition right now");
            } else if (local.contains(owner.partition())) {
                ArticleState state = read(client, id, owner.partition());
                ctx.status(state.known() ? 200 : 404).json(state.toJson());
            } else if (owner.activeHost().equals(HostInfo.unavailable()) || owner.activeHost().equals(self)
                    || ctx.queryParam(HOP) != null) {
                notNow(ctx, "publish is rebalancing: partition " + owner.partition() + " has no settled owner");
            } else {
                ctx.redirect(url(owner.activeHost(), id), HttpStatus.TEMPORARY_REDIRECT);
            }
        } catch (InvalidStateStoreException e) {
            // restoring, or migrating between threads or instances: the next question will find it
            notNow(ctx, "publish's stores cannot be read right now (" + e.getMessage() + ")");
        }
    }

    /** What the stores of one partition hold for the article. */
    private static ArticleState read(KafkaStreams client, String id, int partition) {
        // the held version first: an embargo release writes the post before it drops the held copy, so this order
        // never misses both
        EnrichedArticle held = read(client, PublishProcessor.EMBARGO_STORE, partition, id);
        return new ArticleState(id, read(client, PublishProcessor.POSTS_STORE, partition, id),
                read(client, PublishProcessor.ROUTED_STORE, partition, id), held,
                read(client, PublishProcessor.UNPUBLISHED_STORE, partition, id));
    }

    /** The partitions of the enriched articles this instance processes (active tasks, not standbys). */
    static Set<Integer> localPartitions(KafkaStreams client) {
        Set<Integer> partitions = new TreeSet<>();
        for (ThreadMetadata thread : client.metadataForLocalThreads()) {
            for (TaskMetadata task : thread.activeTasks()) {
                task.topicPartitions().stream().filter(tp -> tp.topic().equals(Topics.ARTICLES_ENRICHED))
                        .forEach(tp -> partitions.add(tp.partition()));
            }
        }
        return partitions;
    }

    /** The same question to {@code host}: the id's path segments encoded, its slashes kept, marked as a hop. */
    static String url(HostInfo host, String id) {
        String hostPart = host.host().indexOf(':') >= 0 ? "[" + host.host() + "]" : host.host(); // IPv6 literal
        return "http://" + hostPart + ":" + host.port() + "/articles/" + UrlPaths.encodeSegments(id) + "?" + HOP + "=1";
    }

    /** 503 with Retry-After: publish's state cannot be read now (starting, rebalancing, restoring). */
    static void notNow(Context ctx, String detail) {
        ctx.status(503).header("Retry-After", "5").json(Map.of("error", "not-ready", "detail", detail));
    }

    private static <V> V read(KafkaStreams client, String storeName, int partition, String id) {
        return ArticleLookup.<V>store(client, storeName, partition).get(id);
    }

    /** One partition's store: one not queryable there throws, rather than answering null. */
    static <V> ReadOnlyKeyValueStore<String, V> store(KafkaStreams client, String storeName, int partition) {
        return client.store(StoreQueryParameters.fromNameAndType(storeName, QueryableStoreTypes.<String, V>keyValueStore())
                .withPartition(partition));
    }
}
