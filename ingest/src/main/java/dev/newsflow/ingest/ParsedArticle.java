package dev.newsflow.ingest;

import dev.newsflow.schemas.avro.RawArticle;
import java.util.List;

/**
 * The outcome of reading one article: either a valid {@link RawArticle} or every reason it is not.
 *
 * @param article       the article, or null when invalid
 * @param errors        every invalid field; empty when valid
 * @param ignoredFields fields the sender gave that newsflow does not know (reported back, not fatal)
 */
public record ParsedArticle(RawArticle article, List<FieldError> errors, List<String> ignoredFields) {
    public ParsedArticle {
        errors = List.copyOf(errors);
        ignoredFields = List.copyOf(ignoredFields);
    }

    public boolean valid() {
        return article != null;
    }

    /** The article id as sent, when readable, for error reports. */
    public String idOrNull() {
        return article == null ? null : article.getUri();
    }
}
