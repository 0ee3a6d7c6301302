package dev.newsflow.schemas;

import java.util.regex.Pattern;

/**
 * The form of an article's {@code language}: an ISO 639-1 code, optionally with a region ("en", "pt-BR"). Ingest
 * also checks the code against the ISO list; enrich dead-letters a raw record whose language breaks the form (written
 * by something other than ingest).
 */
public final class LanguageCodes {

    public static final Pattern FORM = Pattern.compile("[a-z]{2}(-[A-Za-z]{2})?");

    private LanguageCodes() {
    }
}
