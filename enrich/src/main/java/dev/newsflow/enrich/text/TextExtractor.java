package dev.newsflow.enrich.text;

/** Turns a pushed body into clean paragraphs: whole page, fragment or plain text. */
public interface TextExtractor {

    /**
     * @param body the body as pushed
     * @param html true when the body is HTML (a whole page or a fragment), false for plain text
     */
    ExtractedArticle extract(String body, boolean html);

    /**
     * As {@link #extract(String, boolean)}, for a body whose address is known: relative links and images in it are
     * resolved against {@code address} when the page names no base of its own.
     *
     * @param address the article's absolute http(s) address as the sender gave it, or null
     */
    default ExtractedArticle extract(String body, boolean html, String address) {
        return extract(body, html);
    }
}
