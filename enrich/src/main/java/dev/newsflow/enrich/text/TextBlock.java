package dev.newsflow.enrich.text;

/**
 * One paragraph of main text as a post shows it: its words, what kind of block it is, and the same words as
 * inline HTML (escaped text with the source's links, bold and italics, nothing else).
 *
 * @param text   the paragraph's clean text, exactly as in {@link ExtractedArticle#paragraphs()}
 * @param kind   what the source marked it as
 * @param group  which list or quotation it belongs to: consecutive blocks of one kind and group are one list or one
 *               quotation, so two lists in a row stay two
 * @param item   which list item it is part of (an item may hold several paragraphs), or 0 outside a list item
 * @param number the number a numbered list shows for its item (its {@code start}, then counting), else 0
 * @param countdown whether its numbered list counts down ({@code <ol reversed>})
 * @param html   {@code text} as inline HTML: escaped, with {@code <a href>} (absolute http/https links only),
 *               {@code <strong>}, {@code <em>}, {@code <sup>} and {@code <sub>}; balanced
 */
public record TextBlock(String text, Kind kind, int group, int item, int number, boolean countdown, String html) {

    /** The structure a post keeps; everything else (tables, definition lists, preformatted text) is a paragraph. */
    public enum Kind {
        PARAGRAPH, HEADING, SUBHEADING, BULLET, NUMBERED, QUOTE
    }

    /** A plain paragraph: its HTML is its escaped text. */
    public static TextBlock paragraph(String text) {
        return new TextBlock(text, Kind.PARAGRAPH, 0, 0, 0, false, BodyHtml.escape(text));
    }
}
