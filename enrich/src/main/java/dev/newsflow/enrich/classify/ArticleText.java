package dev.newsflow.enrich.classify;

import dev.newsflow.enrich.text.extract.MainTextExtractor;
import org.jsoup.Jsoup;

import java.util.regex.Pattern;

/**
 * The text the classifier reads when it is handed headline and body directly ({@code newsflow classify}, labelled
 * files): an HTML body goes through the same {@link MainTextExtractor} as in the enrich stage, so its paragraphs are
 * separated by a blank line there as here and an article's lead ({@link Vectorizer#leadEnd}) is the same whichever
 * way it came in. Plain text is read as it is.
 */
public final class ArticleText {

    // possessive: "<a" and a million letters without a ">" took quadratic time with backtracking (1.7 s at 40k)
    private static final Pattern LOOKS_LIKE_HTML = Pattern.compile("<(?:[a-zA-Z][a-zA-Z0-9]*+|/[a-zA-Z][a-zA-Z0-9]*+|!--)[^<>]*+>");
    private static final MainTextExtractor EXTRACTOR = new MainTextExtractor(); // thread-safe, no per-call state

    private ArticleText() {
    }

    public static String plain(String title, String body) {
        return Vectorizer.articleText(headline(title), stripHtml(body));
    }

    /** A headline has no paragraphs: markup out, its text as one line. */
    public static String headline(String title) {
        return looksLikeHtml(title) ? Jsoup.parse(title).text() : title == null ? "" : title;
    }

    /** An HTML body's main text, paragraphs separated by a blank line; plain text unchanged. */
    public static String stripHtml(String text) {
        return looksLikeHtml(text) ? EXTRACTOR.extract(text, true).text() : text == null ? "" : text;
    }

    static boolean looksLikeHtml(String text) {
        return text != null && text.indexOf('<') >= 0 && LOOKS_LIKE_HTML.matcher(text).find();
    }
}
