package dev.newsflow.runtime;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Article ids in URL paths: ids may hold '/' ("wire/2026/a-1"), which must stay a path separator. */
public final class UrlPaths {

    private UrlPaths() {
    }

    /** {@code id} with each '/'-separated segment percent-encoded and the slashes kept: "wire/a+b c" → "wire/a%2Bb%20c". */
    public static String encodeSegments(String id) {
        return Arrays.stream(id.split("/", -1))
                .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
    }
}
