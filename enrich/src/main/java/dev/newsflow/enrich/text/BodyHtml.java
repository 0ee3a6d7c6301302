package dev.newsflow.enrich.text;

import java.util.List;

/**
 * The article body as HTML a site can show: paragraphs, the source's subheadings ({@code h2}, {@code h3}), lists,
 * quotations, and links, bold and italics inside them. Built from {@link TextBlock}s, whose words are the text's, so
 * the body never says more or less than the text that was classified, tagged and teased. Publish cleans it again
 * before it reaches a post.
 */
public final class BodyHtml {

    private BodyHtml() {
    }

    /** Paragraphs only, as {@code <p>} elements: for plain text. */
    public static String ofParagraphs(List<String> paragraphs) {
        return render(paragraphs.stream().map(TextBlock::paragraph).toList());
    }

    /**
     * The blocks in order; consecutive list items of one list become one {@code <ul>} or {@code <ol>}, consecutive
     * paragraphs of one quotation one {@code <blockquote>}.
     */
    public static String render(List<TextBlock> blocks) {
        int size = 0;
        for (TextBlock b : blocks) {
            size += b.html().length() + 16;
        }
        StringBuilder out = new StringBuilder(size);
        TextBlock open = null; // the list or quotation still open
        for (TextBlock b : blocks) {
            if (open != null && (open.kind() != b.kind() || open.group() != b.group())) {
                out.append(closing(open.kind()));
                open = null;
            }
            switch (b.kind()) {
                case HEADING -> out.append("<h2>").append(b.html()).append("</h2>");
                case SUBHEADING -> out.append("<h3>").append(b.html()).append("</h3>");
                case BULLET, NUMBERED, QUOTE -> {
                    if (open == null) {
                        out.append(b.kind() == TextBlock.Kind.BULLET ? "<ul>" : b.kind() == TextBlock.Kind.NUMBERED ? "<ol>" : "<blockquote>");
                        open = b;
                    }
                    String tag = b.kind() == TextBlock.Kind.QUOTE ? "p" : "li";
                    out.append('<').append(tag).append('>').append(b.html()).append("</").append(tag).append('>');
                }
                case PARAGRAPH -> out.append("<p>").append(b.html()).append("</p>");
            }
        }
        if (open != null) {
            out.append(closing(open.kind()));
        }
        return out.toString();
    }

    private static String closing(TextBlock.Kind kind) {
        return kind == TextBlock.Kind.BULLET ? "</ul>" : kind == TextBlock.Kind.NUMBERED ? "</ol>" : "</blockquote>";
    }

    /** Text as HTML text: {@code & < >} escaped (a quotation mark needs it only in an attribute). */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        escape(text, 0, text.length(), out);
        return out.toString();
    }

    /** A value for a double-quoted attribute: as {@link #escape(String)}, and {@code "} too. */
    public static String escapeAttribute(String value) {
        return escape(value).replace("\"", "&quot;");
    }

    /**
     * {@code text[start, end)} escaped as by {@link #escape(String)}, appended to {@code out}. Three characters by hand
     * rather than jsoup's {@code Entities.escape}: the paragraph collector appends each run of words straight into
     * the builder it already holds, and jsoup's call takes and returns a whole string.
     */
    public static void escape(CharSequence text, int start, int end, StringBuilder out) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
    }
}
