package dev.newsflow.ingest;

/** One reason an article was refused, named by its JSON field. */
public record FieldError(String field, String message) {
    /** As an answer shows it: field first, then message, in that order every time. */
    public java.util.Map<String, Object> toJson() {
        java.util.Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("field", field);
        json.put("message", message);
        return json;
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
