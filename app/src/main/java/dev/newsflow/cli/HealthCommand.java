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
        description = "Exit 0 if the URL (default: this host's readiness endpoint) answers HTTP 200, else 1.")
final class HealthCommand implements Callable<Integer> {

    @Parameters(index = "0", defaultValue = "http://127.0.0.1:8080/health/ready", paramLabel = "URL")
    URI url;

    @Override
    public Integer call() {
        try {
            HttpResponse<Void> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(3)).GET().build(),
                            HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 ? 0 : 1;
        } catch (java.io.IOException e) {
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
