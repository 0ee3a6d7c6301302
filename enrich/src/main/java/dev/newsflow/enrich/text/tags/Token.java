package dev.newsflow.enrich.text.tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A word of clean text with what the tag heuristics need: its case, whether a sentence starts with it, whether
 * punctuation follows it, whether it carried a possessive "'s". Dots inside acronyms are kept ("U.S.").
 */
final class Token {

    final String text;
    final String lower;
    final boolean capitalised;
    final boolean acronym;
    final boolean numeric;
    final boolean sentenceStart;
    boolean breakAfter;
    final boolean possessive;
    final boolean stopWord;

    private Token(String text, boolean sentenceStart, boolean possessive) {
        this.text = text;
        // returns text itself when there is nothing to lower
        this.lower = text.toLowerCase(Locale.ROOT);
        char first = text.charAt(0);
        this.numeric = Character.isDigit(first);
        this.capitalised = Character.isUpperCase(first) || Character.isTitleCase(first);
        this.acronym = capitalised && isAcronym(text) && !Gazetteer.NOT_ACRONYMS.contains(lower);
        this.sentenceStart = sentenceStart;
        this.possessive = possessive;
        this.stopWord = !acronym && Gazetteer.STOP_WORDS.contains(lower);
    }

    /**
     * The form a name is keyed by: the shown form without dots, as a headline is matched ("George W. Bush" as
     * "george w bush", "Amazon.com" as "amazoncom").
     */
    String keyForm() {
        String shown = display();
        return (shown.indexOf('.') >= 0 ? shown.replace(".", "") : shown).toLowerCase(Locale.ROOT);
    }

    /** The form shown in a tag: acronyms without dots ("U.S." as "US"), shouted words in title case ("LONDON"). */
    String display() {
        if (acronym) {
            return text.indexOf('.') >= 0 ? text.replace(".", "") : text;
        }
        if (capitalised && text.length() > 1 && isAllUpperCase(text) && !isCode(text)) {
            return text.charAt(0) + lower.substring(1);
        }
        return text;
    }

    /**
     * A code written in capitals on purpose, not a shouted word: it has a digit ("PS4", "MS-04") or hyphenated parts
     * of three letters or fewer ("AFL-CIO"). "JOHN" becomes "John", "JEAN-PAUL" "Jean-paul"; codes stay as written.
     */
    private static boolean isCode(String text) {
        if (text.chars().anyMatch(Character::isDigit)) {
            return true;
        }
        if (text.indexOf('-') < 0) {
            return false;
        }
        for (String part : text.split("-")) {
            if (part.length() > 3) {
                return false;
            }
        }
        return true;
    }

    /** Abbreviations that begin a name, so that their dot is neither a break nor a sentence end ("Dr. Naomi Clarke"). */
    private static final java.util.Set<String> NAME_ABBREVIATIONS = java.util.Set.of("St", "Mt", "Ft", "Pt", "Ste",
            "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Sen", "Rep", "Gov", "Sgt", "Lt", "Col", "Capt", "Rev");

    /** Second halves of compound adjectives made from a name: "London-based", "US-led", "Soviet-era". */
    private static final java.util.Set<String> COMPOUND_ADJECTIVE_ENDINGS = java.util.Set.of("based", "led", "backed",
            "linked", "run", "style", "born", "bound", "era", "owned", "controlled", "made", "funded", "sponsored",
            "allied", "friendly", "focused", "centred", "centered", "inspired", "brokered");

