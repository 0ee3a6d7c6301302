package dev.newsflow.enrich.text.extract;

import dev.newsflow.enrich.text.TextBlock;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where plain text's paragraphs and bullet lists are, read from its lines. Newsroom systems send plain text three
 * ways: a blank line between paragraphs (wire copy, most CMS exports), one paragraph per line (a CMS text box, JSON
 * bodies), or lines hard-wrapped at a fixed width (email, older wire feeds, often with indented first lines); and
 * lists as lines that open with a bullet ("- Increased spending on health"). Reading every single line break as a
 * space, as we did, ran a one-paragraph-per-line story and a list into one paragraph.
 *
 * <p>Inside a block (the lines between blank lines), a line break is kept as a paragraph break unless the evidence
 * says a wrapper made it. A greedy wrapper (every one we know) puts a word on the line whenever it fits, so a line
 * after which the next line's first word would not have fitted within the block's widest line (indent included) is
 * full, and a break after a line that is not full was typed by the writer. A block may be wrapped at
 * {@value #MIN_WRAP_WIDTH} to {@value #MAX_WRAP_WIDTH} columns without columns aligned by runs of spaces; it was
 * wrapped when, besides, two of its lines are full (the widest always looks full). A full line that stops
 * mid-sentence in a block that may be wrapped is the wrapper's; a full line that ends a sentence is the wrapper's
 * only in a wrapped block of which at least half the lines stop mid-sentence, as wrapped lines do and a paragraph per
 * line does not (a wrapped paragraph whose last line happens to be full cannot be told from one that goes on, and is
 * joined to it). A line indented more than the block's least indented line starts a paragraph, and so does a line
 * that opens with a bullet or a number, unless a wrapper put it there mid-sentence (British copy's "the price
 * offered - 300p a share - is..." wraps a dash to a line's start); a sentence that plainly goes on (a line ending in
 * a comma or a hyphenated word, the next starting with a small letter; a numbered item's words indented under it) is
 * never broken. docs/extraction.md has the rules with their measurements.
 *
 * <p>A bullet list is two or more lines that open with the same bullet ({@code - * • · ▪ ◦ ‣}); its items may be
 * separated by blank lines, and go on over lines indented under them or wrapped mid-sentence. The bullet is not part
 * of the item's words. Numbered lines stay paragraphs with their numbers: "3. Oktober", "1. FC Köln" and a
 * standings table with ties all open with a number that is part of the text.
 *
 * <p>No library does this for plain text: flexmark and commonmark read Markdown, where a single line break is
 * always a space and "1." at a line's start always opens a list.
 */
final class PlainTextLayout {

    /** Narrower than this, lines are short on purpose (results, addresses, verse, one-line answers), not wrapped. */
    static final int MIN_WRAP_WIDTH = 40;
    /** Wider than this, nobody wraps by hand: every line break was typed. */
    static final int MAX_WRAP_WIDTH = 100;

    /**
     * A paragraph or a list item, as the lines it is made of (a list item's first line without its bullet), not yet
     * cleaned.
     *
     * @param block  the block (lines between blank lines) it starts in, from 0: the boilerplate rules judge blocks
     * @param group  the list it belongs to (1, 2, ... in the text), 0 for a paragraph
     * @param item   its position in that list, from 1, or 0
     */
    record Unit(List<String> lines, TextBlock.Kind kind, int block, int group, int item) {
    }

    /** A bullet and the item after it; an en or em dash opens dialogue and wire datelines, not lists. */
    private static final Pattern BULLET = Pattern.compile("[ \\t\\u00a0\\u3000]*([-*\\u2022\\u00b7\\u25aa\\u25e6\\u2023])[ \\t]+(\\S.*)");
    /** A number a line may open with, as a list would: "1.", "2)", "(3)". */
    private static final Pattern NUMBERED = Pattern.compile("[ \\t\\u00a0\\u3000]*(?:\\d{1,3}[.)]|\\(\\d{1,3}\\))[ \\t].*");

    private PlainTextLayout() {
    }

    /**
     * One line of the text, trailing white space off.
     *
     * @param bullet  its bullet, or 0
     * @param content for a bulleted line, the item's words after the bullet
     */
    private record Line(String text, int block, boolean opensBlock, int indent, char bullet, String content,
                        boolean numbered, int columns) {
        Line(String text, int block, boolean opensBlock, int indent, char bullet, String content, boolean numbered) {
            this(text, block, opensBlock, indent, bullet, content, numbered, PlainTextLayout.columns(text));
        }

        boolean marked() {
            return bullet != 0 || numbered;
        }
    }

    /** The text's paragraphs and list items in order; blank lines are never part of one. */
    static List<Unit> read(String text) {
        List<Line> lines = lines(text);
        Shape[] shapes = shapes(lines);
        int[] listEnd = new int[lines.size()]; // for a line that opens a list: the index after its last line
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).bullet() != 0 && opensItem(lines, i, shapes)) {
                int end = listFrom(lines, i, shapes);
                if (end > 0) {
                    listEnd[i] = end;
                    i = end - 1;
                }
            }
        }
        List<Unit> units = new ArrayList<>();
        int group = 0;
        int i = 0;
        while (i < lines.size()) {
            if (listEnd[i] > 0) {
                group++;
                int item = 0;
                char bullet = lines.get(i).bullet();
                for (int j = i; j < listEnd[i]; ) {
                    Line first = lines.get(j);
                    List<String> itemLines = new ArrayList<>(List.of(first.content()));
                    // the item goes on to the next line that opens one (as listFrom found them)
                    for (j++; j < listEnd[i] && !(lines.get(j).bullet() == bullet && opensItem(lines, j, shapes)); j++) {
                        itemLines.add(lines.get(j).text());
                    }
                    units.add(new Unit(itemLines, TextBlock.Kind.BULLET, first.block(), group, ++item));
                }
                i = listEnd[i];
                continue;
            }
            int end = i + 1; // a run of ordinary lines inside one block
            while (end < lines.size() && !lines.get(end).opensBlock() && listEnd[end] == 0) {
                end++;
            }
            paragraphs(lines.subList(i, end), shapes[lines.get(i).block()], units);
            i = end;
        }
        return units;
    }

    /** The lines, each knowing its block; one pass over the text, no copy of it but the lines. */
    private static List<Line> lines(String text) {
        List<Line> lines = new ArrayList<>();
        int block = -1;
        boolean blank = true; // a blank line (or the start) was last: the next line opens a block
        int n = text.length();
        for (int start = 0; start <= n; ) {
            int end = start;
            while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            String line = text.substring(start, end).stripTrailing();
            // "\n", "\r\n" (and "\r\r\n", a CRLF converted twice) or a lone "\r" (old Mac exports) ends a line
            int next = end;
            while (next < n && text.charAt(next) == '\r') {
                next++;
            }
            start = next < n && text.charAt(next) == '\n' ? next + 1 : end + 1;
            if (line.isBlank()) {
                blank = true;
                continue;
            }
            Line read = line(line, block + (blank ? 1 : 0), blank);
            if (read == null) { // only non-breaking or ideographic spaces: blank too
                blank = true;
                continue;
            }
            block = read.block();
            lines.add(read);
            blank = false;
        }
        return lines;
    }

    /** The line read, or null when it has nothing but spaces. */
    private static Line line(String text, int block, boolean opensBlock) {
        int indent = 0;
        while (indent < text.length() && isIndent(text.charAt(indent))) {
            indent++;
        }
        if (indent == text.length()) {
            return null;
        }
        char first = text.charAt(indent);
        if (first == '(' || first >= '0' && first <= '9') {
            return new Line(text, block, opensBlock, indent, (char) 0, null, NUMBERED.matcher(text).matches());
        }
        if (!Character.isLetter(first)) { // most lines open with a word: no regex for them
            Matcher bullet = BULLET.matcher(text);
            if (bullet.matches()) {
                return new Line(text, block, opensBlock, indent, bullet.group(1).charAt(0), bullet.group(2), false);
            }
        }
        return new Line(text, block, opensBlock, indent, (char) 0, null, false);
    }

    private static boolean isIndent(char c) {
        return c == ' ' || c == '\t' || c == '\u00a0' || c == '\u3000';
    }

    /**
     * The index after the bullet list that starts at line {@code start}, or 0 when there is no list of two items
     * there. The next item has the same bullet and may come after a blank line; inside a block, an item goes on over
     * a line indented more than its bullet, over a sentence that goes on, and over a line its wrapper made.
     */
    private static int listFrom(List<Line> lines, int start, Shape[] shapes) {
        Line first = lines.get(start);
        int items = 1;
        int end = start + 1;
        while (end < lines.size()) {
            Line line = lines.get(end);
            if (line.bullet() == first.bullet() && opensItem(lines, end, shapes)) {
                items++;
                end++;
            } else if (line.opensBlock() || line.marked() && opensItem(lines, end, shapes)) {
                break;
            } else {
                Line previous = lines.get(end - 1);
                boolean goesOn = line.indent() > first.indent() || continues(previous.text(), line.text())
                        || wrapped(previous, line, shapes[line.block()]) && !endsSentence(previous.text());
                if (!goesOn) {
                    break;
                }
                end++;
            }
        }
        return items >= 2 ? end : 0;
    }

    /**
     * Whether a bulleted line opens an item: not when a wrapper carried a dash of the sentence above to the line's
     * start ("the price offered - 300p a share\n- is high enough").
     */
    private static boolean opensItem(List<Line> lines, int index, Shape[] shapes) {
        Line line = lines.get(index);
        if (line.opensBlock()) {
            return true;
        }
        Line previous = lines.get(index - 1);
        return !(wrapped(previous, line, shapes[line.block()]) && !endsSentence(previous.text()));
    }

    /**
     * What a block's lines say about wrapping: its widest line (indent included) as the width; whether it may be
     * wrapped at all (a width of {@value #MIN_WRAP_WIDTH} to {@value #MAX_WRAP_WIDTH} characters, and no columns
     * aligned with runs of spaces or tabs, as a table of figures has); and whether it was. A block's widest line
     * always looks full, so one full line is no evidence of wrapping: it takes two (or the only break of a two-line
     * block).
     */
    private record Shape(int width, boolean mayWrap, boolean hardWrapped) {
    }

    private static Shape[] shapes(List<Line> lines) {
        int blocks = lines.isEmpty() ? 0 : lines.get(lines.size() - 1).block() + 1;
        int[] widths = new int[blocks];
        boolean[] aligned = new boolean[blocks];
        for (Line line : lines) {
            widths[line.block()] = Math.max(widths[line.block()], line.columns());
            String text = line.text();
            aligned[line.block()] |= text.indexOf('\t', line.indent()) >= 0 || text.indexOf("   ", line.indent()) >= 0;
        }
        int[] breaks = new int[blocks];
        int[] full = new int[blocks];
        for (int i = 1; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (!line.opensBlock()) {
                breaks[line.block()]++;
                full[line.block()] += nextWordFits(lines.get(i - 1), line, widths[line.block()]) ? 0 : 1;
            }
        }
        Shape[] shapes = new Shape[blocks];
        for (int b = 0; b < blocks; b++) {
            boolean mayWrap = widths[b] >= MIN_WRAP_WIDTH && widths[b] <= MAX_WRAP_WIDTH && !aligned[b];
            shapes[b] = new Shape(widths[b], mayWrap, mayWrap && (full[b] >= 2 || breaks[b] == 1 && full[b] == 1));
        }
        return shapes;
    }

    /** Whether a wrapper broke the line here: the block was wrapped, and the next word did not fit. */
    private static boolean wrapped(Line line, Line next, Shape shape) {
        return shape.hardWrapped() && !nextWordFits(line, next, shape.width());
    }

    /**
     * Whether a wrapper may have broken the line here: the block may be wrapped, and the next word did not fit. Enough
     * to join a line that stops mid-sentence, not one that ends a sentence.
     */
    private static boolean mayBeWrapped(Line line, Line next, Shape shape) {
        return shape.mayWrap() && !nextWordFits(line, next, shape.width());
    }

    /**
     * Whether the next line's first word would have fitted on this line, in display columns. Chinese and Japanese
     * need no space between lines, and a wrapper may break before any of their characters, so their "first word" is
     * one character.
     */
    private static boolean nextWordFits(Line line, Line next, int width) {
        String text = line.text();
        String following = next.text().stripLeading();
        boolean unspaced = !text.isEmpty() && !following.isEmpty()
                && (breaksAnywhere(text.codePointBefore(text.length())) || breaksAnywhere(following.codePointAt(0)));
        return line.columns() + (unspaced ? 0 : 1) + firstWordColumns(following) <= width;
    }

    /**
     * Display columns, as a fixed-width feed or a terminal lays text out: a wide or full-width character (Chinese,
     * Japanese, Korean, full-width forms) takes two. Counted in characters, a 38-character Chinese line (76 columns,
     * the usual wrap) looked too narrow to be wrapped, and every line became a paragraph.
     */
    static int columns(String text) {
        int columns = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            columns += isWide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return columns;
    }

    private static boolean isWide(int cp) {
        return cp >= 0x1100 && cp <= 0x115F || cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F
                || cp >= 0xAC00 && cp <= 0xD7A3 || cp >= 0xF900 && cp <= 0xFAFF || cp >= 0xFE30 && cp <= 0xFE4F
                || cp >= 0xFF00 && cp <= 0xFF60 || cp >= 0xFFE0 && cp <= 0xFFE6 || cp >= 0x20000 && cp <= 0x3FFFD;
    }

    /** Chinese and Japanese characters and their punctuation: a line may break before any of them. */
    private static boolean breaksAnywhere(int cp) {
        if (cp < 0x2E80) {
            return false; // below every Chinese and Japanese block: most text, and no script lookup
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || cp >= 0x3000 && cp <= 0x303F || cp >= 0xFF00 && cp <= 0xFF60;
    }

    private static int firstWordColumns(String line) {
        if (line.isEmpty()) {
            return 0;
        }
        int first = line.codePointAt(0);
        if (breaksAnywhere(first)) {
            return 2;
        }
        int end = 0;
        while (end < line.length() && !Character.isWhitespace(line.charAt(end)) && !breaksAnywhere(line.codePointAt(end))) {
            end += Character.charCount(line.codePointAt(end));
        }
        return columns(line.substring(0, end));
    }

    /** A block's ordinary lines as paragraphs, broken where the writer broke them. */
    private static void paragraphs(List<Line> run, Shape shape, List<Unit> units) {
        int leastIndent = Integer.MAX_VALUE;
        for (Line line : run) {
            leastIndent = Math.min(leastIndent, line.indent());
        }
        // a wrapper breaks lines mostly mid-sentence; a writer who puts a paragraph on each line, at sentence ends
        int breaks = run.size() - 1;
        int midSentence = 0;
        for (int b = 0; b < breaks; b++) {
            midSentence += endsSentence(run.get(b).text()) ? 0 : 1;
        }
        boolean mostlyMidSentence = 2 * midSentence >= breaks;
        List<String> paragraph = new ArrayList<>();
        for (int l = 0; l < run.size(); l++) {
            paragraph.add(run.get(l).text());
            if (l == breaks || paragraphEnds(run.get(l), run.get(l + 1), shape, leastIndent, mostlyMidSentence)) {
                units.add(new Unit(paragraph, TextBlock.Kind.PARAGRAPH, run.get(0).block(), 0, 0));
                paragraph = new ArrayList<>();
            }
        }
    }

    private static boolean paragraphEnds(Line line, Line next, Shape shape, int leastIndent, boolean mostlyMidSentence) {
        if (continues(line.text(), next.text()) || cjkRunsOn(line, next, shape)) {
            return false;
        }
        if (line.numbered() && next.indent() > line.indent() && !next.marked() && !endsSentence(line.text())) {
            return false; // a numbered item's words go on under its text ("1. Expand ... at a cost of\n   Harbour...")
        }
        if (next.indent() > leastIndent) {
            return true;
        }
        if (line.marked() && next.marked()) {
            return true; // numbered lines one after another: a list, a timetable, a table of results
        }
        if (mayBeWrapped(line, next, shape) && !endsSentence(line.text())) {
            return false; // mid-sentence at the width: the wrapper's, even before a dash or a number
        }
        if (next.marked() || !wrapped(line, next, shape)) {
            return true;
        }
        return !mostlyMidSentence; // a full line that ends a sentence: a break unless the block's lines run on
    }

    /**
     * A sentence that goes on over a line break whoever broke it: the line ends in a comma, a semicolon, an open
     * bracket or a word broken by a hyphen ("inter-"), or the next line starts with a small letter. Paragraphs start
     * with a capital, a digit or a quotation mark; "-30-", the end of wire copy, is no broken word.
     */
    private static boolean continues(String line, String next) {
        int n = line.length();
        char last = line.charAt(n - 1);
        if (last == ',' || last == ';' || last == '(' || last == '-' && n > 1 && Character.isLetter(line.charAt(n - 2))) {
            return true;
        }
        String s = next.strip();
        return !s.isEmpty() && Character.isLowerCase(s.codePointAt(0));
    }

    /**
     * In a block that may be wrapped: Chinese and Japanese end every paragraph on a stop or a closing mark, so a
     * longer line that does not stops mid-sentence, however wide the wrapper counted it (by characters or by columns,
     * digits half as wide). Not in a block of long lines, one paragraph a line, where such a line is a subheading.
     */
    private static boolean cjkRunsOn(Line line, Line next, Shape shape) {
        String text = line.text();
        String s = next.text().strip();
        int n = text.length();
        return shape.mayWrap() && !s.isEmpty() && breaksAnywhere(text.codePointBefore(n))
                && breaksAnywhere(s.codePointAt(0)) && CJK_CLOSE.indexOf(text.codePointBefore(n)) < 0
                && line.columns() >= MIN_CJK_RUN_ON_COLUMNS;
    }

    /** What a Chinese or Japanese paragraph may end on: a stop, or a closing quote or bracket. */
    private static final String CJK_CLOSE = "\u3002\uff01\uff1f\u300d\u300f\uff09\u3011\u201d\u2026\uff1b\uff1a";
    /** Shorter lines may be a heading of their own (ten characters or fewer). */
    private static final int MIN_CJK_RUN_ON_COLUMNS = 22;

    /** The line ends with a sentence's last mark, perhaps inside quotation marks or brackets. */
    private static boolean endsSentence(String line) {
        int i = line.length() - 1;
        while (i > 0 && "\"')]\u201d\u2019\u00bb".indexOf(line.charAt(i)) >= 0) {
            i--;
        }
        return ".!?:\u2026\u3002\uff01\uff1f".indexOf(line.charAt(i)) >= 0
                && !(i == line.length() - 1 && endsWithTitle(line));
    }

    /**
     * Abbreviations that wire copy puts before a number or a name and never ends a sentence with: a month before its
     * day ("the year to Sept.\n30"), a title before a name ("Sen.\nJohn Thune"), "No." before a number.
     */
    private static final Set<String> ABBREVIATIONS_BEFORE = Set.of("jan.", "feb.", "aug.", "sep.", "sept.", "oct.",
            "nov.", "dec.", "mr.", "mrs.", "ms.", "dr.", "sen.", "rep.", "gov.", "gen.", "lt.", "col.", "sgt.", "capt.",
            "rev.", "prof.", "st.", "no.", "nos.", "vs.");

    private static boolean endsWithTitle(String line) {
        int start = line.lastIndexOf(' ') + 1;
        return line.length() - start <= 6 && ABBREVIATIONS_BEFORE.contains(line.substring(start).toLowerCase(Locale.ROOT));
    }

}
