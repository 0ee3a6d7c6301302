package dev.newsflow.runtime;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jsoup.nodes.Entities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of one stage: {@code /health/live}, {@code /health/ready}, {@code /metrics} (Prometheus text) and a
 * human {@code /status} page; a stage may add routes (ingest adds its API).
 */
public final class StageServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StageServer.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    /** A server with only operator endpoints takes GETs: no request needs a body. */
    public static final long OPS_MAX_REQUEST_BYTES = 64 * 1024;

    private final String stage;
    private final Javalin app;
    private final CounterRates rates;

    private StageServer(String stage, Javalin app, CounterRates rates) {
        this.stage = stage;
        this.app = app;
        this.rates = rates;
    }

    /**
     * @param maxRequestBytes largest request body the server reads (the ingest API bounds it; others need little)
     * @param routes          extra routes of the stage, registered before start
     */
    public static StageServer start(String stage, String host, int port, long maxRequestBytes,
                                    PrometheusMeterRegistry registry, Supplier<HealthStatus> liveness,
                                    Supplier<HealthStatus> readiness, Consumer<Javalin> routes) {
        Javalin app = create(maxRequestBytes);
        app.get("/health/live", ctx -> respond(ctx, stage, liveness.get()));
        app.get("/health/ready", ctx -> respond(ctx, stage, readiness.get()));
        app.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape()));
        CounterRates rates = new CounterRates(registry, java.time.Clock.systemUTC()).start(stage);
        app.get("/status", ctx -> ctx.html(statusPage(stage, liveness.get(), readiness.get(), registry, rates)));
        routes.accept(app);
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            rates.close();
            throw e;
        }
        log.info("HTTP server started stage={} port={}", stage, app.port());
        return new StageServer(stage, app, rates);
    }

    /**
     * A server with only the given routes (no health, metrics or status): ingest's API on its own port, when the
     * operator endpoints are served on another one.
     */
    public static StageServer startBare(String stage, String host, int port, long maxRequestBytes, Consumer<Javalin> routes) {
        Javalin app = create(maxRequestBytes);
        routes.accept(app);
        app.start(host, port);
        log.info("HTTP server started stage={} port={} routes=own only", stage, app.port());
        return new StageServer(stage, app, null);
    }

    /**
     * A body that arrives slower than this on average, from its first byte, is refused (408) and its thread freed: a
     * client dripping a byte every few seconds restarted Jetty's idle timeout with each one and held a thread, and a
     * share of ingest's body budget, for as long as it liked. Lenient on purpose (a CMS on a poor link must get its
     * story through): the largest batch (16 MiB) takes 70 minutes at this rate, and what one sender holds meanwhile
     * is bounded by ingest's body budget per key.
     */
    public static final long MIN_REQUEST_BYTES_PER_SECOND = 4 * 1024;

    /** A server as every stage's is configured, its own and the operators' alike. */
    private static Javalin create(long maxRequestBytes) {
        return Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.prefer405over404 = true; // a wrong method is a client error to name, not a missing page
            config.http.maxRequestSize = maxRequestBytes;
            config.useVirtualThreads = false;
            config.jetty.modifyHttpConfiguration(http -> http.setMinRequestDataRate(MIN_REQUEST_BYTES_PER_SECOND));
        });
    }

    /** The server's slowest accepted body rate, as Jetty was told it (for tests). */
    long minRequestDataRate() {
        return app.jettyServer().server().getConnectors()[0]
                .getConnectionFactory(org.eclipse.jetty.server.HttpConnectionFactory.class)
                .getHttpConfiguration().getMinRequestDataRate();
    }

    public int port() {
        return app.port();
    }

    /** Base URL on the loopback address, e.g. {@code http://127.0.0.1:8080}. */
    public String localUrl() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        if (rates != null) {
            rates.close();
        }
        app.stop();
        log.info("HTTP server stopped stage={}", stage);
    }

    private static void respond(Context ctx, String stage, HealthStatus status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("stage", stage);
        body.put("status", status.up() ? "UP" : "DOWN");
        body.put("details", new TreeMap<>(status.details()));
        ctx.status(status.up() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(body);
    }

    /** Counters whose growth means something is wrong: shown first on the status page, with what to read next. */
    private static final Map<String, String> TROUBLE = Map.of(
            "newsflow.dead.letters", "newsflow dead-letters --newest (docs/operations.md, Dead letters)",
            "newsflow.stream.thread.deaths", "the ERROR lines 'Stream thread died' and 'Could not write a record'",
            "newsflow.production.failures", "the ERROR line 'Could not write a record': what to check is in it");

    /**
     * A page an operator can read at 3 a.m.: what needs attention first (dead letters, thread deaths, records Kafka
     * refused, failed writes, lag that is not measurable), then health, then the counters that moved, with their
     * growth over the last minute; counters still at 0 are left to /metrics.
     */
    static String statusPage(String stage, HealthStatus live, HealthStatus ready, PrometheusMeterRegistry registry,
                             CounterRates rates) {
        StringBuilder html = new StringBuilder(8192);
        java.time.Instant now = java.time.Instant.now();
        java.time.Instant startedAt = java.time.Instant.ofEpochMilli(
                java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
        String version = NewsflowVersion.get();
        html.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>newsflow ").append(esc(stage))
                .append(" status</title><meta http-equiv=\"refresh\" content=\"5\"><style>")
                .append("body{font:14px system-ui,sans-serif;margin:2em}td,th{padding:2px 12px;text-align:left;vertical-align:top}")
                .append(".UP{color:#0a0}.DOWN,.bad{color:#c00}.muted{color:#777}</style></head><body>")
                .append("<h1>newsflow ").append(esc(stage)).append("</h1><p class=\"muted\">")
                .append(esc(now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())).append(" · up ")
                .append(esc(readable(java.time.Duration.between(startedAt, now)))).append(" (since ")
                .append(esc(startedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())).append(")")
                .append(version == null ? "" : " · version " + esc(version)).append("</p>");
        attention(html, ready, registry, rates);
        html.append("<h2>Health</h2><table>");
        row(html, "live", live);
        row(html, "ready", ready);
        html.append("</table><h2>Counters that moved</h2><table><tr><th>metric</th><th>tags</th><th>since start</th><th>")
                .append(esc("last " + readable(rates.window()))).append("</th></tr>");
        int[] atZero = {0};
        sortedPipelineMeters(registry).forEach(m -> {
            if (m instanceof io.micrometer.core.instrument.Counter c && c.count() == 0) {
                atZero[0]++;
                return;
            }
            Double recent = rates.lastMinute(m);
            html.append("<tr><td>").append(esc(prometheusName(registry, m))).append("</td><td>").append(esc(tags(m)))
                    .append("</td><td>").append(esc(value(m))).append("</td><td>")
                    .append(recent == null ? "" : esc(number(recent))).append("</td></tr>");
        });
        html.append("</table><p class=\"muted\">").append(atZero[0]).append(" counters still at 0 are not shown.</p>")
                .append("<p><a href=\"/metrics\">Prometheus metrics</a> · <a href=\"/health/ready\">readiness JSON</a></p>")
                .append("</body></html>");
        return html.toString();
    }

    private static void attention(StringBuilder html, HealthStatus ready, PrometheusMeterRegistry registry,
                                  CounterRates rates) {
        List<String> items = new java.util.ArrayList<>();
        if (!ready.up()) {
            items.add("<b class=\"bad\">not ready</b>: " + esc(String.valueOf(new TreeMap<>(ready.details()))));
        }
        sortedPipelineMeters(registry).forEach(m -> {
            String name = m.getId().getName();
            if (m instanceof io.micrometer.core.instrument.Counter c && c.count() > 0
                    && (TROUBLE.containsKey(name) || name.equals("newsflow.ingest.requests")
                    && "failed".equals(m.getId().getTag("result")))) {
                Double recent = rates.lastMinute(m);
                items.add("<b class=\"bad\">" + esc(prometheusName(registry, m)) + "</b> " + esc(tags(m)) + ": "
                        + esc(number(c.count())) + " since start" + (recent == null ? "" : ", " + esc(number(recent))
                        + " in the last " + esc(readable(rates.window()))) + " · read "
                        + esc(TROUBLE.getOrDefault(name, "the WARN lines 'Article not written'")));
            }
            if (name.equals("newsflow.consumer.lag")) {
                double lag = m.measure().iterator().next().getValue();
                if (Double.isNaN(lag)) {
                    items.add("<b class=\"bad\">lag not measurable</b> (" + esc(tags(m)) + "): Kafka does not answer");
                } else if (lag > 0) {
                    items.add("lag " + esc(number(lag)) + " records (" + esc(tags(m)) + ")");
                }
            }
        });
        html.append("<h2>Needs attention</h2>");
        if (items.isEmpty()) {
            html.append("<p class=\"UP\">Nothing: no dead letters, thread deaths, refused records or failed writes"
                    + " since start, and no lag.</p>");
        } else {
            html.append("<ul>");
            items.forEach(item -> html.append("<li>").append(item).append("</li>"));
            html.append("</ul>");
        }
    }

    private static java.util.stream.Stream<Meter> sortedPipelineMeters(PrometheusMeterRegistry registry) {
        return registry.getMeters().stream().filter(m -> m.getId().getName().startsWith("newsflow."))
                .sorted((a, b) -> (a.getId().getName() + a.getId().getTags()).compareTo(b.getId().getName() + b.getId().getTags()));
    }

    private static String number(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** "3 h 12 min", "45 s". */
    private static String readable(java.time.Duration d) {
        long s = d.toSeconds();
        if (s < 120) {
            return s + " s";
        }
        if (s < 7200) {
            return s / 60 + " min";
        }
        return s / 3600 + " h " + s % 3600 / 60 + " min";
    }

    /** As on /metrics: the registry's naming, and counters with the "_total" the exposition format adds. */
    private static String prometheusName(PrometheusMeterRegistry registry, Meter meter) {
        String name = registry.config().namingConvention()
                .name(meter.getId().getName(), meter.getId().getType(), meter.getId().getBaseUnit());
        return meter.getId().getType() == Meter.Type.COUNTER && !name.endsWith("_total") ? name + "_total" : name;
    }

    /** "provider=cms, reason=invalid": the tags as a person reads them (the stage tag is the page's own). */
    private static String tags(io.micrometer.core.instrument.Meter meter) {
        return meter.getId().getTags().stream().filter(t -> !t.getKey().equals("stage"))
                .map(t -> t.getKey() + "=" + t.getValue()).collect(java.util.stream.Collectors.joining(", "));
    }

    private static void row(StringBuilder html, String name, HealthStatus status) {
        String word = status.up() ? "UP" : "DOWN";
        html.append("<tr><th>").append(name).append("</th><td class=\"").append(word).append("\">").append(word)
                .append("</td><td>").append(esc(new TreeMap<>(status.details()).toString())).append("</td></tr>");
    }

    private static String value(Meter meter) {
        StringBuilder sb = new StringBuilder();
        meter.measure().forEach(m -> sb.append(sb.length() == 0 ? "" : " ").append(m.getStatistic().getTagValueRepresentation())
                .append('=').append(number(m.getValue())));
        return sb.toString();
    }

    private static String esc(String s) {
        return Entities.escape(s);
    }
}
