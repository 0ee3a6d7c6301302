package dev.newsflow.ingest;

import dev.newsflow.schemas.Topics;
import dev.newsflow.schemas.avro.RawArticle;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Writes raw articles to {@code news.articles.raw}, keyed by article id so every version of one article stays on
 * one partition, in order. The future completes only when Kafka acknowledged the write ({@code acks=all}).
 */
public final class ArticleWriter implements AutoCloseable {

    private final Producer<String, RawArticle> producer;

    public ArticleWriter(Producer<String, RawArticle> producer) {
        this.producer = producer;
    }

    public CompletableFuture<RecordMetadata> write(RawArticle article) {
        CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, article.getUri(), article), (metadata, error) -> {
                if (error != null) {
                    acked.completeExceptionally(error);
                } else {
                    acked.complete(metadata);
                }
            });
        } catch (RuntimeException e) { // send() itself throws when metadata cannot be had within max.block.ms
            acked.completeExceptionally(e);
        }
        return acked;
    }

    public Producer<String, RawArticle> producer() {
        return producer;
    }

    @Override
    public void close() {
        producer.close();
    }

    /**
     * The error of a write that failed before it was sent (send() could not even queue it: Kafka unknown for
     * max.block.ms), else null. Both the API and the importer stop sending after one.
     */
    static Throwable failedAtOnce(java.util.concurrent.CompletableFuture<?> write) {
        if (!write.isCompletedExceptionally()) {
            return null;
        }
        try {
            write.join();
            return null;
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause() != null ? e.getCause() : e;
        } catch (java.util.concurrent.CancellationException e) {
            return e;
        }
    }
}
