package dev.newsflow.enrich.text;

import java.time.Instant;
import java.util.List;

/**
 * The main content found in an HTML page, an HTML fragment or plain text.
 *
 * @param title      headline found in the document, or null
 * @param byline     author line found in the document ("Post by : Jane Doe" becomes "Jane Doe"), or null
 * @param published  publication time found in the document, or null
 * @param paragraphs clean paragraphs of main text, no markup, whitespace normalised
 * @param bodyHtml   the same paragraphs as HTML with the source's structure ({@link BodyHtml}): subheadings, lists,
 *                   quotations, links, bold and italics; plain {@code <p>} elements for plain text
 * @param image      the lead image the page or fragment names, or null (always for plain text)
 */
public record ExtractedArticle(String title, String byline, Instant published, List<String> paragraphs, String bodyHtml,
                               LeadImage image) {
    public ExtractedArticle {
        paragraphs = List.copyOf(paragraphs);
    }

    /** Paragraphs without structure (plain text): the body HTML is one {@code <p>} each. */
    public ExtractedArticle(String title, String byline, Instant published, List<String> paragraphs) {
        this(title, byline, published, paragraphs, BodyHtml.ofParagraphs(paragraphs), null);
    }

    /**
     * From blocks: the paragraphs are their texts. A body whose markup outweighs its words (inline elements held open
     * over thousands of paragraphs, as a broken or hostile page can) is given as plain paragraphs instead: its HTML
     * must stay about the size of its text.
     */
    public static ExtractedArticle ofBlocks(String title, String byline, Instant published, List<TextBlock> blocks,
                                            LeadImage image) {
        List<String> paragraphs = blocks.stream().map(TextBlock::text).toList();
        int textChars = 0;
        for (String p : paragraphs) {
            textChars += p.length() + 7; // and "<p></p>"
        }
        String html = BodyHtml.render(blocks);
        return new ExtractedArticle(title, byline, published, paragraphs,
                html.length() <= MAX_MARKUP_RATIO * textChars + 4_096 ? html : BodyHtml.ofParagraphs(paragraphs), image);
    }

    /** Real pages' bodies are 1.4 times their text (the 130 test pages); three times is markup gone wild. */
    public static final int MAX_MARKUP_RATIO = 3;

    /** Paragraphs separated by a blank line. */
    public String text() {
        return String.join("\n\n", paragraphs);
    }
}
