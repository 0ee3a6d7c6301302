package dev.newsflow.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.newsflow.runtime.LogThrottle;
import dev.newsflow.runtime.LogValues;
import dev.newsflow.runtime.NdjsonLines;
import dev.newsflow.runtime.Utf8;
import dev.newsflow.schemas.avro.PubStatus;
import dev.newsflow.schemas.avro.RawArticle;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The ingest HTTP API for newsroom systems. Every answer tells the truth: 202 only after Kafka acknowledged the
 * write, 503 with {@code Retry-After} when it could not, and a problem document naming every bad field otherwise.
 *
 * <pre>
 * POST   /v1/articles        one JSON article
 * POST   /v1/articles:batch  NDJSON, one article a line
 * DELETE /v1/articles/{id}   kill (unpublish) an article
 * </pre>
 */
public final class IngestApi {

    static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final String REQUEST_ID_MDC = "requestId";
    /** What a client's own request id may be: short and printable, so it is safe in a log line and a header. */
    private static final java.util.regex.Pattern REQUEST_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Logger log = LoggerFactory.getLogger(IngestApi.class);
    private static final String PROVIDER = "newsflow.provider";
    private static final String RETRY_AFTER_SECONDS = "5";

    private final ArticleParser parser;
    private final ArticleWriter writer;
    private final ApiKeys keys;
    private final RequestRateLimiter rateLimiter;
    private final IngestLimits limits;
    private final Duration ackTimeout;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final IngestMetrics metrics;
    private final BatchWriter batchWriter;
    private final LogThrottle refusalLog = new LogThrottle();
    /** Four largest batches at once: about 64 MiB of bodies by default, a few hundred MB of heap while parsed. */
    private final BodyBudget bodyBudget;
    private final PublishStatus publishStatus;

    public IngestApi(ArticleParser parser, ArticleWriter writer, ApiKeys keys, RequestRateLimiter rateLimiter,
                     IngestLimits limits, Duration ackTimeout, MeterRegistry registry) {
        this(parser, writer, keys, rateLimiter, limits, ackTimeout, registry, PublishStatus.notConfigured());
    }

    /** @param publishStatus how {@code GET /v1/articles/<id>} asks publish where an article is */
    IngestApi(ArticleParser parser, ArticleWriter writer, ApiKeys keys, RequestRateLimiter rateLimiter,
              IngestLimits limits, Duration ackTimeout, MeterRegistry registry, PublishStatus publishStatus) {
        this.publishStatus = publishStatus;
        this.parser = parser;
        this.writer = writer;
        this.keys = keys;
        this.rateLimiter = rateLimiter;
        this.limits = limits;
        this.ackTimeout = ackTimeout;
        this.bodyBudget = new BodyBudget(4 * Math.max(limits.maxBatchBytes(), limits.maxRequestBytes()));
        this.metrics = new IngestMetrics(registry, keys.names());
        this.batchWriter = new BatchWriter(writer, ackTimeout, metrics);
    }

    public void routes(Javalin app) {
        routes(app, () -> true);
    }

