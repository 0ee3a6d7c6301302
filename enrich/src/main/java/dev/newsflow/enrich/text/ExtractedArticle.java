package dev.newsflow.enrich.text;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The main content found in an HTML page, an HTML fragment or plain text.
 *
 * @param title      headline found in the document, or null
 * @param byline     author line found in the document ("Post by : Jane Doe" becomes "Jane Doe"), or null
 * @param published  publication time found in the document, or null
 * @param paragraphs clean paragraphs of main text, no markup, whitespace normalised: the texts of {@code blocks}
 * @param blocks     the same paragraphs with the source's structure ({@link TextBlock}); plain ones for plain text
 * @param image      the lead image the page or fragment names, or null (always for plain text)
 * @param embeds     the videos, posts and charts the story embeds, in order, each placed among {@code paragraphs}
 *                   (none for plain text)
 */
public record ExtractedArticle(String title, String byline, Instant published, List<String> paragraphs,
                               List<TextBlock> blocks, LeadImage image, List<Embed> embeds) {
    public ExtractedArticle {
        paragraphs = List.copyOf(paragraphs);
        blocks = List.copyOf(blocks);
        embeds = List.copyOf(embeds);
    }

    /** Paragraphs without structure (plain text). */
    public ExtractedArticle(String title, String byline, Instant published, List<String> paragraphs) {
        this(title, byline, published, paragraphs, paragraphs.stream().map(TextBlock::paragraph).toList(), null,
                List.of());
    }

    /** From blocks: the paragraphs are their texts. */
    public static ExtractedArticle ofBlocks(String title, String byline, Instant published, List<TextBlock> blocks,
                                            LeadImage image, List<Embed> embeds) {
        return new ExtractedArticle(title, byline, published, blocks.stream().map(TextBlock::text).toList(), blocks, image,
                embeds);
    }

    /** Real pages' bodies are 1.4 times their text (the 130 test pages); three times is markup gone wild. */
    public static final int MAX_MARKUP_RATIO = 3;

    /**
     * The paragraphs as HTML with the source's structure ({@link BodyHtml}): subheadings, lists, quotations, links,
     * bold and italics. A body whose markup outweighs its words (inline elements held open over thousands of
     * paragraphs, as a broken or hostile page can) is given as plain paragraphs instead: its HTML must stay about the
     * size of its text.
     */
    public String bodyHtml() {
        int textChars = 0;
        for (TextBlock b : blocks) {
            textChars += b.text().length() + 7; // and "<p></p>"
            if (b.kind().isTableRow()) { // a results table is mostly short cells: each with words may take a tag pair
                textChars += 10 * b.number();
            } else if (b.kind() == TextBlock.Kind.PREFORMATTED) { // code is indented: white space the source had
                textChars += b.html().length();
            }
        }
        String html = BodyHtml.render(blocks);
        return html.length() <= MAX_MARKUP_RATIO * textChars + 4_096 ? html : BodyHtml.ofParagraphs(paragraphs);
    }

    /**
     * Without a first paragraph that only repeats the headline (a page's h1 above the story, a CMS that puts the
     * headline into the body): a site shows the headline above the body already. Kept when it is the only one.
     */
    public ExtractedArticle withoutRepeatedHeadline(String headline) {
        if (headline == null || paragraphs.size() < 2 || paragraphs.get(0).length() > 2 * headline.length() + 16
                || !sameWords(paragraphs.get(0), headline)) { // the length first: most first paragraphs are sentences
            return this;
        }
        List<Embed> moved = embeds.stream().map(e -> e.at(Math.max(0, e.afterParagraph() - 1))).toList();
        return new ExtractedArticle(title, byline, published, paragraphs.subList(1, paragraphs.size()),
                blocks.subList(1, blocks.size()), image, moved);
    }

    private static boolean sameWords(String a, String b) {
        return a.replaceAll("[^\\p{L}\\p{N}]+", " ").strip().toLowerCase(Locale.ROOT)
                .equals(b.replaceAll("[^\\p{L}\\p{N}]+", " ").strip().toLowerCase(Locale.ROOT));
    }

    /** Paragraphs separated by a blank line. */
    public String text() {
        return String.join("\n\n", paragraphs);
    }
}
