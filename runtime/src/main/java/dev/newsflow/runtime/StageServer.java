package dev.newsflow.runtime;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
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

    private StageServer(String stage, Javalin app) {
        this.stage = stage;
        this.app = app;
    }

    /**
     * @param maxRequestBytes largest request body the server reads (the ingest API bounds it; others need little)
     * @param routes          extra routes of the stage, registered before start
     */
    public static StageServer start(String stage, String host, int port, long maxRequestBytes,
                                    PrometheusMeterRegistry registry, Supplier<HealthStatus> liveness,
                                    Supplier<HealthStatus> readiness, Consumer<Javalin> routes) {
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.prefer405over404 = true; // a wrong method is a client error to name, not a missing page
            config.http.maxRequestSize = maxRequestBytes;
            config.useVirtualThreads = false;
        });
        app.get("/health/live", ctx -> respond(ctx, stage, liveness.get()));
        app.get("/health/ready", ctx -> respond(ctx, stage, readiness.get()));
        app.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape()));
        app.get("/status", ctx -> ctx.html(statusPage(stage, liveness.get(), readiness.get(), registry)));
        routes.accept(app);
        app.start(host, port);
        log.info("HTTP server started stage={} port={}", stage, app.port());
        return new StageServer(stage, app);
    }

    /**
     * A server with only the given routes (no health, metrics or status): ingest's API on its own port, when the
     * operator endpoints are served on another one.
     */
    public static StageServer startBare(String stage, String host, int port, long maxRequestBytes, Consumer<Javalin> routes) {
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = maxRequestBytes;
            config.useVirtualThreads = false;
        });
        routes.accept(app);
        app.start(host, port);
        log.info("HTTP server started stage={} port={} routes=own only", stage, app.port());
        return new StageServer(stage, app);
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

    /** A page an operator can read at 3 a.m.: is it up, is it ready, and the pipeline's own counters. */
    static String statusPage(String stage, HealthStatus live, HealthStatus ready, PrometheusMeterRegistry registry) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>newsflow ").append(esc(stage))
                .append(" status</title><meta http-equiv=\"refresh\" content=\"5\"><style>")
                .append("body{font:14px system-ui,sans-serif;margin:2em}td,th{padding:2px 12px;text-align:left}")
                .append(".UP{color:#0a0}.DOWN{color:#c00}</style></head><body>")
                .append("<h1>newsflow ").append(esc(stage)).append("</h1><table>");
        row(html, "live", live);
        row(html, "ready", ready);
        html.append("</table><h2>Pipeline counters</h2><table><tr><th>metric</th><th>tags</th><th>value</th></tr>");
        registry.getMeters().stream()
                .filter(m -> m.getId().getName().startsWith("newsflow."))
                .sorted((a, b) -> (a.getId().getName() + a.getId().getTags()).compareTo(b.getId().getName() + b.getId().getTags()))
                // the names /metrics, the docs and the alerts use (newsflow_posts_out_total), not Micrometer's dotted ones
                .forEach(m -> html.append("<tr><td>").append(esc(prometheusName(registry, m))).append("</td><td>")
                        .append(esc(tags(m))).append("</td><td>")
                        .append(esc(value(m))).append("</td></tr>"));
        html.append("</table><p><a href=\"/metrics\">Prometheus metrics</a> · <a href=\"/health/ready\">readiness JSON</a></p>")
                .append("</body></html>");
        return html.toString();
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
                .append('=').append(m.getValue() == Math.rint(m.getValue()) ? String.valueOf((long) m.getValue()) : String.valueOf(m.getValue())));
        return sb.toString();
    }

    private static String esc(String s) {
        return Entities.escape(s);
    }
}
