package dev.newsflow.ingest;

import dev.newsflow.runtime.PlainText;
import dev.newsflow.runtime.UrlPaths;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.schemas.avro.ContentType;
import dev.newsflow.schemas.avro.Image;
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
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one article from JSON and validates every field, collecting every error rather than stopping at the first,
 * so a newsroom system learns all that is wrong in one answer. Shared by the HTTP API and the NDJSON importer, so
 * both refuse exactly the same things.
 *
 * <p>Field names are ours (camelCase) and IPTC ninjs 1.x's where they differ ({@code pubstatus}, {@code embargoed},
 * {@code versioncreated}, {@code firstcreated}, {@code body_html}, {@code body_text}, {@code description_text}): a CMS
 * that speaks ninjs must not see its embargo or kill ignored because of a spelling. Two spellings of one field with
 * different values are an error, not a silent pick.
 */
public final class ArticleParser {

    static final Pattern ID = dev.newsflow.schemas.ArticleIds.ID;
    private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());
    /**
     * A BCP 47 tag as CMSs send it, case and "_" as they come: a language of two or three letters, a script, a region
     * of two letters or three digits, then variants and extensions ("en", "EN_us", "zh-Hant-TW", "es-419", "eng").
     */
    private static final Pattern LANGUAGE_TAG = Pattern.compile(
            "(?i)([a-z]{2,3})(?:[-_][a-z]{4})?(?:[-_]([a-z]{2}|\\d{3}))?(?:[-_][a-z0-9]{1,8})*");
    /** ISO 639-2 codes of the ISO 639-1 languages ("eng" → "en"), for feeds that send three letters. */
    private static final Map<String, String> ISO_639_1_OF = threeLetterCodes();
    /** What a kill or withhold is refused for: what it takes down. */
    private static final Set<String> TAKEDOWN_FIELDS = Set.of("uri", "id", "version", "pubStatus", "pubstatus", "$");
    private static final Pattern JACKSON_SETTING = Pattern.compile(",? from `[^`]*`");
    /** How far ahead of ingest's clock a sender's creation time may be (clocks differ; a year 2199 fixes a URL). */
    private static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofDays(1);
    private static final Pattern LOOKS_LIKE_HTML = Pattern.compile("<\\s*(!doctype|html|body|p|div|br|h[1-6]|article|span|a|ul|ol|li|b|i|em|strong|table|section|figure|img)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final long MAX_VERSION = 1L << 53; // exact in every JSON parser downstream
    // bounds of the short fields (the long ones, headline, body and teaser, are settings in IngestLimits): generous
    // for real values, small enough that no field can carry a payload of its own
    private static final int MAX_BYLINE_CHARS = 500;
    private static final int MAX_LANGUAGE_CHARS = 16;
    private static final int MAX_SOURCE_CHARS = 200;
    private static final int MAX_URL_CHARS = UrlPaths.MAX_CHARS;
    private static final int MAX_KEYWORDS = 50;
    private static final int MAX_KEYWORD_CHARS = 100;
    // every spelling of a field, ours first (the one named in errors when none was sent)
    private static final List<String> URI = List.of("uri", "id");
    private static final List<String> HEADLINE = List.of("headline", "title");
    private static final List<String> FIRST_CREATED = List.of("firstCreated", "firstcreated");
    private static final List<String> VERSION_CREATED = List.of("versionCreated", "versioncreated");
    private static final List<String> EMBARGOED_UNTIL = List.of("embargoedUntil", "embargoed");
    private static final List<String> PUB_STATUS = List.of("pubStatus", "pubstatus");
    private static final List<String> DESCRIPTION = List.of("description", "description_text");
    /** ninjs carries both renderings of a body; the HTML one is taken when both are sent. */
    private static final List<String> BODY = List.of("body", "body_html", "body_text");
    private static final Set<String> KNOWN = Set.of("uri", "id", "version", "headline", "title", "body", "body_html",
            "body_text", "bodyType", "byline", "language", "firstCreated", "firstcreated", "versionCreated",
            "versioncreated", "pubStatus", "pubstatus", "embargoedUntil", "embargoed", "urgency", "description",
            "description_text", "source", "url", "keywords", "image", "associations");
    private static final Set<String> IMAGE_FIELDS = Set.of("url", "alt", "caption");
    /** Alt text and a caption: a sentence or two, with the credit. */
    private static final int MAX_IMAGE_TEXT_CHARS = 1_000;

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
            // Jackson names its own settings in some messages ("from `StreamReadConstraints...`"): not for a client
            // and it quotes what it read, a key of half a surrogate pair too, which no UTF-8 answer or report can hold
            return ParsedArticle.refused("$", "not valid JSON: " + withUnpairedSurrogatesReplaced(
                    JACKSON_SETTING.matcher(String.valueOf(e.getOriginalMessage())).replaceAll("")));
        }
        if (root == null || !root.isObject()) {
            return ParsedArticle.refused("$", "must be a JSON object");
        }
        return validate((ObjectNode) root, provider);
    }

    /** Unknown fields named in an answer's ignoredFields; the rest are counted. */
    static final int MAX_IGNORED_NAMED = 20;

    private ParsedArticle validate(ObjectNode node, String provider) {
        List<FieldError> errors = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        int unnamed = 0;
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!KNOWN.contains(name)) {
                // named up to a point: a batch of articles with a million field names each had its answer (and the
                // names, held until it was sent) grow to tens of megabytes
                if (ignored.size() < MAX_IGNORED_NAMED) {
                    ignored.add(name);
                } else {
                    unnamed++;
                }
            }
        }
        if (unnamed > 0) {
            ignored.add("(and " + unnamed + " more)");
        }
        Fields f = new Fields(node, errors);

        String uri = f.text(URI, limits.maxIdChars(), true);
        Long version = f.integer("version", 1, MAX_VERSION, true, true);
        String pubStatus = f.choice(PUB_STATUS, Set.of("usable", "withheld", "canceled"));
        // a kill or withhold takes a story down and needs no content: only the id (and optionally the version)
        boolean takenDown = "canceled".equals(pubStatus) || "withheld".equals(pubStatus);
        if (uri != null) {
            String idProblem = idProblem(uri, !takenDown);
            if (idProblem != null) {
                errors.add(new FieldError(f.sentName(URI), idProblem)); // named as the sender wrote it
            }
        }
        String headline = f.text(HEADLINE, limits.maxHeadlineChars(), !takenDown);
        // ninjs may send both renderings: the first one with words in it (HTML before plain), never an empty one over
        // a real one
        String bodyField = BODY.stream().filter(node::hasNonNull).filter(name -> !isBlankText(node.get(name)))
                .findFirst().orElse(BODY.stream().filter(node::hasNonNull).findFirst().orElse("body"));
        // read up to the request's own bound: an oversized HTML page may fit once its scripts are gone
        String body = f.text(List.of(bodyField), (int) Math.min(Integer.MAX_VALUE - 1L,
                Math.max(limits.maxBodyChars(), limits.maxRequestBytes())), !takenDown);
        String bodyType = f.choice(List.of("bodyType"), Set.of("html", "plain"));
        if (bodyType == null && !bodyField.equals("body")) {
            bodyType = bodyField.equals("body_html") ? "html" : "plain";
        }
        if (body != null && body.length() > limits.maxBodyChars()) {
            boolean html = "html".equals(bodyType) || bodyType == null && LOOKS_LIKE_HTML.matcher(body).find();
            boolean slimmed = html && OversizedHtml.slimmable(body);
            String slim = slimmed ? OversizedHtml.withoutNonText(body) : body;
            if (slim.length() <= limits.maxBodyChars()) {
                body = slim;
            } else {
                errors.add(new FieldError(bodyField, "must be at most " + limits.maxBodyChars() + " characters (got "
                        + body.length() + (slimmed ? ", " + slim.length() + " without scripts, styles and plug-ins" : "")
                        + ")"));
                body = null;
            }
        }
        if (node.hasNonNull("body") && (node.hasNonNull("body_html") || node.hasNonNull("body_text"))) {
            // ours and ninjs' together: which one did the sender mean?
            errors.add(new FieldError("body", "send the body once: as body, or as ninjs body_html / body_text"));
        }
        String byline = f.text("byline", null, MAX_BYLINE_CHARS, false);
        String sentLanguage = f.text("language", null, MAX_LANGUAGE_CHARS, false);
        String language = sentLanguage == null ? null : languageCode(sentLanguage);
        if (sentLanguage != null && language == null) {
            // a kill or withhold is not refused for it: it is left out and listed as ignored (below), never stored
            // in a form enrich would dead-letter the kill for
            errors.add(new FieldError("language", "must be a language code such as \"en\", \"pt-BR\", \"es-419\" or"
                    + " \"zh-Hant\" (ISO 639, optionally with a region, as BCP 47 writes it)"));
        }
        Instant firstCreated = f.time(FIRST_CREATED);
        Instant versionCreated = f.time(VERSION_CREATED);
        Instant embargoedUntil = f.time(EMBARGOED_UNTIL);
        // a CMS may date a story by its scheduled release: up to its embargo, and clocks differ by up to a day
        Instant latest = (embargoedUntil != null && embargoedUntil.isAfter(clock.instant()) ? embargoedUntil
                : clock.instant()).plus(CLOCK_SKEW);
        if (firstCreated != null && !takenDown && firstCreated.isAfter(latest)) {
            // the post's URL takes its date: a year-2199 firstCreated would be in it for good
            errors.add(new FieldError(f.sentName(FIRST_CREATED), TOO_FAR_AHEAD));
        }
        if (versionCreated != null && !takenDown && versionCreated.isAfter(latest)) {
            errors.add(new FieldError(f.sentName(VERSION_CREATED), TOO_FAR_AHEAD));
        }
        Long urgency = f.integer("urgency", 1, 9, false, false);
        String description = f.text(DESCRIPTION, limits.maxTeaserChars(), false);
        String source = f.text("source", null, MAX_SOURCE_CHARS, false);
        String url = f.text("url", null, MAX_URL_CHARS, false);
        if (url != null && !takenDown && !UrlPaths.isSafeHttpUrl(url)) {
            errors.add(new FieldError("url", URL_RULE));
        }
        List<String> keywords = f.strings("keywords", MAX_KEYWORDS, MAX_KEYWORD_CHARS);
        Image image = image(node.get("image"), errors, ignored);
        if (image == null && node.hasNonNull("associations")) {
            image = featureImage(node.get("associations"), ignored);
        } else if (node.hasNonNull("associations")) {
            ignored.add("associations"); // the article's own image is used
        }
        if (body != null && body.isBlank() && !takenDown) {
            errors.add(new FieldError("body", "must not be blank"));
        } else if (body != null && !takenDown && !PlainText.hasText(body)) {
            // "<script>x</script>", "<img src=x>": a post with no words would go live
            errors.add(new FieldError("body", NO_TEXT));
        }
        if (headline != null && headline.isBlank() && !takenDown) {
            errors.add(new FieldError("headline", "must not be blank"));
        } else if (headline != null && !takenDown && !PlainText.hasText(headline)) {
            // "<script>x</script>", "&nbsp;", zero-width spaces: a post with an empty headline would go live
            errors.add(new FieldError("headline", NO_TEXT));
        }
        if (takenDown) {
            // a kill or withhold is never refused for its optional fields (a ninjs feed sends the whole item with
            // it, and a legal kill must not bounce): fields in error are left out, and the answer lists them
            errors.removeIf(e -> {
                if (TAKEDOWN_FIELDS.contains(e.field())) {
                    return false;
                }
                String field = e.field().replaceFirst("\\[\\d+]$", ""); // "keywords[2]": the field is left out
                if (!ignored.contains(field)) {
                    ignored.add(field);
                }
                return true;
            });
            if (url != null && !UrlPaths.isSafeHttpUrl(url)) {
                ignored.add(f.sentName(List.of("url")));
                url = null;
            }
            if (ignored.contains("language")) {
                language = null;
            }
        }
        if (!errors.isEmpty()) {
            // the id, when it is a well-formed one, lets a report say which article was refused
            return new ParsedArticle(null, errors, ignored, uri != null && idProblem(uri, false) == null ? uri : null);
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
                .setLanguage(language)
                .setFirstCreated(firstCreated)
                .setVersionCreated(versionCreated != null ? versionCreated : now)
                .setPubStatus(pubStatus == null ? PubStatus.USABLE : PubStatus.valueOf(pubStatus.toUpperCase(Locale.ROOT)))
                .setEmbargoedUntil(embargoedUntil)
                .setUrgency(urgency == null ? null : urgency.intValue())
                .setDescription(blankToNull(description))
                .setUrl(url)
                .setKeywords(keywords)
                .setImage(image)
                .setReceivedAt(now)
                .build();
        return new ParsedArticle(article, List.of(), ignored);
    }

    /**
     * The lead image a CMS names, {@code {"url", "alt", "caption"}}: the address as strict as {@code url}'s, the texts
     * bounded. Errors and unknown fields are named inside it ("image.url").
     */
    /**
     * The language in the form every stage shares ({@link dev.newsflow.schemas.LanguageCodes#FORM}, lower case): the
     * ISO 639-1 code, with the region when it is two letters ("pt-br"); a script or a numeric region ("zh-Hant",
     * "es-419") says more than that form can, so the language alone is kept. Null when no ISO 639 language is named.
     */
    static String languageCode(String sent) {
        java.util.regex.Matcher m = LANGUAGE_TAG.matcher(sent.strip());
        if (!m.matches()) {
            return null;
        }
        String language = m.group(1).toLowerCase(Locale.ROOT);
        if (language.length() == 3) {
            language = ISO_639_1_OF.get(language);
        }
        if (language == null || !ISO_LANGUAGES.contains(language)) {
            return null;
        }
        String region = m.group(2);
        return region == null || Character.isDigit(region.charAt(0)) ? language
                : language + "-" + region.toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> threeLetterCodes() {
        // ISO 639-1 codes withdrawn in 1989 that the JDK still lists beside their successors (he, id, yi)
        Set<String> deprecated = Set.of("iw", "in", "ji");
        Map<String, String> codes = new java.util.HashMap<>();
        for (String code : Locale.getISOLanguages()) {
            if (deprecated.contains(code)) {
                continue; // "yid" is "yi", not the withdrawn "ji"
            }
            try {
                codes.putIfAbsent(new Locale(code).getISO3Language(), code);
            } catch (java.util.MissingResourceException e) {
                // a code with no three-letter form: sent only as two letters
            }
        }
        return Map.copyOf(codes);
    }

    private static Image image(JsonNode value, List<FieldError> errors, List<String> ignored) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            errors.add(new FieldError("image", "must be an object: {\"url\", \"alt\", \"caption\"}"));
            return null;
        }
        List<FieldError> found = new ArrayList<>();
        Fields f = new Fields((ObjectNode) value, found);
        String url = f.text("url", null, MAX_URL_CHARS, true);
        if (url != null && !UrlPaths.isSafeHttpUrl(url)) {
            found.add(new FieldError("url", URL_RULE));
        }
        String alt = f.text("alt", null, MAX_IMAGE_TEXT_CHARS, false);
        String caption = f.text("caption", null, MAX_IMAGE_TEXT_CHARS, false);
        value.fieldNames().forEachRemaining(name -> {
            if (!IMAGE_FIELDS.contains(name)) {
                ignored.add("image." + name);
            }
        });
        found.forEach(e -> errors.add(new FieldError("image." + e.field(), e.message())));
        return found.isEmpty() ? Image.newBuilder().setUrl(url).setAlt(blankToNull(alt)).setCaption(blankToNull(caption)).build() : null;
    }

    /**
     * A ninjs item's feature picture as the lead image: {@code associations.featureimage} (else the first association
     * of type picture), its widest rendition's {@code href} (else its {@code uri} when that is an address),
     * {@code description_text} as the caption and {@code body_text} as the alt text. Never an error: ninjs
     * associations hold much else (related stories, videos), so what cannot be read is listed as ignored.
     */
    private static Image featureImage(JsonNode associations, List<String> ignored) {
        JsonNode picture = associations.isObject() ? associations.get("featureimage") : null;
        if (picture == null && associations.isObject()) {
            for (JsonNode a : associations) {
                if (a.isObject() && "picture".equals(a.path("type").asText())) {
                    picture = a;
                    break;
                }
            }
        }
        String href = null;
        long widest = -1;
        if (picture != null && picture.path("renditions").isObject()) {
            for (JsonNode rendition : picture.get("renditions")) {
                long width = rendition.path("width").asLong(0);
                if (rendition.path("href").isTextual() && width > widest
                        && isUsableAddress(rendition.get("href").asText())) { // the widest a site can load
                    href = rendition.get("href").asText();
                    widest = width;
                }
            }
        }
        if (href == null && picture != null && picture.path("uri").isTextual()) {
            href = picture.get("uri").asText();
        }
        if (!isUsableAddress(href)) {
            ignored.add("associations");
            return null;
        }
        return Image.newBuilder().setUrl(href).setAlt(boundedText(picture.get("body_text")))
                .setCaption(boundedText(picture.get("description_text"))).build();
    }

    private static String boundedText(JsonNode value) {
        if (value == null || !value.isTextual() || value.asText().isBlank() || hasUnpairedSurrogate(value.asText())) {
            return null;
        }
        String text = value.asText().strip();
        return text.length() <= MAX_IMAGE_TEXT_CHARS ? text : null;
    }

    /** A kill: a CANCELED version with no content, as {@code DELETE /v1/articles/{id}} writes it. */
    public ParsedArticle kill(String id, String versionParam, String provider) {
        List<FieldError> errors = new ArrayList<>();
        String idProblem = id == null ? "is required" : pathIdProblem(id, false);
        if (idProblem != null) {
            errors.add(new FieldError("id", idProblem));
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

    /**
     * Why an id cannot be used, or null. A published article's id must also survive a URL path unchanged, or
     * {@code DELETE /v1/articles/{id}} could not name it: clients and the router drop a trailing '/', and resolve
     * '//', '.' and '..' segments. A kill may still name such an id (one stored before this rule) in a body.
     */
    /**
     * What is wrong with an id named in a URL path ({@code /v1/articles/<id>}), within the length limit, or null.
     *
     * @param mustBeKillableByPath also refuse ids a URL path would change ("a/../b"), as for a new article
     */
    String pathIdProblem(String id, boolean mustBeKillableByPath) {
        return id.length() > limits.maxIdChars() ? "must be at most " + limits.maxIdChars() + " characters"
                : idProblem(id, mustBeKillableByPath);
    }

    static String idProblem(String id, boolean mustBeKillableByPath) {
        if (!ID.matcher(id).matches()) {
            return "must start with a letter or digit and use only letters, digits and :._~/@+-";
        }
        if (mustBeKillableByPath && id.contains("/") && (id.endsWith("/") || id.contains("//")
                || java.util.Arrays.stream(id.split("/")).anyMatch(part -> part.equals(".") || part.equals("..")))) {
            return "must not end with '/', hold '//', or have '.' or '..' between slashes (a URL path would change "
                    + "it, and DELETE /v1/articles/{id} could not name the article)";
        }
        return null;
    }

    private static boolean isBlankText(JsonNode value) {
        return value.isTextual() && value.textValue().isBlank();
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

    /** Typed, bounded field readers that record an error instead of throwing. */
    private static final class Fields {
        private final ObjectNode node;
        private final List<FieldError> errors;

        Fields(ObjectNode node, List<FieldError> errors) {
            this.node = node;
            this.errors = errors;
        }

        String text(String name, String alias, int maxChars, boolean required) {
            return text(alias == null ? List.of(name) : List.of(name, alias), maxChars, required);
        }

        /** The spelling of a field the sender used (the first of those sent), else ours. */
        String sentName(List<String> names) {
            return names.stream().filter(node::hasNonNull).findFirst().orElse(names.get(0));
        }

        /**
         * A text field that may be spelled several ways: the first spelling sent is read; another one sent with a
         * different value is an error (which one would the sender mean?).
         */
        String text(List<String> names, int maxChars, boolean required) {
            String used = sentName(names);
            JsonNode value = node.get(used);
            for (String other : names) {
                if (!other.equals(used) && node.hasNonNull(other) && !node.get(other).equals(value)) {
                    errors.add(new FieldError(used, "also sent as " + other + " with another value: send one"));
                    return null;
                }
            }
            if (value == null || value.isNull()) {
                if (required) {
                    errors.add(new FieldError(used, "is required"));
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
            if (hasUnpairedSurrogate(text)) {
                errors.add(new FieldError(used, UNPAIRED_SURROGATE));
                return null;
            }
            return text;
        }

        /** @param digitsAsText also take a string of digits: ninjs sends its version as one */
        Long integer(String name, long min, long max, boolean required, boolean digitsAsText) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                if (required) {
                    errors.add(new FieldError(name, "is required"));
                }
                return null;
            }
            if (digitsAsText && value.isTextual() && value.textValue().matches("[0-9]{1,18}")) {
                value = com.fasterxml.jackson.databind.node.LongNode.valueOf(Long.parseLong(value.textValue()));
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

        String choice(List<String> names, Set<String> allowed) {
            String v = text(names, 32, false);
            if (v != null && !allowed.contains(v.toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError(sentName(names), "must be one of " + allowed.stream().sorted().toList()));
                return null;
            }
            return v == null ? null : v.toLowerCase(Locale.ROOT);
        }

        Instant time(List<String> names) {
            String name = sentName(names);
            String v = text(names, 64, false);
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
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                String at = name + "[" + i + "]";
                if (item.isTextual() && hasUnpairedSurrogate(item.textValue())) {
                    errors.add(new FieldError(at, UNPAIRED_SURROGATE));
                    return List.of();
                }
                if (!item.isTextual() || item.textValue().isBlank() || item.textValue().length() > maxChars) {
                    errors.add(new FieldError(at, "must be a non-blank string of at most " + maxChars + " characters"));
                    return List.of();
                }
                if (!PlainText.hasText(item.textValue())) {
                    errors.add(new FieldError(at, NO_TEXT));
                    return List.of();
                }
                // "Tram", "tram", "TRAM": one keyword, as the sender first wrote it
                if (seen.add(PlainText.of(item.textValue()).toLowerCase(java.util.Locale.ROOT))) {
                    out.add(item.textValue().strip());
                }
            }
            return out;
        }
    }

    /** What a sender's URL must be: it goes out with the post to every site. */
    static final String URL_RULE = "must be a public http(s) URL a site can link to: a host readers can reach (not"
            + " localhost, a private address or an intranet name), spaces and quotes percent-encoded, no host name mixing"
            + " scripts (a Cyrillic letter in a Latin name), no secret in it (user:password@, token=, api_key=)";

    private static final String TOO_FAR_AHEAD = "must not be more than a day after now or after the embargo"
            + " (embargoedUntil)";

    private static final String NO_TEXT = "has no letter or digit once markup, entities and invisible characters are"
            + " removed";

    private static final String UNPAIRED_SURROGATE = "holds half of a surrogate pair (a \\uD800-\\uDFFF escape without"
            + " its other half): not Unicode text, and it would be stored as '?'";

    /** An address a site can load that Avro stores as sent: half a surrogate pair would be stored as '?'. */
    private static boolean isUsableAddress(String address) {
        return address != null && UrlPaths.isSafeHttpUrl(address) && !hasUnpairedSurrogate(address);
    }

    /** {@code text} with each half of a surrogate pair as U+FFFD, so it can be written as UTF-8. */
    static String withUnpairedSurrogatesReplaced(String text) {
        if (!hasUnpairedSurrogate(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    /** A lone {@code \\uD800}-style escape: JSON lets it through, Unicode and Avro's UTF-8 do not. */
    static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
