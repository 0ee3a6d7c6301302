package dev.newsflow.ingest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.newsflow.runtime.UrlPaths;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * Asks publish where an article is ({@code GET /articles/<id>} on publish's HTTP server), for ingest's
 * {@code GET /v1/articles/<id>}: a CMS asks with the key it writes with, and needs no way into the operators'
 * network. Publish keeps every article's state; ingest keeps none, so it forwards the question and passes the answer
 * on (following publish's redirect to the instance that keeps the article), in words for a CMS: no internal
 * addresses, partitions or settings.
 *
 * <p>A question holds a request thread while publish answers: at most {@value #MAX_IN_FLIGHT} at once, the rest are
 * answered 503 at once, so a hung publish cannot take the threads that accept articles.
 */
final class PublishStatus {

    /**
     * What to answer the client.
     *
     * @param reason     the metric reason, one of {@link #REASONS}
     * @param retryAfter seconds for a {@code Retry-After} header, when a retry can help
     */
    record Answer(int status, String reason, boolean problem, Map<String, Object> body, Optional<String> retryAfter) {
    }

    /** Every reason a lookup is counted under (result "looked-up"): each exists at 0 from the start. */
    static final List<String> REASONS = List.of("none", "invalid", "id-not-allowed", "busy", "not-configured",
            "publish-not-ready", "publish-stopped", "publish-unreachable", "publish-error");
    static final int MAX_IN_FLIGHT = 32;
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() { };
    private static final String RETRY_AFTER_SECONDS = "5";
    private static final String UNKNOWN_DETAIL = "publish has no record of this id: it was not accepted, is still "
            + "being enriched, or was refused by enrich (the operators see why in newsflow's dead letters)";

    private final URI publish;
    /** {@code publish} without a trailing '/', to append "/articles/..." to */
    private final String base;
    private final HttpClient http;
    private final Duration timeout;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final ObjectMapper json = JsonMapper.builder().build();

    /** @param publish base URL of publish's HTTP server ({@code http://publish:8082}), or null: not configured */
    PublishStatus(URI publish, Duration timeout) {
        this.publish = publish;
        String url = publish == null ? null : publish.toString();
        this.base = url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.timeout = timeout;
        // HTTP/1.1: publish's server speaks nothing else, and an h2c upgrade attempt is a wasted round trip
        this.http = publish == null ? null : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    static PublishStatus notConfigured() {
        return new PublishStatus(null, Duration.ofSeconds(1));
    }

    Answer ask(String id) {
        if (publish == null) {
            return problem(501, "not-configured", "Not configured", "ingest does not know where publish is: an operator"
                    + " sets publish.url (NEWSFLOW_PUBLISH_URL, e.g. http://publish:8082) to answer this", false);
        }
        if (!inFlight.tryAcquire()) {
            return problem(503, "busy", "Busy", "too many questions to publish at once; retry after "
                    + RETRY_AFTER_SECONDS + " s", true);
        }
        try {
            return forward(id);
        } finally {
            inFlight.release();
        }
    }

    private Answer forward(String id) {
        URI uri = URI.create(base + "/articles/" + UrlPaths.encodeSegments(id));
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return problem(502, "publish-unreachable", "Publish did not answer",
                    "publish did not answer (" + e.getClass().getSimpleName() + "); retry later", true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return problem(503, "publish-unreachable", "Interrupted", "ingest is stopping; retry later", true);
        }
        int status = response.statusCode();
        if (status == 200 || status == 404) {
            Map<String, Object> body;
            try {
                body = new LinkedHashMap<>(json.readValue(response.body(), JSON_OBJECT));
            } catch (IOException e) {
                return problem(502, "publish-error", "Unexpected answer", "publish answered HTTP " + status
                        + " with a body that is not a JSON object", false);
            }
            if (status == 404) {
                body.put("detail", UNKNOWN_DETAIL); // publish's own words are for operators
            }
            return new Answer(status, "none", false, body, Optional.empty());
        }
        if (status == 503) {
            if (response.body() != null && STOPPED.matcher(response.body()).find()) {
                // Kafka Streams gave up (ERROR): publish exits (70) for its supervisor to restart it, which takes
                // longer than the usual 5 s; without a supervisor an operator must
                return new Answer(503, "publish-stopped", true, Problem.of(503, "publish-stopped", "Publish has stopped",
                        "publish has stopped processing and is being restarted; retry later"),
                        Optional.of(STOPPED_RETRY_AFTER_SECONDS));
            }
            return problem(503, "publish-not-ready", "Publish is not ready",
                    "publish is starting or rebalancing; retry after " + RETRY_AFTER_SECONDS + " s", true);
        }
        return problem(502, "publish-error", "Unexpected answer", "publish answered HTTP " + status, false);
    }

    /** Publish's 503 while its Kafka Streams client is in ERROR or stopping for good ("publish is error: ..."). */
    private static final java.util.regex.Pattern STOPPED =
            java.util.regex.Pattern.compile("\"detail\"\\s*:\\s*\"publish is (error|pending_error)\\b");
    private static final String STOPPED_RETRY_AFTER_SECONDS = "30";

    private static Answer problem(int status, String reason, String title, String detail, boolean retry) {
        return new Answer(status, reason, true, Problem.of(status, reason, title, detail),
                retry ? Optional.of(RETRY_AFTER_SECONDS) : Optional.empty());
    }
}
