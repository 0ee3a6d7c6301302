package dev.newsflow.enrich.text.teaser;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes a wire-style dateline from the start of a paragraph: "LONDON (Reuters) - ", "NEW YORK, March 3 (AP) — ",
 * "WASHINGTON — ", "(Reuters) - ". An all-capitals opening needs three letters or more, or an agency in brackets,
 * so "US - and EU - officials" keeps its words.
 */
public final class Dateline {

    /** "LONDON (Reuters) - ", "NEW YORK, March 3 (AP) — ", "WASHINGTON — ", "(Reuters) - ". */
    private static final Pattern DATELINE = Pattern.compile(
            "^(?:\\p{Lu}[\\p{Lu}\\p{M} .'’-]{1,40}(?:,\\s*\\p{Lu}[\\p{L}\\p{M}.'’ ]{1,30}?)?(?:,?\\s+\\p{L}{3,9}\\.?\\s+\\d{1,2})?\\s*"
                    + "(?:\\([\\p{L}\\p{M} .&/-]{2,40}\\)\\s*)?|\\([\\p{L}\\p{M} .&/-]{2,40}\\)\\s*)[-–—]{1,2}\\s+");
    private static final Pattern ALL_CAPS_PLACE = Pattern.compile("^\\p{Lu}[\\p{Lu}\\p{M} .'’-]+");
    /**
     * A wire byline before the dateline, by its number of name words: "By JOHN ANTCZAK  LONG BEACH, Calif. (AP) -- ",
     * "By SETH BORENSTEIN AP Science Writer WASHINGTON (AP) -- ". Tried from the longest name down, since the place
     * that follows is in capitals too.
     */
    private static final Pattern[] BYLINE_FIRST = java.util.stream.IntStream.rangeClosed(1, 4).map(k -> 5 - k)
            .mapToObj(k -> Pattern.compile("^By\\s+(?:\\p{Lu}[\\p{L}\\p{M}.'’-]*\\s+){" + k + "}"
                    + "(?:(?:AP|AFP|Reuters)\\s+(?:\\p{Lu}\\p{L}*\\s+){0,3}?(?:Writer|Correspondent|Reporter|Editor)\\s+)?"))
            .toArray(Pattern[]::new);
    /** What follows a credit that is not a sentence's subject: "AP - Federal …", not "Bloomberg - the former mayor -". */
    private static final String THEN_SENTENCE = "(?=[\\p{Lu}\\p{N}\"“‘']|\\p{Ll}\\p{Lu})"; // "iPhone" too
    /** A date as the dateline: "Feb. 23, 2015 -- ", "OCTOBER 05, 2004 - ". Month names only, so no sentence matches. */
    private static final Pattern DATE_LINE = Pattern.compile("^(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
            + "\\p{L}{0,6}\\.?\\s+\\d{1,2},?\\s+\\d{4}\\s*[-–—]{1,2}\\s+" + THEN_SENTENCE);
    /**
     * A news agency or feed credited without brackets: "AP - ", "Reuters - ", "Canadian Press - ", "SPACE.com - ".
     * Named, not guessed: "Apple - the maker of ..." must keep its first word.
     */
    private static final Pattern AGENCY_LINE = Pattern.compile("^(?:AP|AFP|Reuters|UPI|PA|CP|DPA|Xinhua|Kyodo|Yonhap"
            + "|Bloomberg|Associated Press|Canadian Press|Press Association|NewsFactor|Ziff Davis|PC World|InfoWorld"
            + "|MacCentral|CBC SPORTS ONLINE|[\\p{L}\\d-]+\\.(?:com|net|org|co\\.uk))\\s+[-–—]{1,2}\\s+" + THEN_SENTENCE);

    private Dateline() {
    }

    /** The paragraph without a leading dateline (and a wire byline before it). */
    public static String strip(String paragraph) {
        if (!mayStartWithDateline(paragraph)) {
            return paragraph;
        }
        for (Pattern credit : new Pattern[] {DATE_LINE, AGENCY_LINE}) {
            Matcher m = credit.matcher(paragraph);
            if (m.lookingAt()) {
                // a feed's credit before the wire's own dateline: "Canadian Press - RED DEER, Alta. (CP) - The ..."
                return stripPlaceDateline(paragraph.substring(m.end()));
            }
        }
        for (Pattern bylineFirst : BYLINE_FIRST) {
            Matcher byline = bylineFirst.matcher(paragraph);
            if (byline.lookingAt()) {
                String rest = stripPlaceDateline(paragraph.substring(byline.end()));
                // only with a dateline after it: "By train and bus - ..." is a sentence
                if (rest.length() < paragraph.length() - byline.end()) {
                    return rest;
                }
            }
        }
        return stripPlaceDateline(paragraph);
    }

    /** "LONDON: Britain will ...": a known place in capitals and a colon, as Asian and Gulf wires write it. */
    private static final Pattern COLON_DATELINE = Pattern.compile("^(\\p{Lu}[\\p{Lu}\\p{M} .'’-]{2,40}):\\s+" + THEN_SENTENCE);

    private static String stripPlaceDateline(String paragraph) {
        Matcher colon = COLON_DATELINE.matcher(paragraph);
        // a known place only: "TRUMP: We will build ..." is a speaker, and the quote must keep its attribution
        if (colon.lookingAt() && (dev.newsflow.enrich.text.tags.Places.isKnown(colon.group(1))
                || colon.group(1).strip().equals("UNITED NATIONS"))) { // the UN's own dateline; a body, not a place tag
            return paragraph.substring(colon.end());
        }
        Matcher m = DATELINE.matcher(paragraph);
        if (!m.lookingAt()) {
            return paragraph;
        }
        String head = paragraph.substring(0, m.end());
        boolean agency = head.indexOf('(') >= 0;
        Matcher place = ALL_CAPS_PLACE.matcher(head);
        // "US - and EU - ..." opens with an acronym, not a place: a dateline needs three letters or an agency
        if (!agency && (!place.lookingAt() || letters(place.group()) < 3)) {
            return paragraph;
        }
        return paragraph.substring(m.end());
    }

    /** Cheap test before the regular expression: capital or bracket first, a dash or colon in the first 90 chars. */
    private static boolean mayStartWithDateline(String paragraph) {
        if (paragraph.isEmpty() || !(Character.isUpperCase(paragraph.charAt(0)) || paragraph.charAt(0) == '(')) {
            return false;
        }
        int end = Math.min(paragraph.length(), 90);
        for (int i = 1; i < end; i++) {
            char c = paragraph.charAt(i);
            if (c == '-' || c == '–' || c == '—' || c == ':') {
                return true;
            }
        }
        return false;
    }

    private static int letters(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }
}
