package dev.newsflow.enrich.text;

/**
 * One paragraph of main text as a post shows it: its words, what kind of block it is, and the same words as
 * inline HTML (escaped text with the source's links, bold and italics, nothing else).
 *
 * @param text   the paragraph's clean text, exactly as in {@link ExtractedArticle#paragraphs()}
 * @param kind   what the source marked it as
 * @param group  which list, quotation or table it belongs to: consecutive blocks of one kind and group are one list,
 *               one quotation or one table, so two lists in a row stay two
 * @param item   which list item it is part of (an item may hold several paragraphs), or 0 outside a list item
 * @param parent for a block of a list nested in a list item, that item (its {@code item}), so the nested list is shown
 *               inside it; else 0
 * @param number the number a numbered list shows for its item (its {@code start}, then counting); for a table row,
 *               how many of its cells hold words; else 0
 * @param countdown whether its numbered list counts down ({@code <ol reversed>})
 * @param marker    how its numbered list writes its numbers (letters, roman numerals); {@code DECIMAL} for any other block
 * @param html   {@code text} as inline HTML: escaped, with {@code <a href>} (absolute http/https links only),
 *               {@code <strong>}, {@code <em>}, {@code <sup>} and {@code <sub>}; balanced. A table row's is its cells,
 *               {@code <td>} or {@code <th>} (a {@code colspan} or {@code rowspan} of 2 to 99 kept), each holding such
 *               HTML; empty cells after the last with words are left out
 */
public record TextBlock(String text, Kind kind, int group, int item, int parent, int number, boolean countdown,
                        ListMarker marker, String html) {

    /**
     * The structure a post keeps; everything else (definition lists, layout tables) is a paragraph. A table row's
     * text is its cells' words in order, as a row read aloud; {@code HEADER_ROW} is a row of the table's head
     * ({@code thead}, or whose cells with words are all {@code th}). {@code PREFORMATTED} is a {@code pre} block
     * (code, a poem's layout, a text-art chart): its text is its words on one line as any paragraph's, its HTML keeps
     * the source's line breaks and indents.
     */
    public enum Kind {
        PARAGRAPH, HEADING, SUBHEADING, BULLET, NUMBERED, QUOTE, ROW, HEADER_ROW, PREFORMATTED;

        public boolean isTableRow() {
            return this == ROW || this == HEADER_ROW;
        }
    }

    /** A plain paragraph: its HTML is its escaped text. */
    public static TextBlock paragraph(String text) {
        return new TextBlock(text, Kind.PARAGRAPH, 0, 0, 0, 0, false, ListMarker.DECIMAL, BodyHtml.escape(text));
    }
}
