package dev.newsflow.enrich.text.extract;

import dev.newsflow.enrich.text.TextBlock;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where plain text's paragraphs and lists are, read from its lines. Newsroom systems send plain text three ways: a
 * blank line between paragraphs (wire copy, most CMS exports), one paragraph per line (a CMS text box, JSON bodies),
 * or lines hard-wrapped at a fixed width (email, older wire feeds); and lists as lines that open with a bullet or a
 * number ("- Increased spending on health", "2. Refunds"). Reading every single line break as a space, as we did,
 * ran a one-paragraph-per-line story and a list into one paragraph.
 *
 * <p>A line break inside a block of lines is a paragraph break unless the lines are hard-wrapped. A greedy wrapper
 * (every one we know) puts a word on the line whenever it fits, so a break where the next line's first word would
 * have fitted within the widest line was made by the writer, not the wrapper. A block counts as wrapped when its
 * widest line is 40 to 100 characters and at least half of its breaks pass that test; in a wrapped block a break is
 * a paragraph break where the next word would have fitted or the next line is indented. A sentence that plainly goes
 * on (a line ending in a comma, the next starting with a small letter) is never broken. Lists need two items or more
 * with the same bullet, or numbers that count up by one, so a line that starts with "-" or "1." alone stays a line.
 * No library does this for plain text: flexmark and commonmark read Markdown, where a single line break is always
 * a space and "1." at a line's start always opens a list.
 */
final class PlainTextLayout {

    /** Narrower than this, lines are short on purpose (addresses, verse, one-line answers), not wrapped. */
    static final int MIN_WRAP_WIDTH = 40;
    /** Wider than this, nobody wraps by hand: every line break was typed. */
    static final int MAX_WRAP_WIDTH = 100;

