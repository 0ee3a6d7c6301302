package dev.newsflow.enrich.text;

/** Turns a pushed body into clean paragraphs: whole page, fragment or plain text. */
public interface TextExtractor {

    /**
     * @param body the body as pushed
     * @param html true when the body is HTML (a whole page or a fragment), false for plain text
     */
    ExtractedArticle extract(String body, boolean html);
}
