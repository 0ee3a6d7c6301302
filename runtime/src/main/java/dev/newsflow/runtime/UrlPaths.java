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
     * white space, control character, quote, backtick or angle bracket (which would end the attribute or open a tag), no
     * invisible or direction-changing character (which would show a reader another address), no user name or password.
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
        int authorityEnd = authority;
        while (authorityEnd < url.length() && "/?#".indexOf(url.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        if (url.lastIndexOf('@', authorityEnd - 1) >= authority) {
            return false; // "https://user:secret@host/": a credential would go out to every site that reads the post
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            // controls (tab and new line too), spaces of every kind, and format characters
            if (Character.isISOControl(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT
                    || "\"'<>`\\".indexOf(c) >= 0) {
                return false; // also no-break spaces, and invisible or direction-changing marks (U+200B, U+202E)
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