    /**
     * A paragraph or a list item, as the lines it is made of (a list item's first line without its bullet or
     * number), not yet cleaned.
     *
     * @param group  the list it belongs to (1, 2, ... in the text), 0 for a paragraph
     * @param item   its position in that list, from 1, or 0
     * @param number the number it showed, for a numbered list, else 0
     */
    record Unit(List<String> lines, TextBlock.Kind kind, int group, int item, int number) {
    }

    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t\\u00a0\\r]*\\n");
    /** "- item", "* item", "• item"; an en dash too. An em dash opens wire copy's datelines and quotes, not lists. */
    private static final Pattern BULLET = Pattern.compile("[ \\t]*([-*\\u2022\\u00b7\\u25aa\\u25e6\\u2023\\u2013])[ \\t]+(\\S.*)");
    /** "1. item", "1) item", "(1) item": at most three digits, so a year does not open a list. */
    private static final Pattern NUMBER = Pattern.compile("[ \\t]*(?:(\\d{1,3})[.)]|\\((\\d{1,3})\\))[ \\t]+(\\S.*)");

    private PlainTextLayout() {
    }

    /** One line of the text: where its block starts, and its list marker if it has one. */
    private record Line(String text, boolean opensBlock, String marker, int number, String content) {
        boolean indented() {
            return !text.isEmpty() && (text.charAt(0) == ' ' || text.charAt(0) == '\t');
        }
    }

    /** The text's paragraphs and list items in order; blank lines are never part of one. */
    static List<Unit> read(String text) {
        List<Line> lines = lines(text);
        int[] listEnd = new int[lines.size()]; // for a line that opens a list: the index after its last line
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).marker() != null) {
                int end = listFrom(lines, i);
                if (end > 0) {
                    listEnd[i] = end;
                    i = end - 1;
                }
            }
        }
        int width = wrapWidth(lines, listEnd);
        List<Unit> units = new ArrayList<>();
        int group = 0;
        int i = 0;
        while (i < lines.size()) {
            if (listEnd[i] > 0) {
                group++;
                int item = 0;
                for (int j = i; j < listEnd[i]; ) {
                    Line first = lines.get(j);
                    List<String> itemLines = new ArrayList<>(List.of(first.content()));
                    for (j++; j < listEnd[i] && lines.get(j).marker() == null; j++) {
                        itemLines.add(lines.get(j).text());
                    }
                    boolean numbered = first.marker().equals("#");
                    units.add(new Unit(itemLines, numbered ? TextBlock.Kind.NUMBERED : TextBlock.Kind.BULLET, group,
                            ++item, numbered ? first.number() : 0));
                }
                i = listEnd[i];
                continue;
            }
            int end = i + 1; // a run of ordinary lines inside one block
            while (end < lines.size() && !lines.get(end).opensBlock() && listEnd[end] == 0) {
                end++;
            }
            paragraphs(lines.subList(i, end), width, units);
            i = end;
        }
        return units;
    }

    private static List<Line> lines(String text) {
        List<Line> lines = new ArrayList<>();
        for (String block : BLANK_LINES.split(text.replace("\r\n", "\n"))) {
            boolean opens = true;
            for (String raw : block.split("\n")) {
                String line = raw.stripTrailing();
                if (line.isBlank()) {
                    continue;
                }
                Line marked = marked(line, opens);
                lines.add(marked != null ? marked : new Line(line, opens, null, 0, null));
                opens = false;
            }
        }
        return lines;
    }

    /** The line as a list item's first line, or null; most lines open with a letter and need no regex. */
    private static Line marked(String line, boolean opens) {
        char first = line.charAt(line.length() - line.stripLeading().length());
        if (first == '(' || first >= '0' && first <= '9') {
            Matcher number = NUMBER.matcher(line);
            return number.matches() ? new Line(line, opens, "#",
                    Integer.parseInt(number.group(1) != null ? number.group(1) : number.group(2)), number.group(3)) : null;
        }
        if (Character.isLetter(first)) {
            return null;
        }
        Matcher bullet = BULLET.matcher(line);
        return bullet.matches() ? new Line(line, opens, bullet.group(1), 0, bullet.group(2)) : null;
    }

    /**
     * The index after the list that starts at line {@code start}, or 0 when there is no list of two items there. An
     * item goes on over the indented lines under it, and over a sentence that goes on; the next item has the same bullet, or the next number, and may
     * come after a blank line.
     */
    private static int listFrom(List<Line> lines, int start) {
        Line first = lines.get(start);
        int items = 1;
        int previous = first.number();
        int end = start + 1;
        while (end < lines.size()) {
            Line line = lines.get(end);
            if (line.marker() == null) {
                if (line.opensBlock() || !line.indented() && !continues(lines.get(end - 1).text(), line.text())) {
                    break;
                }
                end++; // the item's wrapped continuation
            } else if (line.marker().equals(first.marker())
                    && (!first.marker().equals("#") || line.number() == previous + 1)) {
                items++;
                previous = line.number();
                end++;
            } else {
                break;
            }
        }
        return items >= 2 ? end : 0;
    }

    /** The widest line outside lists, as the width the text may be wrapped at. */
    private static int wrapWidth(List<Line> lines, int[] listEnd) {
        int width = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (listEnd[i] > 0) {
                i = listEnd[i] - 1;
            } else {
                width = Math.max(width, lines.get(i).text().strip().length());
            }
        }
        return width;
    }

    /** A block's ordinary lines as paragraphs: one per line, unless the block is hard-wrapped. */
    private static void paragraphs(List<Line> run, int width, List<Unit> units) {
        int breaks = run.size() - 1;
        boolean[] typed = new boolean[Math.max(0, breaks)]; // the writer broke the line here
        int wrapped = 0;
        for (int b = 0; b < breaks; b++) {
            Line line = run.get(b);
            Line next = run.get(b + 1);
            boolean nextWordFitted = line.text().strip().length() + 1 + firstWordLength(next.text()) <= width;
            typed[b] = nextWordFitted || next.indented() && !line.indented();
            wrapped += nextWordFitted ? 0 : 1;
        }
        boolean wrappedBlock = width >= MIN_WRAP_WIDTH && width <= MAX_WRAP_WIDTH && 2 * wrapped >= breaks;
        List<String> paragraph = new ArrayList<>();
        for (int l = 0; l < run.size(); l++) {
            paragraph.add(run.get(l).text());
            if (l == breaks || (!wrappedBlock || typed[l]) && !continues(run.get(l).text(), run.get(l + 1).text())) {
                units.add(new Unit(paragraph, TextBlock.Kind.PARAGRAPH, 0, 0, 0));
                paragraph = new ArrayList<>();
            }
        }
    }

    /**
     * A sentence that goes on over a line break whoever broke it: the line ends in a comma, semicolon, dash or open
     * bracket, or the next line starts with a small letter. Paragraphs start with a capital, a digit or a quotation mark.
     */
    private static boolean continues(String line, String next) {
        char last = line.charAt(line.length() - 1);
        if (last == ',' || last == ';' || last == '-' || last == '\u2013' || last == '(') {
            return true;
        }
        String s = next.strip();
        return !s.isEmpty() && Character.isLowerCase(s.codePointAt(0));
    }

    private static int firstWordLength(String line) {
        String s = line.strip();
        int space = s.indexOf(' ');
        return space < 0 ? s.length() : space;
    }
}
