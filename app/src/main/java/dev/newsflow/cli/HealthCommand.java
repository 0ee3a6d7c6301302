package dev.newsflow.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** A health probe for containers whose image has no curl: exit 0 when the URL answers 200. */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = "Exit 0 if the URL (default: ingest's readiness endpoint on this host; give the URL for enrich or publish) answers HTTP 200, else 1.")
final class HealthCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", defaultValue = "http://127.0.0.1:8080/health/ready", paramLabel = "URL",
            description = "Default: ${DEFAULT-VALUE}.")
    URI url;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        // one line to stderr when it fails, so `docker inspect` and a person at a terminal both see why
        java.io.PrintWriter err = spec.commandLine().getErr();
        if (url.getScheme() == null || !url.getScheme().matches("(?i)https?") || url.getHost() == null) {
            // a URL it cannot ask is a mistake in the probe, not an unready stage: 2, as for one it cannot parse
            err.println("newsflow health: " + url + " is not an http(s) URL with a host, e.g. http://127.0.0.1:8081/health/ready");
            return 2;
        }
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(3)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return 0;
            }
            String body = response.body() == null ? "" : response.body().strip();
            err.println(url + " answered " + response.statusCode() + (body.isEmpty() ? ""
                    : ": " + (body.length() > 300 ? body.substring(0, 300) + "…" : body)));
            return 1;
        } catch (java.io.IOException e) {
            err.println(url + " did not answer: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
