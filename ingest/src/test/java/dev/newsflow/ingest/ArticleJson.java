package dev.newsflow.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test fixture builder for pushed JSON: {@code anArticle("a-1").with("urgency", 3).without("body").json()}. */
final class ArticleJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private ArticleJson() {
    }

    /** A valid plain-text article with the fields every article needs. */
    static ArticleJson anArticle(String id) {
        return new ArticleJson()
                .with("uri", id)
                .with("version", 1)
                .with("headline", "Headline of " + id)
                .with("body", "First paragraph of " + id + ".\n\nSecond paragraph.");
    }

    /** A kill line: canceled, no headline, no body. */
    static ArticleJson aKill(String id) {
        return new ArticleJson().with("uri", id).with("version", 2).with("pubStatus", "canceled");
    }

    static ArticleJson empty() {
        return new ArticleJson();
    }

    ArticleJson with(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    ArticleJson without(String field) {
        fields.remove(field);
        return this;
    }

    String json() {
        try {
            return MAPPER.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
