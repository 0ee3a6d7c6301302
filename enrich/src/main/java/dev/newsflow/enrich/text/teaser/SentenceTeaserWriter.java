package dev.newsflow.enrich.text.teaser;

import dev.newsflow.enrich.text.Teaser;
import dev.newsflow.enrich.text.TeaserWriter;

import java.util.List;

/**
 * Writes a teaser of at most {@code limit} user-perceived characters (grapheme clusters).
 *
 * <p>Reads the headline, the clean paragraphs and the editor's teaser; writes a {@link Teaser}:
 * <ol>
 *   <li>the editor's teaser, when it has any text, cleaned (markup, entities, white space) and bounded as below, and
 *       marked as not machine-made; when the sender's CMS cut it off ("... said the [...]"), only its whole
 *       sentences, or if it has none the story's own teaser;</li>
 *   <li>otherwise the leading whole sentences of the first usable paragraph that fit (continuing into the next
 *       paragraph while the teaser is under half the limit);</li>
 *   <li>when even the first sentence is too long, a cut at a word boundary ending in "…": never inside a word,
 *       number ("3 000", "3 p.m."), URL, abbreviation ("Dr. Smith", "U.S.") or an open quotation or bracket, with
 *       no punctuation or function word ("the", "of", "und") left before the ellipsis.</li>
 * </ol>
 * A usable paragraph is what is left after removing a dateline ("LONDON (Reuters) -"), and is not a byline, a
 * boilerplate line ("Read more", "Advertisement", a short caption) nor the headline again. Paragraphs come
 * cleaned by the extractor; they are cleaned again here because a teaser is the most visible text we publish.
 *
 * <p>Exists because a fixed 100-character cut ("...with a stomach infection and is unlikely") reads as broken.
 */
public final class SentenceTeaserWriter implements TeaserWriter {

    private static final String ELLIPSIS = "…";
    /**
     * Whole sentences left of a cut editor's teaser shorter than this ("Close.") say too little: the story's own. A
     * Chinese or Japanese sentence says more in fewer characters and is kept ("会议周一召开。").
     */
    private static final int MIN_CUT_TEASER_CHARS = 20;

    private final TeaserLimits limits;
    private final int limit;

    /** A writer with one limit for every channel. */
    public SentenceTeaserWriter(int limit) {
        this(new TeaserLimits(limit, java.util.Map.of()));
    }

    /** A writer for the default channel of {@code limits}; {@link #forChannel(String)} gives the others. */
    public SentenceTeaserWriter(TeaserLimits limits) {
        this(limits, limits.defaultLimit());
    }

    private SentenceTeaserWriter(TeaserLimits limits, int limit) {
        this.limits = limits;
        this.limit = limit;
    }

    /** The same writer bounded by the limit of {@code channel} ("app", "push", ...). */
    public SentenceTeaserWriter forChannel(String channel) {
        return new SentenceTeaserWriter(limits, limits.forChannel(channel));
    }

    public int limit() {
        return limit;
    }

    @Override
    public Teaser write(String headline, List<String> paragraphs, String editorTeaser, String language) {
        Teaser teaser = writeByGraphemes(headline, paragraphs, editorTeaser, language);
        return teaser.text().length() <= limit * MAX_CHARS_PER_GRAPHEME ? teaser
                : new Teaser(withinChars(teaser.text(), limit * MAX_CHARS_PER_GRAPHEME), teaser.machineMade());
    }

    /**
     * The limit counts what readers see as characters, and one of those can be made of any number of code units: a
     * letter with 700,000 combining marks was one, so the whole body became the teaser and the enriched record grew
     * past what publish reads. 16 chars a character is far more than real text takes on average (a family emoji
     * with skin tones takes 19, a flag with its tags 14, a letter with an accent 2), so only such a body is cut.
     */
    static final int MAX_CHARS_PER_GRAPHEME = 16;

