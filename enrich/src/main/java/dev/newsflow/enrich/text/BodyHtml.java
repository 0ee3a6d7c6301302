package dev.newsflow.enrich.text;

import java.util.List;

/**
 * The article body as HTML a site can show: paragraphs, the source's subheadings ({@code h2}, {@code h3}), lists,
 * quotations, data tables, preformatted text, and links, bold and italics inside them. Built from {@link TextBlock}s,
 * whose words are the text's, so the body never says more or less than the text that was classified, tagged and
 * teased. Publish cleans it again before it reaches a post.
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
     * that starts at another number than 1 says so with {@code start}, an item whose number is not the one counted
     * with {@code value}), a list nested in an item inside that item's
     * {@code <li>}, the paragraphs of one list item one {@code <li>} of {@code <p>}s (words of an item after a list
     * nested in it a {@code <p>} in the same item), consecutive paragraphs of one quotation one {@code <blockquote>},
     * and consecutive rows of one table one {@code <table>}: its leading head rows in {@code <thead>} when body rows
     * follow, the rest in {@code <tbody>}.
     */
    public static String render(List<TextBlock> blocks) {
        int size = 0;
        for (TextBlock b : blocks) {
            size += b.html().length() + 16;
        }
        StringBuilder out = new StringBuilder(size);
        // how many paragraphs each list item has: an item of several shows each as a <p>, also when a list nested in
        // it stands between them, so a site counts its paragraphs as the text does
        java.util.Map<Long, Integer> itemParagraphs = new java.util.HashMap<>();
        for (TextBlock b : blocks) {
            if (b.item() != 0 && (b.kind() == TextBlock.Kind.BULLET || b.kind() == TextBlock.Kind.NUMBERED)) {
                itemParagraphs.merge(itemKey(b), 1, Integer::sum);
            }
        }
        OpenLists lists = new OpenLists(out);
        TextBlock open = null; // the quotation or table still open
        String tableSection = null; // in an open table: "thead" or "tbody"
        for (int i = 0; i < blocks.size(); i++) {
            TextBlock b = blocks.get(i);
            if (b.kind() == TextBlock.Kind.BULLET || b.kind() == TextBlock.Kind.NUMBERED) {
                if (open != null) {
                    out.append(closing(open.kind(), tableSection));
                    open = null;
                    tableSection = null;
                }
                lists.add(b, b.item() != 0 && itemParagraphs.get(itemKey(b)) > 1);
                continue;
            }
            lists.closeAll();
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
                case PREFORMATTED -> out.append("<pre>").append(b.html()).append("</pre>");
                default -> out.append("<p>").append(b.html()).append("</p>");
            }
        }
        lists.closeAll();
        if (open != null) {
            out.append(closing(open.kind(), tableSection));
        }
        return out.toString();
    }

    /**
     * The lists open at a point of the body, outermost first, each with its item still open: a nested list is written
     * inside the item it belongs to, so an item's {@code </li>} waits until its next item, or its list, begins or ends.
     */
    private static final class OpenLists {
        /**
         * One open list: its first block (kind, group, number), the item open in it (0: none), and the number a
         * browser shows for its next item.
         */
        private record Level(TextBlock list, int item, int next) {
        }

        private final StringBuilder out;
        private final java.util.ArrayList<Level> open = new java.util.ArrayList<>();
        private final java.util.Set<Long> itemsShown = new java.util.HashSet<>();

        OpenLists(StringBuilder out) {
            this.out = out;
        }

        /** Writes list block {@code b}; {@code several}: its item has more paragraphs than this one. */
        void add(TextBlock b, boolean several) {
            if (b.item() != 0 && !itemsShown.add(itemKey(b))) {
                // a further paragraph of an item, also after a list nested in it: a paragraph of that item, never a
                // new item with its number again; if a quotation, table or heading closed the item, one of its own
                int level = levelOfItem(b.group(), b.item());
                if (level >= 0) {
                    closeAbove(level);
                } else {
                    closeAll();
                }
                out.append("<p>").append(b.html()).append("</p>");
                return;
            }
            // where b's list sits: inside the open item it is nested in, else at the top
            int parentLevel = b.parent() == 0 ? -1 : levelOfOpenItem(b.parent());
            int level = parentLevel + 1;
            if (level < open.size() && open.get(level).list().group() == b.group()
                    && open.get(level).list().kind() == b.kind()) {
                closeAbove(level); // b's list is open: go on in it
            } else {
                closeAbove(level - 1);
                out.append(b.kind() == TextBlock.Kind.BULLET ? "<ul>" : openingOl(b));
                open.add(new Level(b, 0, b.number()));
            }
            Level list = open.get(level);
            if (list.item() != 0) {
                out.append("</li>");
            }
            // a number the source set ("<li value=10>", an item after text put straight into the list) where the count
            // a browser keeps would show another
            boolean numbered = b.kind() == TextBlock.Kind.NUMBERED;
            out.append(numbered && b.number() != list.next() ? "<li value=\"" + b.number() + "\">" : "<li>");
            if (several) { // an item of several paragraphs
                out.append("<p>").append(b.html()).append("</p>");
            } else {
                out.append(b.html());
            }
            open.set(level, new Level(list.list(), b.item() != 0 ? b.item() : -1,
                    b.number() + (b.countdown() ? -1 : 1)));
        }

        /** The level whose open item is {@code item} of list {@code group}, or -1. */
        private int levelOfItem(int group, int item) {
            for (int k = open.size() - 1; k >= 0; k--) {
                if (open.get(k).list().group() == group && open.get(k).item() == item) {
                    return k;
                }
            }
            return -1;
        }

        /** The level whose open item is {@code item}, of whichever list, or -1 (b then starts at the top). */
        private int levelOfOpenItem(int item) {
            for (int k = open.size() - 1; k >= 0; k--) {
                if (open.get(k).item() == item) {
                    return k;
                }
            }
            return -1;
        }

        /** Closes every list above {@code level} (-1: all), each with its open item. */
        private void closeAbove(int level) {
            while (open.size() > level + 1) {
                Level last = open.remove(open.size() - 1);
                out.append(last.item() != 0 ? "</li>" : "").append(closing(last.list().kind(), null));
            }
        }

        void closeAll() {
            closeAbove(-1);
        }
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

    /** {@code <ol>} with the attributes that make a browser number it as the source did. */
    private static String openingOl(TextBlock b) {
        StringBuilder ol = new StringBuilder("<ol");
        if (b.marker() != ListMarker.DECIMAL) {
            ol.append(" type=\"").append(b.marker().type()).append('"');
        }
        if (b.countdown()) {
            ol.append(" reversed");
        }
        if (b.countdown() || b.number() != 1) {
            ol.append(" start=\"").append(b.number()).append('"');
        }
        return ol.append('>').toString();
    }

    private static long itemKey(TextBlock b) {
        return ((long) b.group() << 32) | b.item();
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
