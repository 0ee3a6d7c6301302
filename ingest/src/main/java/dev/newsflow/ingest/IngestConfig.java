package dev.newsflow.ingest;

import dev.newsflow.runtime.StageConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** The ingest stage's settings (environment: {@code NEWSFLOW_API_KEYS}, {@code NEWSFLOW_HTTP_PORT}, ...). */
public final class IngestConfig extends StageConfig {

    public static final String API_KEYS = "api.keys";
    public static final String API_UNPUBLISH_KEYS = "api.unpublish.keys";
    public static final String API_ID_PREFIXES = "api.id.prefixes";
    public static final String MAX_REQUEST_BYTES = "max.request.bytes";
    public static final String MAX_BATCH_BYTES = "max.batch.bytes";
    public static final String MAX_BATCH_LINES = "max.batch.lines";
    public static final String MAX_BODY_CHARS = "max.body.chars";
    public static final String ACK_TIMEOUT_MS = "ack.timeout.ms";
    public static final String RATE_LIMIT_PER_SECOND = "rate.limit.requests.per.second";
    public static final String OPS_PORT = "http.ops.port";
    public static final String PUBLISH_URL = "publish.url";

    private static final IngestLimits DEFAULTS = IngestLimits.defaults();

    static final ConfigDef DEFINITION = baseDefinition(8080)
            .define(API_KEYS, Type.PASSWORD, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                    "Comma-separated name:key pairs newsroom systems authenticate with; keys of 16+ characters. From the environment only.")
            .define(API_UNPUBLISH_KEYS, Type.LIST, "", Importance.HIGH,
                    "Names of the API keys that may kill or withhold articles (DELETE, or pubStatus canceled/withheld);"
                            + " others get 403. Empty: every key may.")
            .define(API_ID_PREFIXES, Type.LIST, "", Importance.HIGH,
                    "name=prefix entries (one per prefix, e.g. 'wire=urn:wire:,cms=urn:cms:'): a key named here may only"
                            + " write, update or kill ids starting with one of its prefixes; others get 403. A key not"
                            + " named may write any id.")
            .define(MAX_REQUEST_BYTES, Type.LONG, DEFAULTS.maxRequestBytes(), Range.between(1024, 64L << 20), Importance.MEDIUM,
                    "Largest request body of POST /v1/articles; larger answers 413.")
            .define(MAX_BATCH_BYTES, Type.LONG, DEFAULTS.maxBatchBytes(), Range.between(1024, 256L << 20), Importance.MEDIUM,
                    "Largest request body of POST /v1/articles:batch; larger answers 413.")
            .define(MAX_BATCH_LINES, Type.INT, DEFAULTS.maxBatchLines(), Range.between(1, 10_000), Importance.MEDIUM,
                    "Most articles in one batch; more answers 413.")
            .define(MAX_BODY_CHARS, Type.INT, DEFAULTS.maxBodyChars(), Range.between(1_000, 1_000_000), Importance.MEDIUM,
                    "Longest article body in characters. At most 1,000,000: even in 3-byte characters such an article"
                            + " stays under the 4 MiB the enrich and publish stages read (KeyedDecoder.MAX_VALUE_BYTES).")
            .define(ACK_TIMEOUT_MS, Type.LONG, 20_000L, Range.between(1_000, 300_000), Importance.LOW,
                    "How long a request waits for Kafka's acknowledgement before answering 503.")
            .define(OPS_PORT, Type.INT, -1, Range.between(-1, 65535), Importance.MEDIUM,
                    "Port of the operator endpoints (health, metrics, status) when they must not share the API's port"
                            + " (http.port): then the API port serves /v1 only, and can face the newsroom's network while"
                            + " this one stays internal. -1: both on http.port; 0 picks a free port.")
            .define(PUBLISH_URL, Type.STRING, "", (name, value) -> publishUrl(String.valueOf(value)), Importance.MEDIUM,
                    "Base URL of publish's HTTP server (e.g. http://publish:8082): GET /v1/articles/<id> asks it where "
                            + "an article is. Empty: that endpoint answers 501.")
            .define(RATE_LIMIT_PER_SECOND, Type.INT, 200, Range.between(0, 1_000_000), Importance.MEDIUM,
                    "Requests per second each API key may make (a batch is one request); more answer 429 with "
                            + "Retry-After. 0 turns the limit off.");