    /** At most {@code max} chars, never half a surrogate pair, with "…" when cut. */
    private static String withinChars(String text, int max) {
        int end = max - 1;
        if (Character.isLowSurrogate(text.charAt(end)) && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + ELLIPSIS;
    }

    private Teaser writeByGraphemes(String headline, List<String> paragraphs, String editorTeaser, String language) {
        SentenceSplitter splitter = SentenceSplitter.forLanguage(language);
        String editor = TeaserText.withoutReadMore(TeaserText.withoutDateline(TeaserText.clean(editorTeaser)));
        String headlinePrint = TeaserText.fingerprint(TeaserText.clean(headline));
        List<String> story = paragraphs == null ? List.of() : paragraphs;
        if (editor.isEmpty()) {
            return new Teaser(fromParagraphs(story, headlinePrint, splitter), true);
        }
        String uncut = TeaserText.withoutTruncation(editor);
        if (uncut == null) {
            return new Teaser(bound(editor, splitter), false);
        }
        // the sender's CMS cut its description off: its whole sentences, else the story's own, never a "[...]"
        String whole = wholeSentences(uncut, splitter);
        if (whole.length() >= MIN_CUT_TEASER_CHARS || !whole.isEmpty() && endsWithFullWidthStop(whole)) {
            return new Teaser(bound(whole, splitter), false);
        }
        String fromStory = fromParagraphs(story, headlinePrint, splitter);
        if (!fromStory.isEmpty() || uncut.isBlank()) {
            return new Teaser(fromStory, true); // also when the cut mark was all the sender wrote
        }
        // no story to take one from (a photo or video item): the sender's words, cut as ours are
        return new Teaser(bound(trimDangling(uncut) + ELLIPSIS, splitter), false);
    }

    /** The text without its last sentence when that one was cut off (does not end like a sentence). */
    private static String wholeSentences(String text, SentenceSplitter splitter) {
        List<int[]> sentences = splitter.split(text);
        if (sentences.isEmpty()) {
            return "";
        }
        int[] last = sentences.get(sentences.size() - 1);
        if (TeaserText.endsLikeSentence(text.substring(last[0], last[1]))) {
            return text;
        }
        return sentences.size() == 1 ? "" : text.substring(0, sentences.get(sentences.size() - 2)[1]).strip();
    }

    /**
     * The paragraph ready for a teaser, or null when it is a byline, boilerplate (unless {@code boilerplateToo}) or
     * the headline again.
     */
    private static String usable(String raw, String headlinePrint, boolean boilerplateToo, SentenceSplitter splitter) {
        String p = withoutOpeningNonSentences(TeaserText.withoutDateline(TeaserText.clean(raw)), splitter);
        if (p.isEmpty() || TeaserText.isByline(p) || !boilerplateToo && TeaserText.isBoilerplate(p)) {
            return null;
        }
        String print = TeaserText.fingerprint(p);
        if (print.isEmpty() || print.equals(headlinePrint)) {
            return null;
        }
        if (!headlinePrint.isEmpty() && print.startsWith(headlinePrint)) {
            p = afterLeadingHeadline(p, headlinePrint);
        }
        return p.isEmpty() ? null : p;
    }

    /**
     * The paragraph without the sentences that open it and say nothing of the story, while a sentence follows: a
     * byline ("By The Associated Press."), a credit or a fragment a feed cut off ("Bee Staff Writer.", "com.",
     * "Sep. 13, 2004."), each of which had been the whole teaser; a dateline after them goes too.
     */
    private static String withoutOpeningNonSentences(String paragraph, SentenceSplitter splitter) {
        String p = paragraph;
        for (int round = 0; round < 3; round++) {
            List<int[]> sentences = splitter.split(p);
            if (sentences.size() < 2) {
                return p;
            }
            String first = p.substring(sentences.get(0)[0], sentences.get(0)[1]);
            if (!TeaserText.isByline(first) && !isFragment(first)) {
                return p;
            }
            p = TeaserText.withoutDateline(p.substring(sentences.get(1)[0]));
        }
        return p;
    }

    /**
     * A credit, date or cut-off piece rather than a sentence: a single word in lower case or with a dot inside
     * ("com.", "Motorsport.com."), or two to five words none of which starts in lower case ("Bee Staff Writer.",
     * "Sep. 13, 2004."). Not a kicker ("Clinched.", "Remember 1965?", "Argh!"), not shouted copy of more words, and
     * never in a script without letter case (Arabic, Hebrew, Korean: case says nothing there).
     */
    private static boolean isFragment(String sentence) {
        String s = sentence.strip();
        if (s.isEmpty() || endsWithFullWidthStop(s) || s.endsWith("?") || s.endsWith("!")
                || s.codePoints().noneMatch(c -> Character.isUpperCase(c) || Character.isLowerCase(c))) {
            return false;
        }
        String[] words = s.split("\\s+");
        if (words.length == 1) {
            String w = stripPunctuation(words[0]);
            return w.isEmpty() || Character.isLowerCase(w.charAt(0)) || w.indexOf('.') > 0;
        }
        if (words.length > 5) {
            return false;
        }
        for (String word : words) {
            String w = stripPunctuation(word);
            if (w.length() >= 2 && w.chars().allMatch(Character::isLetter) && Character.isLowerCase(w.charAt(0))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Paragraphs are cleaned one at a time, only as far as the teaser needs them. A story whose every paragraph
     * reads as boilerplate (a photo item that is all caption) gets its first one rather than no teaser.
     */
    private String fromParagraphs(List<String> paragraphs, String headlinePrint, SentenceSplitter splitter) {
        String teaser = fromParagraphs(paragraphs, headlinePrint, false, splitter);
        return teaser.isEmpty() ? fromParagraphs(paragraphs, headlinePrint, true, splitter) : teaser;
    }

    private String fromParagraphs(List<String> paragraphs, String headlinePrint, boolean boilerplateToo,
                                  SentenceSplitter splitter) {
        StringBuilder teaser = new StringBuilder(limit + 8);
        boolean skipped = false; // a paragraph left out since the teaser's last words
        for (String raw : paragraphs) {
            String paragraph = usable(raw, headlinePrint, boilerplateToo, splitter);
            if (paragraph == null) {
                skipped = teaser.length() > 0;
                continue;
            }
            if (teaser.length() > 0 && !TeaserText.endsLikeSentence(teaser.toString())
                    && !(TeaserText.introducesQuote(teaser.toString(), paragraph) && !skipped)) {
                // words without a full stop must not run on into the next paragraph's sentence; a colon runs on
                // only into the quote right after it ("... told reporters:" then "\"We will not back down.\"")
                break;
            }
            for (int[] s : splitter.split(paragraph)) {
                String sentence = paragraph.substring(s[0], s[1]);
                if (teaser.length() > 0 && PROMOTION.matcher(sentence).lookingAt()) {
                    // "... on Wednesday. Read more: What to expect from the budget": another story's link ends it
                    return teaser.toString();
                }
                // Chinese and Japanese sentences follow each other without a space
                boolean space = teaser.length() > 0 && !endsWithFullWidthStop(teaser);
                int room = limit - (teaser.length() == 0 ? 0 : Graphemes.count(teaser) + (space ? 1 : 0));
                if (Graphemes.count(sentence) <= room) {
                    if (space) {
                        teaser.append(' ');
                    }
                    teaser.append(sentence);
                    continue;
                }
                if (teaser.length() > 0 && Graphemes.count(teaser) * 4 < limit && room >= TeaserLimits.MIN_LIMIT) {
                    // a kicker alone says nothing ("Ouch.", "Yahoo!"): the next sentence follows it, cut to the room
                    return teaser.append(space ? " " : "").append(new SentenceTeaserWriter(limits, room).cut(sentence))
                            .toString();
                }
                return teaser.length() == 0 ? cut(sentence) : teaser.toString();
            }
            if (Graphemes.count(teaser) * 2 >= limit) {
                break;
            }
        }
        String result = teaser.toString();
        return TeaserText.fingerprint(result).equals(headlinePrint) ? "" : result;
    }

    /** A link to another story put at a paragraph's end: a label, then a colon or bar, then its headline. */
    private static final java.util.regex.Pattern PROMOTION = java.util.regex.Pattern.compile(
            "(?i)(?:read more|read next|related|see also|also read|more on this|watch|listen|lesen sie auch|lire aussi"
                    + "|leia também|lee también)\\s*+[:|»›>]");

    /** Ends with "。！？", before any closing marks ("終わった。」"). */
    private static boolean endsWithFullWidthStop(CharSequence text) {
        int i = text.length() - 1;
        while (i > 0 && "」』）》〉”’\"".indexOf(text.charAt(i)) >= 0) {
            i--;
        }
        char last = text.charAt(i);
        return last == '。' || last == '！' || last == '？';
    }

    private String bound(String text, SentenceSplitter splitter) {
        if (Graphemes.count(text) <= limit) {
            return text;
        }
        List<int[]> sentences = splitter.split(text);
        int end = -1;
        for (int[] s : sentences) {
            if (Graphemes.count(text, s[1]) > limit) {
                break;
            }
            end = s[1];
        }
        return end > 0 ? text.substring(0, end) : cut(text);
    }

    /**
     * The longest safe word-boundary prefix plus "…", within the limit; a clause boundary (after a comma, semicolon,
     * colon or dash) is preferred when it keeps at least two thirds of the limit, so a cut reads "…from the Gaza
     * Strip…" rather than "…to evacuate Jewish…".
     */
    String cut(String text) {
        int maxEnd = Graphemes.prefixEnd(text, limit - 1);
        if (maxEnd >= text.length()) {
            return text;
        }
        if (isMostlyUnspaced(text, maxEnd)) {
            // Chinese and Japanese have no spaces to cut at: after the last full-width comma, enumeration comma,
            // semicolon or colon that keeps half the limit ("…积极作用…", not "…投资的…"), else at the limit
            for (int i = maxEnd - 1; i > 0 && Graphemes.count(text, i) * 2 >= limit; i--) {
                if (CJK_CLAUSE_MARKS.indexOf(text.charAt(i)) >= 0) {
                    return text.substring(0, i) + ELLIPSIS;
                }
            }
            return text.substring(0, maxEnd).stripTrailing() + ELLIPSIS;
        }
        for (int gap = lastGapAtOrBefore(text, maxEnd); gap > 0; gap = lastGapAtOrBefore(text, gap - 1)) {
            if (Graphemes.count(text, gap) * 3 < limit * 2) {
                break;
            }
            if (endsClause(text, gap)) {
                String candidate = trimDangling(text.substring(0, gap));
                if (isSafeCut(text, candidate, true)) {
                    return candidate + ELLIPSIS;
                }
            }
        }
        String unbalanced = null;
        String anyWord = null;
        for (int gap = lastGapAtOrBefore(text, maxEnd); gap > 0; gap = lastGapAtOrBefore(text, gap - 1)) {
            String candidate = trimDangling(text.substring(0, gap));
            if (isSafeCut(text, candidate, true)) {
                return candidate + ELLIPSIS;
            }
            if (unbalanced == null && isSafeCut(text, candidate, false)) {
                unbalanced = candidate;
            }
            if (anyWord == null && !candidate.isEmpty()) {
                anyWord = candidate;
            }
        }
        // A quotation or bracket that opens the lead and does not close within the limit leaves no balanced gap:
        // better an open quote than a cut word ("Our hospitals ... from the govern…")
        if (unbalanced != null || anyWord != null) {
            return (unbalanced != null ? unbalanced : anyWord) + ELLIPSIS;
        }
        // One unbreakable run longer than the limit (a URL, a long compound): cut at a cluster boundary.
        return text.substring(0, Graphemes.prefixEnd(text, limit - 1)).stripTrailing() + ELLIPSIS;
    }

    private static final String CJK_CLAUSE_MARKS = "\uff0c\u3001\uff1b\uff1a";

    /** Whether most of the first {@code end} characters are Chinese or Japanese, which put no spaces between words. */
    private static boolean isMostlyUnspaced(String text, int end) {
        int unspaced = 0;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) < 0x2E80) {
                continue; // below every Chinese and Japanese block
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(text.charAt(i));
            if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA) {
                unspaced++;
            }
        }
        return unspaced * 2 > end;
    }

    /** Whether the text before the space at {@code gap} ends a clause: "…, ", "…; ", "…: ", "… – ". */
    private static boolean endsClause(String text, int gap) {
        char c = text.charAt(gap - 1);
        return c == ',' || c == ';' || c == ':' || c == '–' || c == '—'
                || c == '-' && gap >= 2 && text.charAt(gap - 2) == ' ';
    }

    /** Index of a space at or before {@code i} (the cut is before it), or -1. */
    private static int lastGapAtOrBefore(String text, int i) {
        for (int j = Math.min(i, text.length() - 1); j > 0; j--) {
            if (text.charAt(j) == ' ') {
                return j;
            }
        }
        return -1;
    }

    /** Judged on the whole tokens of {@code text} around the end of {@code candidate}, a prefix of it. */
    private static boolean isSafeCut(String text, String candidate, boolean balanced) {
        if (candidate.isEmpty()) {
            return false;
        }
        int tokenEnd = candidate.length();
        while (tokenEnd < text.length() && text.charAt(tokenEnd) != ' ') {
            tokenEnd++;
        }
        String before = lastToken(text, tokenEnd);
        String after = tokenEnd < text.length() ? nextToken(text, tokenEnd + 1) : "";
        String lastWord = lastToken(candidate, candidate.length());
        if (Abbreviations.isStopWord(stripPunctuation(lastWord))) {
            return false;
        }
        // inside a name: "…President Hugo…", "…UN Security…" (a word that closes a clause may precede one)
        if (lastWord.equals(before) && startsUpper(lastWord) && startsUpper(after) && candidate.length() > lastWord.length()
                && Character.isLetterOrDigit(lastWord.charAt(lastWord.length() - 1))) {
            return false;
        }
        if (before.endsWith(".") && (Abbreviations.isTitleOrFixed(before) || Abbreviations.isDottedAcronym(before))) {
            return false;
        }
        if (isNumber(before) && (isNumber(after) && after.length() == 3 || Abbreviations.isNumberUnit(after))) {
            return false;
        }
        if (isCurrency(before) && isNumber(after)) {
            return false;
        }
        return !balanced || isBalanced(candidate);
    }

    /** Strips trailing punctuation and function words, so the ellipsis follows a content word. */
    private static String trimDangling(String s) {
        String t = s;
        while (true) {
            int end = t.length();
            while (end > 0 && isDanglingChar(t.charAt(end - 1))) {
                end--;
            }
            t = t.substring(0, end);
            String last = lastToken(t, t.length());
            if (!last.isEmpty() && Abbreviations.isStopWord(last) && t.length() > last.length()) {
                t = t.substring(0, t.length() - last.length());
                continue;
            }
            return t;
        }
    }

    private static boolean isDanglingChar(char c) {
        return c == ' ' || c == ',' || c == ';' || c == ':' || c == '-' || c == '–' || c == '—' || c == '/'
                || c == '&' || c == '(' || c == '[' || c == '„' || c == '«' || c == '.'
                || c == '!' || c == '?' || c == '…' || c == '·' || c == '•';
    }

    private static boolean isBalanced(String s) {
        int straight = 0;
        int curly = 0;
        int low9 = 0;
        int guillemets = 0;
        int brackets = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> straight ^= 1;
                case '„' -> low9++;
                case '“' -> {
                    if (low9 > 0) {
                        low9--;
                    } else {
                        curly++;
                    }
                }
                case '”' -> curly = Math.max(0, curly - 1);
                case '«' -> guillemets++;
                case '»' -> guillemets = Math.max(0, guillemets - 1);
                case '(', '[' -> brackets++;
                case ')', ']' -> brackets = Math.max(0, brackets - 1);
                default -> {
                }
            }
        }
        return straight == 0 && curly == 0 && low9 == 0 && guillemets == 0 && brackets == 0;
    }

    private static String lastToken(String s, int end) {
        int start = end;
        while (start > 0 && s.charAt(start - 1) != ' ') {
            start--;
        }
        return s.substring(start, end);
    }

    private static String nextToken(String s, int start) {
        int end = start;
        while (end < s.length() && s.charAt(end) != ' ') {
            end++;
        }
        return s.substring(start, end);
    }

    private static String stripPunctuation(String token) {
        int start = 0;
        int end = token.length();
        while (start < end && !Character.isLetterOrDigit(token.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(token.charAt(end - 1))) {
            end--;
        }
        return token.substring(start, end);
    }

    private static boolean startsUpper(String token) {
        return !token.isEmpty() && Character.isUpperCase(token.charAt(0));
    }

    private static boolean isNumber(String token) {
        String t = stripPunctuation(token);
        if (t.isEmpty()) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!Character.isDigit(c) && c != '.' && c != ',') {
                return false;
            }
        }
        return true;
    }

    private static boolean isCurrency(String token) {
        return token.equals("€") || token.equals("$") || token.equals("£") || token.equals("US$")
                || token.equalsIgnoreCase("EUR") || token.equalsIgnoreCase("USD") || token.equalsIgnoreCase("GBP");
    }

    private static String afterLeadingHeadline(String paragraph, String headlinePrint) {
        int matched = 0;
        int i = 0;
        while (i < paragraph.length() && matched < headlinePrint.length()) {
            char c = paragraph.charAt(i++);
            if (Character.isLetterOrDigit(c)) {
                matched++;
            }
        }
        int rest = i;
        while (rest < paragraph.length() && paragraph.charAt(rest) == ' ') {
            rest++;
        }
        // only a headline used as a lead-in ("Storm hits coast: ...", "Storm hits coast. ...") is dropped
        if (rest >= paragraph.length() || ".:!?|—–-".indexOf(paragraph.charAt(rest)) < 0) {
            return i >= paragraph.length() ? "" : paragraph;
        }
        while (rest < paragraph.length() && !Character.isLetterOrDigit(paragraph.charAt(rest))
                && paragraph.charAt(rest) != '"' && paragraph.charAt(rest) != '“') {
            rest++;
        }
        return paragraph.substring(rest);
    }
}
