package dev.newsflow.schemas;

import dev.newsflow.schemas.avro.DeadLetter;
import dev.newsflow.schemas.avro.EnrichedArticle;
import dev.newsflow.schemas.avro.Post;
import dev.newsflow.schemas.avro.RawArticle;

/** One shared serde per record type; each is thread-safe and costly enough to build that we build it once. */
public final class Serdes {

    public static final AvroSerde<RawArticle> RAW_ARTICLE = AvroSerde.of(RawArticle.class);
    public static final AvroSerde<EnrichedArticle> ENRICHED_ARTICLE = AvroSerde.of(EnrichedArticle.class);
    public static final AvroSerde<Post> POST = AvroSerde.of(Post.class);
    public static final AvroSerde<DeadLetter> DEAD_LETTER = AvroSerde.of(DeadLetter.class);

    private Serdes() {
    }
}
