package dev.newsflow.publish;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@code GET /articles/<id>} on publish's HTTP server: whether an article is live, held for its embargo, taken down,
 * or unknown to publish ({@link ArticleState}), read from the stage's own state stores by interactive query. The
 * question a newsroom asks at 3 a.m. ("the CMS says it sent it: where is it?") without reading topics.
 *
 * <p>With several publish instances each holds some articles. When {@code application.server} names this instance
 * ({@code KAFKA_APPLICATION_SERVER=host:port} of its HTTP server), an article kept by another is answered with a
 * redirect to it; without it, only this instance's articles are found.
 */
final class ArticleLookup {

    static final String PATH = "/articles/<id>";
    /** Longer than any id ingest accepts (256 by default): a longer one is refused before any store is read. */
    static final int MAX_ID_CHARS = 1_024;

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
            notNow(ctx, "publish is " + (client == null ? "starting" : client.state().name().toLowerCase())
                    + ": its state can be read once /health/ready answers 200");
            return;
        }
        if (self != null) {
            KeyQueryMetadata owner = client.queryMetadataForKey(PublishProcessor.POSTS_STORE, id, new StringSerializer());
            if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
                notNow(ctx, "publish instances are rebalancing: no instance owns this article right now");
                return;
            }
            HostInfo host = owner.activeHost();
            if (!host.equals(self)) {
                ctx.redirect("http://" + host.host() + ":" + host.port() + "/articles/"
                        + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"), HttpStatus.TEMPORARY_REDIRECT);
                return;
            }
        }
        try {
            ArticleState state = new ArticleState(id, get(client, PublishProcessor.POSTS_STORE, id),
                    get(client, PublishProcessor.ROUTED_STORE, id), get(client, PublishProcessor.EMBARGO_STORE, id),
                    get(client, PublishProcessor.UNPUBLISHED_STORE, id));
            ctx.status(state.known() ? 200 : 404).json(state.toJson());
        } catch (InvalidStateStoreException e) {
            // a store migrating between threads or instances, or restoring: the next question will find it
            notNow(ctx, "publish's stores cannot be read right now (" + e.getMessage() + ")");
        }
    }

    private static <V> V get(KafkaStreams client, String storeName, String id) {
        ReadOnlyKeyValueStore<String, V> store = client.store(
                StoreQueryParameters.fromNameAndType(storeName, QueryableStoreTypes.<String, V>keyValueStore()));
        return store.get(id);
    }

    private static void notNow(Context ctx, String detail) {
        ctx.status(503).header("Retry-After", "5").json(Map.of("error", "not-ready", "detail", detail));
    }
}