    /**
     * The limits and acknowledgement timeout from the same settings the API reads, without asking for API keys:
     * for {@code newsflow import}, so that a file and the API accept the same articles.
     */
    public static IngestLimits limitsOf(Map<String, String> settings) {
        org.apache.kafka.common.config.AbstractConfig config = importerView(settings);
        return new IngestLimits(config.getLong(MAX_REQUEST_BYTES), config.getLong(MAX_BATCH_BYTES),
                config.getInt(MAX_BATCH_LINES), config.getInt(MAX_BODY_CHARS), DEFAULTS.maxHeadlineChars(),
                DEFAULTS.maxTeaserChars(), DEFAULTS.maxIdChars());
    }

    /** See {@link #limitsOf}. */
    public static Duration ackTimeoutOf(Map<String, String> settings) {
        return Duration.ofMillis(importerView(settings).getLong(ACK_TIMEOUT_MS));
    }

    /** Whether the importer creates the topics (else it only checks the raw topic), and how long it waits. */
    public record TopicSetupView(boolean create, long timeoutMs) {
    }

    /** See {@link #limitsOf}. */
    public static TopicSetupView topicSetupOf(Map<String, String> settings) {
        org.apache.kafka.common.config.AbstractConfig config = importerView(settings);
        return new TopicSetupView(config.getBoolean(TOPIC_SETUP), config.getLong(TOPIC_SETUP_TIMEOUT_MS));
    }

    private static org.apache.kafka.common.config.AbstractConfig importerView(Map<String, String> settings) {
        ConfigDef limits = new ConfigDef();
        for (String key : List.of(MAX_REQUEST_BYTES, MAX_BATCH_BYTES, MAX_BATCH_LINES, MAX_BODY_CHARS, ACK_TIMEOUT_MS,
                TOPIC_SETUP, TOPIC_SETUP_TIMEOUT_MS)) {
            limits.define(DEFINITION.configKeys().get(key));
        }
        return new org.apache.kafka.common.config.AbstractConfig(limits, settings, false);
    }

    /** Every setting this stage reads, for telling a misspelt NEWSFLOW_ variable from one another stage reads. */
    public static java.util.Set<String> settingNames() {
        return DEFINITION.names();
    }

    public IngestConfig(Map<String, String> settings) {
        super(DEFINITION, settings);
    }

    public ApiKeys apiKeys() {
        return ApiKeys.parse(getPassword(API_KEYS).value()).withUnpublishers(getList(API_UNPUBLISH_KEYS))
                .withIdPrefixes(getList(API_ID_PREFIXES));
    }

    public IngestLimits limits() {
        return new IngestLimits(getLong(MAX_REQUEST_BYTES), getLong(MAX_BATCH_BYTES), getInt(MAX_BATCH_LINES),
                getInt(MAX_BODY_CHARS), DEFAULTS.maxHeadlineChars(), DEFAULTS.maxTeaserChars(), DEFAULTS.maxIdChars());
    }

    public RequestRateLimiter rateLimiter() {
        return RequestRateLimiter.perSecond(getInt(RATE_LIMIT_PER_SECOND));
    }

    /** The operator endpoints' own port, if they have one. */
    public java.util.OptionalInt opsPort() {
        int port = getInt(OPS_PORT);
        return port < 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(port);
    }

    public Duration ackTimeout() {
        return Duration.ofMillis(getLong(ACK_TIMEOUT_MS));
    }

    /** Publish's HTTP server, to ask where an article is; null when not set. */
    public java.net.URI publishUrl() {
        return publishUrl(getString(PUBLISH_URL));
    }

    private static java.net.URI publishUrl(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            java.net.URI uri = new java.net.URI(value.strip());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                // "http://newsflow_publish_1:8082": Java reads no host in a name with '_', and could not connect
                throw new org.apache.kafka.common.config.ConfigException(PUBLISH_URL, value, "must be an http or https URL "
                        + "with a host name of letters, digits, '-' and '.' (no '_'), e.g. http://publish:8082");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new org.apache.kafka.common.config.ConfigException(PUBLISH_URL, value, "not a URL: " + e.getReason());
        }
    }
}
