package dev.newsflow.ingest;

/** One reason an article was refused, named by its JSON field. */
public record FieldError(String field, String message) {
    @Override
    public String toString() {
        return field + ": " + message;
    }
}
