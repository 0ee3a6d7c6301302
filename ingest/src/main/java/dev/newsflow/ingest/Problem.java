package dev.newsflow.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An RFC 9457 problem document ({@code application/problem+json}). */
final class Problem {

    static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://newsflow.dev/problems/";

    private Problem() {
    }

    static Map<String, Object> of(int status, String type, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        return body;
    }

    static Map<String, Object> invalid(List<FieldError> errors) {
        Map<String, Object> body = of(400, "invalid-article", "Invalid article",
                errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid");
        body.put("errors", errors.stream().map(FieldError::toJson).toList());
        return body;
    }
}
