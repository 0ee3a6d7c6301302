package dev.newsflow.enrich.text.teaser;

import dev.newsflow.runtime.PlainText;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Cleans one paragraph for use in a teaser: leftover markup and HTML entities, white space (including no-break and
 * zero-width spaces), a leading dateline ("LONDON (Reuters) -", "PARIS, Jan 5 (AFP) —"), and tells bylines and
 * boilerplate lines ("Read more", "Advertisement", "Photo: ...") apart from text.
 */
final class TeaserText {

    // only "by" is case-blind: under CASE_INSENSITIVE, \p{Lu} matches lower case too, and "by the way - ..." was a
    // byline. A name is capitalised words with the particles names carry ("al-Haj", "dos Santos", "du Bois"); the
    // credit after it is a few capitalised words or staff words ("Associated Press", "Political Editor, in London"),
    // so "By Sunday, the storm had passed." is a sentence, not a byline
    private static final String NAME_WORD = "(?:\\p{Lu}[\\p{L}\\p{M}.'’-]*|(?:al|el)-\\p{Lu}[\\p{L}\\p{M}.'’-]*|d'\\p{Lu}[\\p{L}\\p{M}.'’-]*)";
    private static final String JOINER = "(?:and|und|et|y|e|en|&|van|von|de|der|den|da|das|do|dos|du|del|della|di|le|la|ter|ten|bin|ibn)";
    private static final String CREDIT_WORD = "(?:\\p{Lu}[\\p{L}\\p{M}.&'’-]*|in|at|for|of|the|and|special|to"
            + "|(?:\\p{Ll}+\\s+){0,2}(?:staff|writer|editor|reporter|correspondent|contributor|columnist))";
    private static final Pattern BYLINE = Pattern.compile(
            "^(?iu:by|von|par|por|di|door|af|av|przez)\\s+" + NAME_WORD + "(?:\\s+(?:" + NAME_WORD + "|" + JOINER + "))*"
                    + "(?:\\s*[,|–—-]\\s*" + CREDIT_WORD + "(?:[\\s,]+" + CREDIT_WORD + "){0,4})?\\.?$");
    private static final Pattern BOILERPLATE = Pattern.compile(
            "^(?:read more|related(?: articles| stories| coverage)?:?|advertisement|sponsored|sign up|subscribe|click here|"
                    + "share this|follow us|follow (?:the )?live|photo(?:graph)?s?:|image:|picture:|video:|file photo|"
                    + "getty images|reuters/|copyright|©|all rights reserved|we use cookies|listen to this article|"
                    + "\\d+ min(?:ute)?s? read|updated:?\\s|published:?\\s|last modified|mehr zum thema|lire aussi|"
                    + "lesen sie auch|leia também|lee también|anzeige|werbung|publicité|publicidad|"
                    // an editor's note before the story: shown with it, never its teaser
                    + "corrections?:|clarifications?:|editor(?:'|’)?s note:|(?:content |trigger )?warning:|"
                    + "this (?:article|story|report|piece) (?:was|has been|is|contains|includes|may contain)\\s|"
                    + "image (?:copyright|caption)|media caption)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A picture's caption ends on its credit: "... on Saturday. (Photo: Ross Parry)", "... Picture: PA". */
    private static final Pattern CAPTION_CREDIT = Pattern.compile(
            "(?:^|[\\s(])(?:photo(?:graph)?|picture|pic|image|credit)s?\\s*:\\s*[^.:!?]{2,60}\\)?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final int BOILERPLATE_MAX_CHARS = 200;
    /**
     * A paragraph this short that does not end like a sentence is a label, a caption or a broadcast line ("BBC1,
     * Radio 4 LW and this website", "The shape of the UK's economy In graphics"), not the story's opening.
     */
    private static final int LABEL_MAX_CHARS = 50;

    private TeaserText() {
    }

    /** See {@link PlainText#of}. */
    static String clean(String raw) {
        return PlainText.of(raw);
    }

    /** The paragraph without a leading dateline. */
    static String withoutDateline(String paragraph) {
        return Dateline.strip(paragraph);
    }

    static boolean isByline(String paragraph) {
        return paragraph.length() <= 120 && BYLINE.matcher(paragraph).matches();
    }

    static boolean isBoilerplate(String paragraph) {
        if (paragraph.length() <= BOILERPLATE_MAX_CHARS && BOILERPLATE.matcher(paragraph).lookingAt()) {
            return true;
        }
        if (paragraph.length() <= BOILERPLATE_MAX_CHARS && CAPTION_CREDIT.matcher(paragraph).find()) {
            return true;
        }
        return paragraph.length() <= LABEL_MAX_CHARS && !endsLikeSentence(paragraph);
    }

    /**
     * A sender's description that its CMS or feed cut off, without the mark of the cut; null when it is whole. Cut
     * means a bracketed ellipsis ("… the minister [...]", WordPress's "[&hellip;]"), or, in a text of at least
     * {@value #TRUNCATED_MIN_CHARS} characters, an ellipsis after a comma or a word no sentence ends on ("... and the
     * mayor said..."): an editor's own "this was no ordinary Saturday…" ends on a word and stays.
     */
    static String withoutTruncation(String description) {
        var bracketed = BRACKETED_ELLIPSIS.matcher(description);
        if (bracketed.find()) {
            return description.substring(0, bracketed.start()).strip();
        }
        var trailing = TRAILING_ELLIPSIS.matcher(description);
        if (trailing.find() && trailing.start() >= TRUNCATED_MIN_CHARS) {
            String before = description.substring(0, trailing.start());
            int lastWord = before.length();
            while (lastWord > 0 && Character.isLetter(before.charAt(lastWord - 1))) {
                lastWord--;
            }
            if (before.endsWith(",") || lastWord < before.length() && Abbreviations.isStopWord(before.substring(lastWord))) {
                return before.strip();
            }
        }
        return null;
    }

    // the entity forms too: a sender that escaped its "&" twice sends "[&amp;hellip;]", decoded once to "[&hellip;]"
    private static final Pattern BRACKETED_ELLIPSIS =
            Pattern.compile("\\s*[\\[(](?:…|\\.{3}|&hellip;|&#8230;|&#x2026;)[\\])]\\s*$");
    private static final Pattern TRAILING_ELLIPSIS = Pattern.compile("\\s*(?:…|\\.{3,})\\s*$");
    private static final int TRUNCATED_MIN_CHARS = 80;

    /** The text without a trailing link label a feed's description ends with ("... Read more »", "Continue reading"). */
    static String withoutReadMore(String text) {
        return TRAILING_READ_MORE.matcher(text).replaceFirst("");
    }

    // a link label only with its arrow, ellipsis or brackets: "children should read more" is a sentence
    private static final Pattern TRAILING_READ_MORE = Pattern.compile(
            "\\s*(?<![\\p{L}\\p{N}])(?:[\\[(](?:read more|continue reading|read the full (?:story|article))[\\])]"
                    + "|(?:read more|continue reading|read the full (?:story|article)|(?:find out|learn|see|discover) more"
                    + "|more)\\s*(?:»|›|>>|→|…|\\.{3}))\\s*$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Letters and digits only, lower case: for "is this just the headline again?". */
    static String fingerprint(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** Whether the text ends like a sentence: ". ! ? … 。" before any closing quotes or brackets. */
    static boolean endsLikeSentence(String paragraph) {
        char last = lastMark(paragraph);
        // Latin, CJK full-width, Devanagari danda, Urdu full stop, Arabic question mark, Armenian, Ethiopic
        return SENTENCE_ENDS.indexOf(last) >= 0;
    }

    /** {@code text} ends with a colon and {@code next} opens with a quotation mark: "... told reporters:", "\"We ...". */
    static boolean introducesQuote(String text, String next) {
        char last = lastMark(text);
        return (last == ':' || last == '：') && !next.isEmpty() && "\"“„«‘'「『".indexOf(next.charAt(0)) >= 0;
    }

    private static final String SENTENCE_ENDS = ".!?…。！？।॥۔؟։።፧។။།｡;";

    /** The last character before closing quotes and brackets, or 0 for none. */
    private static char lastMark(String paragraph) {
        for (int i = paragraph.length() - 1; i >= 0; i--) {
            char c = paragraph.charAt(i);
            if ("\"”“’')»」』）》〉".indexOf(c) >= 0) {
                continue;
            }
            return c;
        }
        return 0;
    }

}