    static List<Token> split(String text) {
        List<Token> tokens = new ArrayList<>(text.length() / 5);
        int n = text.length();
        boolean sentenceStart = true;
        int i = 0;
        int checkedUntil = 0; // the end of the last run of non-space characters found to be no link: asked once
        while (i < n) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                if (c == '&' && !tokens.isEmpty() && !tokens.get(tokens.size() - 1).breakAfter) {
                    // "Marlow & Finch", "Procter & Gamble": a joiner token, so a name may run across it
                    tokens.add(new Token("&", false, false));
                    i++;
                    continue;
                }
                if (c == '.' && !tokens.isEmpty() && NAME_ABBREVIATIONS.contains(tokens.get(tokens.size() - 1).text)) {
                    i++; // "St. Aldric's Hospital", "Mt. Kenya": the dot of an abbreviation inside a name ends nothing
                    continue;
                }
                if (c == '.' && isMiddleInitial(tokens, text, i)) {
                    // "George W. Bush", "Michael J. Fox": the initial keeps its dot and the name runs on
                    Token initial = tokens.get(tokens.size() - 1);
                    tokens.set(tokens.size() - 1, new Token(initial.text + ".", initial.sentenceStart, false));
                    i++;
                    continue;
                }
                if (!tokens.isEmpty() && c != ' ' && c != '-' && c != '\'' && c != '’') {
                    tokens.get(tokens.size() - 1).breakAfter = true;
                }
                if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '"' || c == '“' || c == '”') {
                    sentenceStart = c == '.' || c == '!' || c == '?' || c == ':' || sentenceStart;
                }
                i++;
                continue;
            }
            boolean www = text.regionMatches(true, i, "www.", 0, 4);
            if (www || i >= checkedUntil) {
                int runEnd = runEnd(text, i);
                if (www || isLink(text, i, runEnd) || isTicker(text, i, runEnd)) {
                    // a web address names no subject: "http://www.investor.reuters.com/FullQuote.aspx" gives no tags
                    // "http" and "fullquote"; nor does a stock code ("MSFT.O" was the tag "MSFTO")
                    if (!tokens.isEmpty()) {
                        tokens.get(tokens.size() - 1).breakAfter = true;
                    }
                    i = runEnd;
                    continue;
                }
                checkedUntil = runEnd;
            }
            int start = i;
            while (i < n) {
                char d = text.charAt(i);
                if (isAsciiWordChar(d) || d >= 0x80 && (Character.isLetterOrDigit(d)
                        || Character.getType(d) == Character.NON_SPACING_MARK)) {
                    i++;
                } else if (d == '&' && i + 1 < n && Character.isUpperCase(text.charAt(i + 1))
                        && Character.isUpperCase(text.charAt(i - 1))) {
                    i++; // "AT&T", "P&O", "M&S": one word
                } else if ((d == '-' || d == '.' || d == '\'' || d == '’') && i + 1 < n
                        && Character.isLetterOrDigit(text.charAt(i + 1))
                        && !isPossessiveAt(text, i)) {
                    i++;
                } else {
                    break;
                }
            }
            int end = i;
            // keep the closing dot of a dotted acronym: "U.S."
            if (end < n && text.charAt(end) == '.' && end - start >= 3 && text.charAt(end - 2) == '.') {
                end++;
                i++;
            }
            boolean possessive = isPossessiveAt(text, i);
            if (possessive) {
                i += 2;
            } else if (i < n && (text.charAt(i) == '\'' || text.charAt(i) == '’')
                    && text.charAt(i - 1) == 's' && (i + 1 >= n || !Character.isLetter(text.charAt(i + 1)))) {
                possessive = true;
                i++;
            }
            String word = text.substring(start, end);
            int hyphen = word.lastIndexOf('-');
            if (hyphen > 0 && Character.isUpperCase(word.charAt(0))
                    && COMPOUND_ADJECTIVE_ENDINGS.contains(word.substring(hyphen + 1).toLowerCase(Locale.ROOT))) {
                // "Houston-based Continental", "Al Qaeda-linked group", "US-led": the name before the hyphen, and
                // the name never runs on into the next one
                Token base = new Token(word.substring(0, hyphen), sentenceStart, false);
                base.breakAfter = true;
                tokens.add(base);
            } else {
                tokens.add(new Token(word, sentenceStart, possessive));
            }
            sentenceStart = false;
        }
        return tokens;
    }

    /**
     * Whether the dot at {@code dot} closes a middle initial: one capital letter after a given name, and another
     * capitalised word after one space ("George W. Bush"); "plan B. Smith" and "Group A. Spain" end a sentence.
     */
    private static boolean isMiddleInitial(List<Token> tokens, String text, int dot) {
        int size = tokens.size();
        if (size < 2 || dot + 2 >= text.length() || text.charAt(dot + 1) != ' '
                || !Character.isUpperCase(text.charAt(dot + 2))) {
            return false;
        }
        Token initial = tokens.get(size - 1);
        Token given = tokens.get(size - 2);
        return initial.text.length() == 1 && Character.isUpperCase(initial.text.charAt(0)) && !initial.breakAfter
                && !given.breakAfter && given.capitalised && Gazetteer.isFirstName(given.lower)
                && oneNameFollows(text, dot + 2);
    }

    private static final java.util.Set<String> NAME_SUFFIXES = java.util.Set.of("Jr", "Sr", "Jnr", "Snr", "II", "III", "IV");

    /**
     * Whether the capitalised words from {@code at} finish the name the initial is in: one word ("Bush said"), or
     * words up to a suffix or a word that names a body or place ("Peters Jr", "Smith School of Business", "Kennedy
     * Space Center", "Bush Presidential Library"). Two or more plain names are a sentence that ended on the initial:
     * "Malcolm X. Attallah Shabazz, his daughter".
     */
    private static boolean oneNameFollows(String text, int at) {
        int words = 0;
        int i = at;
        String previous = "";
        while (words < 5) {
            int end = i;
            while (end < text.length() && (Character.isLetter(text.charAt(end)) || text.charAt(end) == '-'
                    || text.charAt(end) == '\'')) {
                end++;
            }
            String word = text.substring(i, end);
            String lower = word.toLowerCase(Locale.ROOT);
            words++;
            if (words > 1 && (NAME_SUFFIXES.contains(word) || Gazetteer.endsNoPersonsName(lower)
                    || Gazetteer.endsVenueName(previous, lower))) {
                return true;
            }
            previous = lower;
            // the run goes on over a space into another capitalised word, or over "of" ("School of Business")
            int next = end + 1;
            if (end < text.length() && text.charAt(end) == ' ' && text.startsWith("of ", next)) {
                next += 3;
            }
            if (end >= text.length() || text.charAt(end) != ' ' || next >= text.length()
                    || !Character.isUpperCase(text.charAt(next))) {
                return words == 1;
            }
            i = next;
        }
        return false;
    }

    /**
     * A Reuters instrument code in wire copy: "MSFT.O", "&lt;ORCL.O&gt;", "(WMT.N)", "Eaug.pa", "Uairq.ob"; the company is
     * named beside it.
     */
    private static final java.util.regex.Pattern TICKER = java.util.regex.Pattern.compile(
            "[<(]?(?:(?:[A-Z0-9]{2,6}\\.[A-Z]{1,2}|[A-Z][a-z]{2,5}\\.(?:pa|ob|pk|de|as|mi|l))[>),.;:]*"
                    + "|[A-Z]\\.(?:N|O|L)[>),;:]*)"); // "T.N" (AT&T), never with a dot after it: "U.S."

    /** {@link #TICKER}, tried only on a short run with a dot inside: the regex is not run on every word. */
    private static boolean isTicker(String text, int from, int to) {
        if (to - from < 3 || to - from > 12) {
            return false;
        }
        for (int k = from + 1; k < to - 1; k++) { // only inside the run: indexOf would scan on to the next sentence
            if (text.charAt(k) == '.') {
                return TICKER.matcher(text).region(from, to).matches();
            }
        }
        return false;
    }

    /** Where the run of non-space characters holding {@code i} ends. */
    private static int runEnd(String text, int i) {
        int end = i;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /**
     * Whether the run from {@code from} to {@code to} is a web address or markup: it holds "://" or "=" ("HREF=\"http://
     * ...", "target=/stocks/quickinfo", markup left in a wire's text). A word starting "www." is one wherever it is.
     */
    private static boolean isLink(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c == '=' || c == ':' && text.startsWith("//", k + 1)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAsciiWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static boolean isAllUpperCase(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLowerCase(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPossessiveAt(String text, int i) {
        return i + 1 < text.length() && (text.charAt(i) == '\'' || text.charAt(i) == '’')
                && (text.charAt(i + 1) == 's' || text.charAt(i + 1) == 'S')
                && (i + 2 >= text.length() || !Character.isLetterOrDigit(text.charAt(i + 2)));
    }

    private static boolean isAcronym(String text) {
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            } else if (c != '.' && c != '&') {
                return false;
            }
        }
        return letters >= 2 && letters <= 5;
    }
}
