package dev.newsflow.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.schemas.avro.ContentType;
import dev.newsflow.schemas.avro.PubStatus;
import dev.newsflow.schemas.avro.RawArticle;
import dev.newsflow.schemas.TimeBounds;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one article from JSON (IPTC ninjs names where they fit) and validates every field, collecting every error
 * rather than stopping at the first, so a newsroom system learns all that is wrong in one answer. Shared by the
 * HTTP API and the NDJSON importer, so both refuse exactly the same things.
 */
public final class ArticleParser {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:._~/@+-]{0,255}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}(-[A-Za-z]{2})?");
    private static final Pattern LOOKS_LIKE_HTML = Pattern.compile("<\\s*(!doctype|html|body|p|div|br|h[1-6]|article|span|a|ul|ol|li|b|i|em|strong|table|section|figure|img)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final long MAX_VERSION = 1L << 53; // exact in every JSON parser downstream
    private static final Set<String> KNOWN = Set.of("uri", "id", "version", "headline", "title", "body", "bodyType",
            "byline", "language", "firstCreated", "versionCreated", "pubStatus", "embargoedUntil", "urgency",
            "description", "source", "url", "keywords");

    private final ObjectMapper mapper;
    private final IngestLimits limits;
    private final Clock clock;

    public ArticleParser(IngestLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        // one document per request or line: '{...}{...}' must not pass as its first object with the rest dropped,
        // and '{"uri":"a","uri":"b"}' must not pass as whichever comes last
        this.mapper = JsonMapper.builder()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        // bound what the JSON parser itself will hold, but never below what a request may carry: a string the request
        // limit lets through must reach the field checks, so a too-long body is reported as "body", not as bad JSON
        int maxString = (int) Math.min(Integer.MAX_VALUE - 1L, Math.max(limits.maxRequestBytes(), limits.maxBodyChars() + 1L));
        this.mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(16).maxStringLength(maxString).build());
    }

    /** Parses and validates one JSON document; {@code provider} says who pushed it (an API key name or the importer). */
    public ParsedArticle parse(String json, String provider) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            return invalid(new FieldError("$", "not valid JSON: " + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            return invalid(new FieldError("$", "must be a JSON object"));
        }
        return validate((ObjectNode) root, provider);
    }

    private ParsedArticle validate(ObjectNode node, String provider) {
        List<FieldError> errors = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!KNOWN.contains(name)) {
                ignored.add(name);
            }
        }
        Fields f = new Fields(node, errors);

        String uri = f.text("uri", "id", limits.maxIdChars(), true);
        if (uri != null && !ID.matcher(uri).matches()) {
            // name the field as the sender wrote it
            String field = node.hasNonNull("uri") ? "uri" : "id";
            errors.add(new FieldError(field, "must start with a letter or digit and use only letters, digits and :._~/@+-"));
        }
        Long version = f.integer("version", 1, MAX_VERSION, true);
        String pubStatus = f.choice("pubStatus", Set.of("usable", "withheld", "canceled"));
        boolean killed = "canceled".equals(pubStatus);
        // a kill needs no content: only the id (and optionally the version)
        String headline = f.text("headline", "title", limits.maxHeadlineChars(), !killed);
        String body = f.text("body", null, limits.maxBodyChars(), !killed);
        String bodyType = f.choice("bodyType", Set.of("html", "plain"));
        String byline = f.text("byline", null, 500, false);
        String language = f.text("language", null, 16, false);
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            errors.add(new FieldError("language", "must be an ISO 639-1 code such as \"en\" or \"pt-BR\""));
        }
        Instant firstCreated = f.time("firstCreated");
        Instant versionCreated = f.time("versionCreated");
        Instant embargoedUntil = f.time("embargoedUntil");
        Long urgency = f.integer("urgency", 1, 9, false);
        String description = f.text("description", null, limits.maxTeaserChars(), false);
        String source = f.text("source", null, 200, false);
        String url = f.text("url", null, 2048, false);
        if (url != null && !(url.startsWith("https://") || url.startsWith("http://"))) {
            errors.add(new FieldError("url", "must be an http(s) URL"));
        }
        List<String> keywords = f.strings("keywords", 50, 100);
        if (body != null && body.isBlank() && !killed) {
            errors.add(new FieldError("body", "must not be blank"));
        }
        if (headline != null && headline.isBlank() && !killed) {
            errors.add(new FieldError("headline", "must not be blank"));
        }
        if (!errors.isEmpty()) {
            return new ParsedArticle(null, errors, ignored);
        }
        Instant now = clock.instant();
        RawArticle article = RawArticle.newBuilder()
                .setUri(uri)
                .setVersion(version)
                .setProvider(provider)
                .setSource(source)
                .setHeadline(headline == null ? "" : headline.strip())
                .setBody(body == null ? "" : body)
                .setContentType(contentType(bodyType, body == null ? "" : body))
                .setByline(blankToNull(byline))
                .setLanguage(language == null ? null : language.toLowerCase(Locale.ROOT))
                .setFirstCreated(firstCreated)
                .setVersionCreated(versionCreated != null ? versionCreated : now)
                .setPubStatus(pubStatus == null ? PubStatus.USABLE : PubStatus.valueOf(pubStatus.toUpperCase(Locale.ROOT)))
                .setEmbargoedUntil(embargoedUntil)
                .setUrgency(urgency == null ? null : urgency.intValue())
                .setDescription(blankToNull(description))
                .setUrl(url)
                .setKeywords(keywords)
                .setReceivedAt(now)
                .build();
        return new ParsedArticle(article, List.of(), ignored);
    }

    /** A kill: a CANCELED version with no content, as {@code DELETE /v1/articles/{id}} and the importer write it. */
    public ParsedArticle kill(String id, String versionParam, String provider) {
        List<FieldError> errors = new ArrayList<>();
        if (id == null || !ID.matcher(id).matches() || id.length() > limits.maxIdChars()) {
            errors.add(new FieldError("id", "must start with a letter or digit and use only letters, digits and :._~/@+-"));
        }
        long version = 0;
        if (versionParam != null) {
            try {
                version = Long.parseLong(versionParam);
                if (version < 0 || version > MAX_VERSION) {
                    errors.add(new FieldError("version", "must be between 0 and " + MAX_VERSION));
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError("version", "must be an integer"));
            }
        }
        if (!errors.isEmpty()) {
            return new ParsedArticle(null, errors, List.of());
        }
        Instant now = clock.instant();
        return new ParsedArticle(RawArticle.newBuilder()
                .setUri(id).setVersion(version).setProvider(provider).setHeadline("").setBody("")
                .setContentType(ContentType.PLAIN).setVersionCreated(now).setPubStatus(PubStatus.CANCELED)
                .setReceivedAt(now).build(), List.of(), List.of());
    }

    private static ContentType contentType(String declared, String body) {
        if (declared != null) {
            return declared.equals("html") ? ContentType.HTML : ContentType.PLAIN;
        }
        return LOOKS_LIKE_HTML.matcher(body).find() ? ContentType.HTML : ContentType.PLAIN;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static ParsedArticle invalid(FieldError error) {
        return new ParsedArticle(null, List.of(error), List.of());
    }

    /** Typed, bounded field readers that record an error instead of throwing. */
    private static final class Fields {
        private final ObjectNode node;
        private final List<FieldError> errors;

        Fields(ObjectNode node, List<FieldError> errors) {
            this.node = node;
            this.errors = errors;
        }

        String text(String name, String alias, int maxChars, boolean required) {
            String used = name;
            JsonNode value = node.get(name);
            if ((value == null || value.isNull()) && alias != null) {
                value = node.get(alias);
                used = alias;
            }
            if (value == null || value.isNull()) {
                if (required) {
                    errors.add(new FieldError(name, "is required"));
                }
                return null;
            }
            if (!value.isTextual()) {
                errors.add(new FieldError(used, "must be a string"));
                return null;
            }
            String text = value.textValue();
            if (text.length() > maxChars) {
                errors.add(new FieldError(used, "must be at most " + maxChars + " characters (got " + text.length() + ")"));
                return null;
            }
            return text;
        }

        Long integer(String name, long min, long max, boolean required) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                if (required) {
                    errors.add(new FieldError(name, "is required"));
                }
                return null;
            }
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                errors.add(new FieldError(name, "must be an integer"));
                return null;
            }
            long v = value.longValue();
            if (v < min || v > max) {
                errors.add(new FieldError(name, "must be between " + min + " and " + max + " (got " + v + ")"));
                return null;
            }
            return v;
        }

        String choice(String name, Set<String> allowed) {
            String v = text(name, null, 32, false);
            if (v != null && !allowed.contains(v.toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError(name, "must be one of " + allowed.stream().sorted().toList()));
                return null;
            }
            return v == null ? null : v.toLowerCase(Locale.ROOT);
        }

        Instant time(String name) {
            String v = text(name, null, 64, false);
            if (v == null) {
                return null;
            }
            Instant parsed;
            try {
                parsed = OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(name, "must be an ISO-8601 time with offset, e.g. 2026-11-28T09:30:00Z"));
                return null;
            }
            if (!TimeBounds.contains(parsed)) {
                errors.add(new FieldError(name, "must be between the years 1900 and 2199"));
                return null;
            }
            return parsed;
        }

        List<String> strings(String name, int maxItems, int maxChars) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return List.of();
            }
            if (!value.isArray() || value.size() > maxItems) {
                errors.add(new FieldError(name, "must be an array of at most " + maxItems + " strings"));
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (JsonNode item : value) {
                if (!item.isTextual() || item.textValue().isBlank() || item.textValue().length() > maxChars) {
                    errors.add(new FieldError(name, "items must be non-blank strings of at most " + maxChars + " characters"));
                    return List.of();
                }
                out.add(item.textValue().strip());
            }
            return out;
        }
    }

    /** Field names the parser understands, for documentation and tests. */
    static Set<String> knownFields() {
        return KNOWN;
    }

    /** JSON rendering used in error answers. */
    ObjectMapper mapper() {
        return mapper;
    }
}
