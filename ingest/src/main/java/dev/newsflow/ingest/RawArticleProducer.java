package dev.newsflow.ingest;

import dev.newsflow.runtime.Settings;
import dev.newsflow.schemas.Serdes;
import dev.newsflow.schemas.avro.RawArticle;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/** Builds the durable producer ingest writes with: the user's client settings, with durability forced on. */
public final class RawArticleProducer {

    private RawArticleProducer() {
    }

    public static KafkaProducer<String, RawArticle> create(Settings settings, String clientId) {
        return new KafkaProducer<>(properties(settings, clientId), new StringSerializer(), Serdes.RAW_ARTICLE.serializer());
    }

    /**
     * The longest a write can take to be settled either way: blocked in send() for max.block.ms, then up to
     * delivery.timeout.ms until the producer gives up. A request that stops waiting sooner answers 503 for a write
     * that may still land.
     */
    public static long longestWriteMs(Settings settings) {
        Properties props = properties(settings, "probe");
        return Long.parseLong(props.getProperty(ProducerConfig.MAX_BLOCK_MS_CONFIG).trim())
                + Long.parseLong(props.getProperty(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG).trim());
    }

    static Properties properties(Settings settings, String clientId) {
        Properties props = settings.kafkaProperties();
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        props.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
        props.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, dev.newsflow.schemas.Topics.MAX_MESSAGE_BYTES);
        // never negotiable: an accepted article must be durably written, once, in order
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return props;
    }
}
