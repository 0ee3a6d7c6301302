package dev.newsflow.publish;

import dev.newsflow.runtime.testing.KafkaBroker;
import dev.newsflow.schemas.Serdes;
import dev.newsflow.schemas.Topics;
import dev.newsflow.schemas.avro.EnrichedArticle;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** What publish's real-broker tests share: enriched articles written to the input topic, a GET, a free port. */
final class PublishIts {

    /** Redirects are not followed: a lookup's answer from another instance is a redirect the tests look at. */
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private PublishIts() {
    }

    /** Writes the articles to news.articles.enriched, keyed by id, each acknowledged before the next. */
    static void send(KafkaBroker kafka, List<EnrichedArticle> articles) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaProducer<String, EnrichedArticle> producer = new KafkaProducer<>(props, new StringSerializer(),
                Serdes.ENRICHED_ARTICLE.serializer())) {
            for (EnrichedArticle article : articles) {
                producer.send(new ProducerRecord<>(Topics.ARTICLES_ENRICHED, article.getUri(), article)).get();
            }
        }
    }

    static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
