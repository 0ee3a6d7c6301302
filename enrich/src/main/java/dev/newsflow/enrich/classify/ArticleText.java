package dev.newsflow.enrich.classify;

import org.jsoup.Jsoup;

import java.util.regex.Pattern;

/**
 * The text the classifier reads: headline and body, with HTML reduced to its text. This is not the article
 * extractor (which removes navigation and boilerplate from whole pages); it only makes an HTML body readable.
 */
public final class ArticleText {

    private static final Pattern LOOKS_LIKE_HTML = Pattern.compile("<(?:[a-zA-Z][a-zA-Z0-9]*|/[a-zA-Z][a-zA-Z0-9]*|!--)[^<>]*>");

    private ArticleText() {
    }

    public static String plain(String title, String body) {
        return Vectorizer.articleText(stripHtml(title), stripHtml(body));
    }

    public static String stripHtml(String text) {
        if (text == null || text.indexOf('<') < 0 || !LOOKS_LIKE_HTML.matcher(text).find()) {
            return text == null ? "" : text;
        }
        return Jsoup.parse(text).text();
    }
}
