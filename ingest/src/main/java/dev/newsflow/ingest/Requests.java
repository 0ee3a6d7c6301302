package dev.newsflow.ingest;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/** What the API reads off an HTTP request before any article: its content type, declared length, body and key. */
final class Requests {

    private Requests() {
    }

    /** Request text must be UTF-8 (JSON's own rule): a declared charset that is not is refused, not misread. */
    static boolean declaresUtf8OrNothing(Context ctx) {
        String type = ctx.contentType();
        if (type == null) {
            return true;
        }
        for (String parameter : type.split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                String charset = pair[1].strip().replace("\"", "");
                return charset.equalsIgnoreCase("utf-8") || charset.equalsIgnoreCase("utf8");
            }
        }
        return true;
    }

    /** Whether the request declares {@code expected} as its media type (parameters such as charset aside). */
    static boolean hasContentType(Context ctx, String expected) {
        String type = ctx.contentType();
        return type != null && type.toLowerCase(Locale.ROOT).split(";")[0].strip().equals(expected);
    }

    /**
     * The request body, or null when it is longer than {@code limit}. Reads no further than that whatever the client
     * declared: a chunked body declares no length, and Javalin's own limit only checks the declared one.
     */
    static byte[] boundedBody(Context ctx, long limit) {
        try {
            InputStream in = ctx.req().getInputStream();
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            return body.length > limit ? null : body;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
    }

    /** The Content-Length the client declared, or -1 (a chunked body). */
    static long declaredLength(Context ctx) {
        return ctx.contentLength();
    }

    /** The token of an {@code Authorization: Bearer} header, or null. */
    static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).strip();
    }
}
