package dev.newsflow.enrich.text;

import java.util.List;

/**
 * The article body as HTML a site can show: paragraphs, the source's subheadings ({@code h2}, {@code h3}), lists,
 * quotations, data tables, and links, bold and italics inside them. Built from {@link TextBlock}s, whose words are
 * the text's, so the body never says more or less than the text that was classified, tagged and teased. Publish
 * cleans it again before it reaches a post.
 */
public final class BodyHtml {

    private BodyHtml() {
    }

    /** Paragraphs only, as {@code <p>} elements: for plain text. */
    public static String ofParagraphs(List<String> paragraphs) {
        return render(paragraphs.stream().map(TextBlock::paragraph).toList());
    }

    /**
     * The blocks in order; consecutive list items of one list become one {@code <ul>} or {@code <ol>} (an ordered list
     * that starts, or resumes after a nested list, at another number than 1 says so with {@code start}), the
     * paragraphs of one list item one {@code <li>} of {@code <p>}s, consecutive paragraphs of one quotation one
     * {@code <blockquote>}, and consecutive rows of one table one {@code <table>}: its leading head rows in
     * {@code <thead>} when body rows follow, the rest in {@code <tbody>}.
     */
    public static String render(List<TextBlock> blocks) {
        int size = 0;
        for (TextBlock b : blocks) {
            size += b.html().length() + 16;
        }
        StringBuilder out = new StringBuilder(size);
        TextBlock open = null; // the list, quotation or table still open
        String tableSection = null; // in an open table: "thead" or "tbody"
        java.util.Set<Long> itemsShown = new java.util.HashSet<>();
        for (int i = 0; i < blocks.size(); i++) {
            TextBlock b = blocks.get(i);
            boolean listItem = b.kind() == TextBlock.Kind.BULLET || b.kind() == TextBlock.Kind.NUMBERED;
            if (listItem && b.item() != 0 && !itemsShown.add(((long) b.group() << 32) | b.item())
                    && !(i > 0 && sameItem(blocks.get(i - 1), b))) {
                // an item that goes on after a list nested in it: a paragraph, not a new item with its number again
                if (open != null) {
                    out.append(closing(open.kind(), tableSection));
                    open = null;
                    tableSection = null;
                }
                out.append("<p>").append(b.html()).append("</p>");
                continue;
            }
            if (open != null && (!sameContainer(open.kind(), b.kind()) || open.group() != b.group())) {
                out.append(closing(open.kind(), tableSection));
                open = null;
                tableSection = null;
            }
            switch (b.kind()) {
                case HEADING -> out.append("<h2>").append(b.html()).append("</h2>");
                case SUBHEADING -> out.append("<h3>").append(b.html()).append("</h3>");
                case QUOTE -> {
                    if (open == null) {
                        out.append("<blockquote>");
                        open = b;
                    }
                    out.append("<p>").append(b.html()).append("</p>");
                }
                case BULLET, NUMBERED -> {
                    if (open == null) {
                        out.append(b.kind() == TextBlock.Kind.BULLET ? "<ul>"
                                : b.countdown() ? "<ol reversed start=\"" + b.number() + "\">"
                                : b.number() == 1 ? "<ol>" : "<ol start=\"" + b.number() + "\">");
                        open = b;
                    }
                    boolean itemGoesOn = b.item() != 0 && i + 1 < blocks.size() && sameItem(b, blocks.get(i + 1));
                    boolean itemWentOn = b.item() != 0 && i > 0 && sameItem(blocks.get(i - 1), b);
                    if (itemWentOn || itemGoesOn) { // an item of several paragraphs
                        out.append(itemWentOn ? "" : "<li>").append("<p>").append(b.html()).append("</p>")
                                .append(itemGoesOn ? "" : "</li>");
                    } else {
                        out.append("<li>").append(b.html()).append("</li>");
                    }
                }
                case ROW, HEADER_ROW -> {
                    if (open == null && !(i + 1 < blocks.size() && blocks.get(i + 1).kind().isTableRow()
                            && blocks.get(i + 1).group() == b.group())) {
                        // one row left of a table (the others empty or cut as chrome): a paragraph, as a line of text
                        out.append("<p>").append(escape(b.text())).append("</p>");
                        continue;
                    }
                    // the rows of a table's head first, in <thead>, when body rows follow; a header row after the body
                    // stays in the body
                    String section = b.kind() == TextBlock.Kind.HEADER_ROW && !"tbody".equals(tableSection)
                            && bodyRowFollows(blocks, i) ? "thead" : "tbody";
                    if (open == null) {
                        out.append("<table><").append(section).append('>');
                        open = b;
                    } else if (!section.equals(tableSection)) {
                        out.append("</").append(tableSection).append("><").append(section).append('>');
                    }
                    tableSection = section;
                    out.append("<tr>").append(b.html()).append("</tr>");
                }
                case PARAGRAPH -> out.append("<p>").append(b.html()).append("</p>");
            }
        }
        if (open != null) {
            out.append(closing(open.kind(), tableSection));
        }
        return out.toString();
    }

    /** Whether the table that block {@code i} is a row of has a body row after it. */
    private static boolean bodyRowFollows(List<TextBlock> blocks, int i) {
        TextBlock row = blocks.get(i);
        for (int j = i + 1; j < blocks.size(); j++) {
            TextBlock next = blocks.get(j);
            if (!next.kind().isTableRow() || next.group() != row.group()) {
                return false;
            }
            if (next.kind() == TextBlock.Kind.ROW) {
                return true;
            }
        }
        return false;
    }

    /** A table's head and body rows are one table; every other kind is a container of its own. */
    private static boolean sameContainer(TextBlock.Kind a, TextBlock.Kind b) {
        return a == b || a.isTableRow() && b.isTableRow();
    }

    private static boolean sameItem(TextBlock a, TextBlock b) {
        return a.kind() == b.kind() && a.group() == b.group() && a.item() == b.item();
    }

    /** The end of an open list, quotation or table (its open {@code section} first). */
    private static String closing(TextBlock.Kind kind, String section) {
        return switch (kind) {
            case BULLET -> "</ul>";
            case NUMBERED -> "</ol>";
            case ROW, HEADER_ROW -> "</" + section + "></table>";
            default -> "</blockquote>";
        };
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
