package dev.newsflow.runtime;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Article ids in URL paths: ids may hold '/' ("wire/2026/a-1"), which must stay a path separator. */
public final class UrlPaths {

    private UrlPaths() {
    }

    /**
     * Whether {@code url} is an absolute http(s) URL with a host that a site can put in an {@code href} as it is: no
     * white space, control character, quote, backtick or angle bracket (which would end the attribute or open a tag).
     * Not a full URI check: internationalised hosts ("bücher.de") and hosts with '_' are real.
     */
    public static boolean isSafeHttpUrl(String url) {
        if (url == null) {
            return false;
        }
        int authority = url.regionMatches(true, 0, "https://", 0, 8) ? 8
                : url.regionMatches(true, 0, "http://", 0, 7) ? 7 : -1;
        if (authority < 0 || authority == url.length() || "/?#".indexOf(url.charAt(authority)) >= 0) {
            return false; // "https://", "http:///path": no host
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || c == 0x7F || Character.isWhitespace(c) || Character.isISOControl(c)
                    || "\"'<>`\\".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code id} with each '/'-separated segment percent-encoded and the slashes kept: "wire/a+b c" → "wire/a%2Bb%20c". */
    public static String encodeSegments(String id) {
        return Arrays.stream(id.split("/", -1))
                .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
    }
}