    /** @param accepting false while the stage starts: the API then answers 503 with Retry-After, writing nothing */
    public void routes(Javalin app, java.util.function.BooleanSupplier accepting) {
        // every request clears the id first: a refused request may skip the after-handler, and Jetty reuses threads
        app.before(ctx -> MDC.remove(REQUEST_ID_MDC));
        app.before("/v1/*", this::tagRequest);
        app.before("/v1/*", ctx -> {
            if (!accepting.getAsBoolean()) {
                ctx.header(Header.RETRY_AFTER, RETRY_AFTER_SECONDS);
                problem(ctx, 503, "starting", "Starting", "ingest is starting (checking Kafka's topics); retry after "
                        + RETRY_AFTER_SECONDS + " s");
                ctx.skipRemainingHandlers();
            }
        });
        app.before("/v1/*", this::authenticate);
        app.after("/v1/*", ctx -> MDC.remove(REQUEST_ID_MDC));
        app.post("/v1/articles", ctx -> withinBudget(ctx, limits.maxRequestBytes(), this::postArticle));
        app.post("/v1/articles:batch", ctx -> withinBudget(ctx, limits.maxBatchBytes(), this::postBatch));
        // <id>, not {id}: an article id may hold '/' (ArticleParser.ID), and every id that can be pushed must be killable
        app.delete("/v1/articles/<id>", this::killArticle);
        app.get("/v1/articles/<id>", this::articleStatus);
        app.exception(org.eclipse.jetty.http.BadMessageException.class, (e, ctx) -> {
            ctx.header(Header.CONNECTION, "close");
            if (e.getCode() != HttpStatus.REQUEST_TIMEOUT.getCode()) {
                // a body Jetty could not read (broken chunked encoding): the client's request is at fault
                count("rejected", provider(ctx), "invalid");
                problem(ctx, e.getCode(), "invalid", "Unreadable request", "the request's body could not be read ("
                        + e.getReason() + "); nothing was stored");
                return;
            }
            // Jetty's minimum body rate (StageServer): a body that drips would hold a thread and budget for ever
            count("failed", provider(ctx), "too-slow");
            long refused = refusalLog.admit("too-slow");
            if (refused > 0) {
                log.warn("Request body refused path={} reason={} refusedSinceLastLog={}", ctx.path(), e.getReason(), refused);
            }
            problem(ctx, e.getCode(), "too-slow", "Request too slow", "the body did not arrive in time (" + e.getReason()
                    + "); nothing was stored, send it again");
        });
        app.exception(HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() == HttpStatus.CONTENT_TOO_LARGE.getCode()) {
                tooLarge(ctx, limits.maxBatchBytes());
            } else {
                problem(ctx, e.getStatus(), "http-error", e.getMessage(), e.getMessage());
            }
        });
    }

    /**
     * Runs the handler with the request's body bytes reserved from the API-wide budget (the declared length, or the
     * route's limit for a chunked body), or answers 503 busy.
     */
    private void withinBudget(Context ctx, long limit, io.javalin.http.Handler handler) throws Exception {
        long declared = Requests.declaredLength(ctx);
        long size = declared > 0 && declared <= limit ? declared : limit;
        Optional<BodyBudget.Reservation> reservation = bodyBudget.tryReserve(provider(ctx), size);
        if (reservation.isEmpty()) {
            count("failed", provider(ctx), "busy");
            long refused = refusalLog.admit("busy");
            if (refused > 0) {
                log.warn("Request bodies in flight at the budget budgetBytes={} path={} refusedSinceLastLog={}",
                        bodyBudget.bytes(), ctx.path(), refused);
            }
            ctx.header(Header.RETRY_AFTER, RETRY_AFTER_SECONDS);
            problem(ctx, 503, "busy", "Busy", "too many request bodies in flight (for this key, or in all); retry after "
                    + RETRY_AFTER_SECONDS + " s");
            return;
        }
        try (BodyBudget.Reservation held = reservation.get()) {
            handler.handle(ctx);
        }
    }

    /**
     * Every API request gets an id: the client's {@code X-Request-Id} when it is a sane one, else a new UUID. It goes
     * back in the header and in every JSON answer, and onto the log lines of the request, so a CMS team and an
     * operator can find the same request.
     */
    private void tagRequest(Context ctx) {
        String sent = ctx.header(REQUEST_ID_HEADER);
        String id = sent != null && REQUEST_ID.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
        ctx.attribute(REQUEST_ID_HEADER, id);
        ctx.header(REQUEST_ID_HEADER, id);
        MDC.put(REQUEST_ID_MDC, id);
    }

    private void authenticate(Context ctx) {
        // an empty X-Api-Key (a gateway's or a client template's) does not hide a Bearer token sent with it
        String presented = Optional.ofNullable(ctx.header("X-Api-Key")).filter(k -> !k.isBlank())
                .orElseGet(() -> Requests.bearer(ctx.header(Header.AUTHORIZATION)));
        Optional<String> name = keys.authenticate(presented);
        if (name.isEmpty()) {
            count("unauthorized", "none", "no-valid-key");
            long refused = refusalLog.admit("unauthorized");
            if (refused > 0) { // a flood of bad keys must not flood the logs; the metric counts every one
                log.info("Refused request without a valid API key path={} remote={} refusedSinceLastLog={}", ctx.path(),
                        ctx.ip(), refused);
            }
            ctx.header(Header.WWW_AUTHENTICATE, "Bearer realm=\"newsflow\"");
            problem(ctx, 401, "unauthorized", "Unauthorized",
                    "send a valid API key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'");
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.attribute(PROVIDER, name.get());
        // a kill or takedown must get through even when the key is over its rate (a system stuck in a retry loop)
        if (ctx.method() != HandlerType.DELETE && !rateLimiter.tryAcquire(name.get())) {
            count("rate-limited", name.get(), "rate-limited");
            long refused = refusalLog.admit("rate-limited:" + name.get());
            if (refused > 0) {
                log.warn("Rate limit hit apiKey={} path={} limit={} refusedSinceLastLog={}", name.get(), ctx.path(),
                        rateLimiter, refused);
            }
            long seconds = Math.max(1, (rateLimiter.retryAfter().toMillis() + 999) / 1000);
            ctx.header(Header.RETRY_AFTER, Long.toString(seconds));
            problem(ctx, 429, "rate-limited", "Too many requests",
                    "at most " + rateLimiter.requestsPerPeriod() + " requests per " + rateLimiter.retryAfter().toSeconds()
                            + " s per API key; retry after " + seconds + " s");
            ctx.skipRemainingHandlers();
        }
    }

    private void postArticle(Context ctx) {
        if (!Requests.hasContentType(ctx, "application/json") || !Requests.declaresUtf8OrNothing(ctx)) {
            unsupported(ctx, "application/json");
            return;
        }
        if (Requests.declaredLength(ctx) > limits.maxRequestBytes()) {
            tooLarge(ctx, limits.maxRequestBytes());
            return;
        }
        byte[] body = Requests.boundedBody(ctx, limits.maxRequestBytes());
        if (body == null) {
            tooLarge(ctx, limits.maxRequestBytes());
            return;
        }
        String text = Utf8.strictWithoutByteOrderMark(body, body.length);
        ParsedArticle parsed = text == null ? ParsedArticle.notUtf8() : parser.parse(text, provider(ctx));
        if (!parsed.valid()) {
            count("rejected", provider(ctx), "invalid");
            long refused = refusalLog.admit("invalid:" + provider(ctx));
            if (refused > 0) { // a client sending bad articles in a loop must not flood the log (the metric counts each)
                log.info("Refused article articleId={} provider={} errors={} refusedSinceLastLog={}",
                        // the errors quote the client's JSON (field names, tokens): one line, however forged
                        idForLog(body), provider(ctx), LogValues.printable(String.valueOf(parsed.errors()), 2_000), refused);
            }
            send(ctx, 400, Problem.MEDIA_TYPE, Problem.invalid(parsed.errors()));
            return;
        }
        if (forbidden(ctx, parsed)) {
            return;
        }
        writeOne(ctx, parsed);
    }

    private void killArticle(Context ctx) {
        ParsedArticle parsed = ctx.queryParams("version").size() > 1
                ? ParsedArticle.refused("version", "given more than once: which one is meant? Send one")
                : parser.kill(ctx.pathParam("id"), ctx.queryParam("version"), provider(ctx));
        if (!parsed.valid()) {
            count("rejected", provider(ctx), "invalid");
            // a refused kill leaves a story up: never only a metric (throttled: DELETE is not rate limited)
            long refused = refusalLog.admit("invalid-kill:" + provider(ctx));
            if (refused > 0) {
                log.warn("Refused kill articleId={} provider={} errors={} refusedSinceLastLog={}",
                        LogValues.printable(ctx.pathParam("id"), 200), provider(ctx),
                        LogValues.printable(String.valueOf(parsed.errors()), 2_000), refused);
            }
            send(ctx, 400, Problem.MEDIA_TYPE, Problem.invalid(parsed.errors()));
            return;
        }
        if (forbidden(ctx, parsed)) {
            return;
        }
        // version 0: sent without one, it takes down whatever is live
        log.info("Kill requested articleId={} version={} provider={}", parsed.article().getUri(),
                parsed.article().getVersion(), provider(ctx));
        writeOne(ctx, parsed);
    }

    /** Where the article is now, as publish knows it: only for ids the key may write. */
    private void articleStatus(Context ctx) {
        String id = ctx.pathParam("id");
        String provider = provider(ctx);
        // only ids the API could have accepted: no ".." a URL path would resolve onto another key's ids
        String idProblem = parser.pathIdProblem(id, true);
        if (idProblem != null) {
            count("looked-up", provider, "invalid");
            problem(ctx, 400, "invalid-id", "Invalid id", "the article id " + idProblem);
            return;
        }
        if (!keys.mayWrite(provider, id)) {
            count("looked-up", provider, "id-not-allowed");
            problem(ctx, 403, "id-not-allowed", "Forbidden", "the API key '" + provider + "' may only ask about ids "
                    + "starting with " + keys.idPrefixesOf(provider) + " (api.id.prefixes)");
            return;
        }
        PublishStatus.Answer answer = publishStatus.ask(id);
        count("looked-up", provider, answer.reason());
        answer.retryAfter().ifPresent(seconds -> ctx.header(Header.RETRY_AFTER, seconds));
        send(ctx, answer.status(), answer.problem() ? Problem.MEDIA_TYPE : "application/json", answer.body());
    }

    /** What a key may not do with a valid article: the metric reason, the field to name, and why. */
    private record Refusal(String reason, String field, String detail) {
    }

    /** A write the key may not make: an id outside its api.id.prefixes, or an unpublish api.unpublish.keys does not allow. */
    private Optional<Refusal> refusalOf(String provider, ParsedArticle parsed) {
        if (!parsed.valid()) {
            return Optional.empty();
        }
        String id = parsed.article().getUri();
        if (!keys.mayWrite(provider, id)) {
            return Optional.of(new Refusal("id-not-allowed", "uri", "the API key '" + provider
                    + "' may only write ids starting with " + keys.idPrefixesOf(provider) + " (api.id.prefixes)"));
        }
        if (parsed.article().getPubStatus() != PubStatus.USABLE && !keys.mayUnpublish(provider)) {
            return Optional.of(new Refusal("unpublish-not-allowed", "pubStatus", "the API key '" + provider
                    + "' may not kill or withhold articles (api.unpublish.keys)"));
        }
        return Optional.empty();
    }

    /** Refuses (403) what the key may not write, logged with the key's name; false when it may. */
    private boolean forbidden(Context ctx, ParsedArticle parsed) {
        Optional<Refusal> refusal = refusalOf(provider(ctx), parsed);
        refusal.ifPresent(r -> {
            countRefusal(ctx, parsed, r);
            problem(ctx, 403, r.reason(), "Forbidden", r.detail());
        });
        return refusal.isPresent();
    }

    /** Counts and logs (throttled: DELETE skips the rate limit, so a leaked key could flood the log) a refusal. */
    private void countRefusal(Context ctx, ParsedArticle parsed, Refusal refusal) {
        count("forbidden", provider(ctx), refusal.reason());
        long refused = refusalLog.admit("forbidden:" + provider(ctx));
        if (refused > 0) {
            log.warn("Refused write articleId={} apiKey={} reason={} refusedSinceLastLog={}",
                    LogValues.printable(parsed.article().getUri(), 200), provider(ctx), refusal.reason(), refused);
        }
    }

    /** A kill or withhold is rare and may be a legal matter: on the record at INFO, however it came (DELETE, POST, batch). */
    private void logAccepted(Context ctx, RawArticle article, RecordMetadata ack) {
        if (article.getPubStatus() != PubStatus.USABLE) {
            log.info("Accepted {} articleId={} version={} provider={} via={} partition={} offset={}",
                    article.getPubStatus() == PubStatus.WITHHELD ? "withhold" : "kill", article.getUri(),
                    article.getVersion(), provider(ctx), ctx.method() + " " + ctx.endpointHandlerPath(), ack.partition(),
                    ack.offset());
        } else {
            log.debug("Accepted articleId={} version={} partition={} offset={}", article.getUri(),
                    article.getVersion(), ack.partition(), ack.offset());
        }
    }

    private void writeOne(Context ctx, ParsedArticle parsed) {
        RawArticle article = parsed.article();
        long started = System.nanoTime();
        try {
            // the deadline counts from before send(), which may block for max.block.ms while Kafka is unknown
            CompletableFuture<RecordMetadata> write = writer.write(article);
            long wait = Math.max(0, started + ackTimeout.toNanos() - System.nanoTime());
            RecordMetadata ack = write.get(wait, TimeUnit.NANOSECONDS);
            metrics.acknowledgedSince(started);
            count("accepted", provider(ctx), "none");
            logAccepted(ctx, article, ack);
            Map<String, Object> answer = accepted(article, ack);
            if (!parsed.ignoredFields().isEmpty()) {
                answer.put("ignoredFields", parsed.ignoredFields());
            }
            send(ctx, 202, "application/json", answer);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            writeFailed(ctx, article, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writeFailed(ctx, article, e);
        }
    }

    private void writeFailed(Context ctx, RawArticle article, Throwable cause) {
        // too large is the article's fault and permanent: refused, like in a batch; the rest may succeed on a retry
        count(cause instanceof RecordTooLargeException ? "rejected" : "failed", provider(ctx),
                KafkaWriteFailures.reasonOf(cause));
        log.warn("Article not written articleId={} version={} reason={}{}", article.getUri(), article.getVersion(),
                cause.toString(), KafkaWriteFailures.meaning(cause));
        if (cause instanceof RecordTooLargeException) {
            problem(ctx, 413, "too-large", "Article too large", "Kafka refused the record as too large: " + cause.getMessage());
            return;
        }
        if (KafkaWriteFailures.isPermanent(cause)) {
            problem(ctx, 500, "kafka-refused", "Article not stored", KafkaWriteFailures.refusedDetail(cause));
            return;
        }
        ctx.header(Header.RETRY_AFTER, RETRY_AFTER_SECONDS);
        problem(ctx, 503, "kafka-unavailable", "Article not stored",
                "Kafka did not acknowledge the write (" + cause.getClass().getSimpleName()
                        + ") in time; the outcome is unknown, and retrying the same version is safe (a version "
                        + "stored twice is published once)");
    }

    private void postBatch(Context ctx) {
        if ((!Requests.hasContentType(ctx, "application/x-ndjson") && !Requests.hasContentType(ctx, "application/jsonl"))
                || !Requests.declaresUtf8OrNothing(ctx)) {
            unsupported(ctx, "application/x-ndjson");
            return;
        }
        if (Requests.declaredLength(ctx) > limits.maxBatchBytes()) {
            tooLarge(ctx, limits.maxBatchBytes());
            return;
        }
        byte[] body = Requests.boundedBody(ctx, limits.maxBatchBytes());
        if (body == null) {
            tooLarge(ctx, limits.maxBatchBytes());
            return;
        }
        // read no further than one line over the limit: a huge batch of tiny lines costs neither parsing nor memory
        List<NdjsonLines.Line> lines = batchLines(body, limits.maxBatchLines() + 1);
        long nonBlank = lines.size();
        if (nonBlank > limits.maxBatchLines()) {
            count("rejected", provider(ctx), "batch-too-large");
            problem(ctx, 413, "batch-too-large", "Batch too large",
                    "at most " + limits.maxBatchLines() + " articles per batch (got more)");
            return;
        }
        if (nonBlank == 0) {
            count("rejected", provider(ctx), "empty-batch");
            problem(ctx, 400, "empty-batch", "Empty batch", "the body holds no NDJSON lines");
            return;
        }
        List<Integer> lineNumbers = new ArrayList<>();
        List<ParsedArticle> parsed = new ArrayList<>();
        java.util.Set<Integer> forbiddenLines = new java.util.HashSet<>(); // counted as forbidden already
        for (NdjsonLines.Line line : lines) {
            lineNumbers.add(line.number());
            ParsedArticle p = line.tooLong()
                    ? ParsedArticle.refused("$", "line longer than " + limits.maxRequestBytes() + " bytes (max.request.bytes)")
                    : !line.validUtf8() ? ParsedArticle.notUtf8() : parser.parse(line.text(), provider(ctx));
            Optional<Refusal> refusal = refusalOf(provider(ctx), p);
            if (refusal.isPresent()) {
                countRefusal(ctx, p, refusal.get());
                p = new ParsedArticle(null, List.of(new FieldError(refusal.get().field(), refusal.get().detail())),
                        List.of(), p.idOrNull());
                forbiddenLines.add(lineNumbers.size() - 1);
            }
            parsed.add(p);
        }
        BatchWriter.Outcome outcome = batchWriter.write(provider(ctx),
                new BatchWriter.Lines(lineNumbers, parsed, forbiddenLines), (article, ack) -> logAccepted(ctx, article, ack));
        log.info("Batch handled provider={} accepted={} rejected={} failed={}", provider(ctx),
                outcome.answer().get("accepted"), outcome.answer().get("rejected"), outcome.answer().get("failed"));
        if (outcome.retryLater()) {
            ctx.header(Header.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        send(ctx, outcome.status(), "application/json", outcome.answer());
    }

    /**
     * A batch's non-blank lines: split at newlines, each line strict UTF-8 and at most max.request.bytes (the
     * longest single article), so a bad line is refused alone and a huge one is never held whole.
     */
    private List<NdjsonLines.Line> batchLines(byte[] body, int atMost) {
        List<NdjsonLines.Line> lines = new ArrayList<>();
        try (NdjsonLines reader = new NdjsonLines(new java.io.ByteArrayInputStream(body),
                (int) Math.min(Integer.MAX_VALUE - 8L, limits.maxRequestBytes()))) {
            NdjsonLines.Line line;
            while (lines.size() < atMost && (line = reader.next()) != null) {
                if (!line.blank()) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a batch held in memory", e); // a byte array does not fail
        }
        return lines;
    }

    static String acceptedStatus(RawArticle article) {
        return switch (article.getPubStatus()) {
            case CANCELED -> "kill-accepted";
            case WITHHELD -> "withhold-accepted";
            default -> "accepted";
        };
    }

    private static Map<String, Object> accepted(RawArticle article, RecordMetadata ack) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", article.getUri());
        answer.put("version", article.getVersion());
        answer.put("status", acceptedStatus(article));
        answer.put("topic", ack.topic());
        answer.put("partition", ack.partition());
        answer.put("offset", ack.offset());
        return answer;
    }

    /** The id the refused article claims, if any, for the log: bounded and without control characters. */
    private String idForLog(byte[] body) {
        try {
            com.fasterxml.jackson.databind.JsonNode node = json.readTree(body);
            return LogValues.printable(node == null ? null : node.path("uri").asText(node.path("id").asText(null)), 100);
        } catch (IOException | RuntimeException e) {
            return null; // not JSON at all: the errors say so
        }
    }

    private void unsupported(Context ctx, String expected) {
        count("rejected", provider(ctx), "unsupported-media-type");
        problem(ctx, 415, "unsupported-media-type", "Unsupported media type",
                "send Content-Type: " + expected + " (got " + ctx.contentType() + ")");
    }

    private void tooLarge(Context ctx, long limit) {
        count("rejected", provider(ctx), "too-large");
        problem(ctx, 413, "too-large", "Request too large", "the request body must be at most " + limit + " bytes");
    }

    private void problem(Context ctx, int status, String type, String title, String detail) {
        send(ctx, status, Problem.MEDIA_TYPE, Problem.of(status, type, title, detail));
    }

    private void send(Context ctx, int status, String contentType, Map<String, Object> body) {
        String requestId = ctx.attribute(REQUEST_ID_HEADER);
        if (requestId != null) {
            body = new LinkedHashMap<>(body);
            body.put("requestId", requestId);
        }
        try {
            ctx.status(status).contentType(contentType).result(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render an answer", e);
        }
    }

    private void count(String result, String provider, String reason) {
        metrics.count(result, provider, reason);
    }

    private static String provider(Context ctx) {
        String p = ctx.attribute(PROVIDER);
        return p == null ? "none" : p;
    }
}
