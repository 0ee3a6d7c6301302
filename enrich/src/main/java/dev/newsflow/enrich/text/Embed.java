package dev.newsflow.enrich.text;

/**
 * A third party's piece the story embeds (a video, a social post, a chart), by its provider and its own address, and
 * where in the story it stands. A site shows it its own way (a privacy-friendly click-to-load, an oEmbed card): the
 * body never carries the embed's markup, and its words (a caption, a post's fallback text) are not the story's.
 *
 * @param provider       who serves it: {@code youtube}, {@code vimeo}, {@code dailymotion}, {@code spotify},
 *                       {@code soundcloud}, {@code facebook}, {@code x}, {@code instagram}, {@code tiktok},
 *                       {@code datawrapper} or {@code flourish}
 * @param url            its canonical public address (https), as the provider links it: a YouTube player becomes
 *                       its watch page
 * @param afterParagraph how many of the story's paragraphs stand before it (0: above the first)
 */
public record Embed(String provider, String url, int afterParagraph) {

    /** This embed placed after {@code paragraphs} paragraphs. */
    public Embed at(int paragraphs) {
        return new Embed(provider, url, paragraphs);
    }
}
