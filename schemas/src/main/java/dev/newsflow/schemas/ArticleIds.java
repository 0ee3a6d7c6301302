package dev.newsflow.schemas;

import java.util.regex.Pattern;

/**
 * What an article id (the {@code uri}, and every record's key) may be: 1 to 256 characters of letters, digits and
 * {@code :._~/@+-}, starting with a letter or digit. Ingest refuses any other; enrich dead-letters a raw record whose id
 * breaks it (written by something other than ingest), so no stage logs or keys anything else.
 */
public final class ArticleIds {

    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:._~/@+-]{0,255}");

    private ArticleIds() {
    }

    public static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
