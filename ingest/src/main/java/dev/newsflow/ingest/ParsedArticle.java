package dev.newsflow.ingest;

import dev.newsflow.schemas.avro.RawArticle;
import java.util.List;

/**
 * The outcome of reading one article: either a valid {@link RawArticle} or every reason it is not.
 *
 * @param article       the article, or null when invalid
 * @param errors        every invalid field; empty when valid
 * @param ignoredFields fields the sender gave that newsflow does not know, and on a kill or withhold the optional
 *                      fields in error, left out (reported back, not fatal)
 * @param sentId        the article's id when it could be read, valid or not (for reports); else null
 */
public record ParsedArticle(RawArticle article, List<FieldError> errors, List<String> ignoredFields, String sentId) {
    public ParsedArticle {
        errors = List.copyOf(errors);
        ignoredFields = List.copyOf(ignoredFields);
        if (sentId == null && article != null) {
            sentId = article.getUri();
        }
    }

    public ParsedArticle(RawArticle article, List<FieldError> errors, List<String> ignoredFields) {
        this(article, errors, ignoredFields, null);
    }

    /** A line or request refused for one reason before (or instead of) reading its fields. */
    static ParsedArticle refused(String field, String message) {
        return new ParsedArticle(null, List.of(new FieldError(field, message)), List.of());
    }

    /** Bytes that are not UTF-8: the API and the importer refuse them in the same words. */
    static ParsedArticle notUtf8() {
        return refused("$", "not valid UTF-8");
    }

    public boolean valid() {
        return article != null;
    }

    /** The article id as sent, when readable, for error reports. */
    public String idOrNull() {
        return sentId;
    }
}
