package dev.newsflow.enrich.text.teaser;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes a wire-style dateline from the start of a paragraph: "LONDON (Reuters) - ", "NEW YORK, March 3 (AP) — ",
 * "WASHINGTON — ", "(Reuters) - ", "BAGHDAD/PARIS (Reuters) - ", "ISLAMABAD, Pakistan (AP) ", "NAJAF, Aug 17: ",
 * "CAIRO, Egypt ", "London - ". An all-capitals opening needs three letters or more, or an agency in brackets, so
 * "US - and EU - officials" keeps its words; the forms without a dash or colon, and places written in mixed case,
 * need a place the gazetteer knows ("PARIS, Hilton said" and "Apple - the maker" are sentences).
 */
public final class Dateline {

    private static final String CAPS_PLACE = "\\p{Lu}[\\p{Lu}\\p{M} .'’-]{1,40}";
    private static final String AGENCY = "\\([\\p{L}\\p{M} .&/-]{2,40}\\)";
    /** "(Nov. 4, 2004)": a date in brackets where an agency would stand; like one, it needs a dash after it. */
    private static final String BRACKETED_DATE = "\\(\\p{L}{3,9}\\.?\\s++\\d{1,2},?\\s++\\d{4}\\)";
    /** "March 3", "Oct. 9, 2004", "Oct, 17", "31 October 2004". */
    private static final String DATE = "(?:\\p{L}{3,9}\\.?,?\\s++\\d{1,2}(?:,?\\s++\\d{4})?|\\d{1,2}\\s++\\p{L}{3,9}\\.?(?:\\s++\\d{4})?)";
    /**
     * Places in capitals (several for a story filed from two desks: "BAGHDAD/PARIS"), a region, a date, an agency,
     * then a dash, a colon, or (after an agency) nothing: "NEW YORK, March 3 (AP) — ", "PORT-AU-PRINCE, Haiti
     * (AFP): ", "JAKARTA (Dow Jones)--", "BEIJING (AP) ". Which ends a given head may take is decided in code.
     * White space is matched possessively (never given back): a long run of it must not cost quadratic time.
     */
    private static final Pattern DATELINE = Pattern.compile(
            "^(?:(?<place>" + CAPS_PLACE + "(?:/" + CAPS_PLACE + "){0,3})"
                    + "(?<region>,\\s*+\\p{Lu}[\\p{L}\\p{M}.'’]*+(?: [\\p{L}\\p{M}.'’]++){0,3}?)?"
                    + "(?<date>,?\\s++" + DATE + ")?|(?=\\())\\s*+(?:(?:--|,)?\\s*+(?<agency>" + AGENCY + "|" + BRACKETED_DATE + ")\\s*+)?"
                    // after an agency only: a dash without a space, or no dash at all
                    + "(?<end>[-–—]{1,2}\\s+|:\\s+|(?<=\\)\\s{0,3})(?:--|—)(?=\\p{Lu})|(?<=\\)\\s{0,3})(?=[\\p{Lu}\\p{N}\"“‘]))");
    private static final Pattern ALL_CAPS_PLACE = Pattern.compile("^\\p{Lu}[\\p{Lu}\\p{M} .'’-]+");
    /** "CAIRO, Egypt The ...", "UNITED NATIONS, New York For years ...": the region decides (see regionOnly). */
    private static final Pattern CAPS_PLACE_AND_REGION = Pattern.compile("^(?<place>" + CAPS_PLACE + "),\\s++"
            + "(?<one>\\p{Lu}[\\p{L}\\p{M}.'’-]*+)(?<two>\\s++\\p{Lu}[\\p{L}\\p{M}.'’-]*+)?");
    /** "London - ", "San Diego -- ", "Bangkok (VNA) - ": a known place in mixed case, then a sentence. */
    private static final Pattern MIXED_CASE_PLACE = Pattern.compile("^(?<place>\\p{Lu}\\p{Ll}+(?:[ -]\\p{Lu}\\p{Ll}+){0,2})"
            + "\\s*+(?:" + AGENCY + "\\s*+)?[-–—]{1,2}\\s++(?=[\\p{Lu}\\p{N}\"“‘']|\\p{Ll}\\p{Lu})");
    /**
     * What follows a mixed-case "Place - " when the two names are one topic: "Israel - Palestinian talks resume",
     * "India - Pakistan ties", "US - China trade row". A dateline's sentence opens otherwise ("London - British
     * airline magnate ...", "Sydney - Australian retailer ...").
     */
    private static final Pattern PAIRED_TOPIC = Pattern.compile("\\p{Lu}[\\p{L}\\p{M}'’]++\\s++(?:talks|relations|ties|peace"
            + "|border|trade|summit|deal|conflict|war|dispute|rivalry|accord|agreement|negotiations|meeting|alliance|match"
            + "|series|cooperation|tensions|dialogue|pact)\\b");
    /** "WASHINGTON—The ...": a known place in capitals, an em dash with no space, a sentence (some US papers' style). */
    private static final Pattern CAPS_PLACE_EM_DASH = Pattern.compile("^(?<place>" + CAPS_PLACE + ")—(?=[\\p{Lu}\\p{N}\"“‘])");
    /** "(Baghdad, Iraq-AP) Oct. 9, 2004 - ": place and agency in one bracket, as some US wires write them. */
    private static final Pattern BRACKETED_PLACE_AND_AGENCY = Pattern.compile("^\\([\\p{L}\\p{M} ,.'’]{2,40}-\\s*+"
            + "(?:AP|AFP|Reuters|UPI|CP)\\)\\s*+(?:" + DATE + "\\s*+)?(?:[-–—]{1,2}\\s++|(?=[\\p{Lu}\\p{N}\"“‘]))");
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
            + "\\p{L}{0,6}\\.?\\s+\\d{1,2},?\\s+\\d{4}\\s*+(?:" + AGENCY + "\\s*+)?[-–—]{1,2}\\s+" + THEN_SENTENCE);
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
        String foreign = withoutOtherLanguagesWireHead(paragraph);
        if (foreign != null) {
            return foreign;
        }
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

    /**
     * The heads the wires of other languages write, each a form no sentence takes: a place, a day and an agency in
     * brackets ("MADRID, 12 mar (EFE).- ", "Madrid, 12 de marzo (EFE).- ", "MADRID, 12 (EUROPA PRESS) ", "Paris, 12
     * mars 2024 (AFP) - ", "Brasília, 12 mar (Lusa) - "); ANSA's agency first ("(ANSA) - ROMA, 12 MAR - "); a known
     * place in capitals and a full stop, as German regional papers write it ("BERLIN. "); a Chinese wire's place and
     * date ("新华社北京3月5日电（记者张三）", "中新网上海3月5日电") and a head in lenticular brackets ("【新华社北京3月5日电】",
     * "【ワシントン共同】"); and an Arabic place with its agency ("القاهرة (رويترز) - ").
     */
    private static final Pattern PLACE_DAY_AGENCY = Pattern.compile("^\\p{Lu}[\\p{L}\\p{M} .'’-]{1,40}?,\\s++\\d{1,2}"
            + "(?:\\s++(?:de\\s++)?\\p{L}{3,10}\\.?)?(?:\\s++(?:de\\s++)?\\d{4})?\\s++\\(\\p{Lu}[\\p{L}\\p{M} .&/-]{1,30}\\)"
            + "(?:\\s*+\\.?[-–—]{1,2}\\s*+|\\.?\\s++)(?=[\\p{Lu}\\p{N}\"“‘«¿¡])");
    private static final Pattern AGENCY_FIRST = Pattern.compile("^\\((?:ANSA|AGI|Adnkronos|ADNKRONOS|LaPresse)\\)\\s*+[-–—]{1,2}\\s*+");
    private static final Pattern CAPS_PLACE_STOP = Pattern.compile("^(?<place>" + CAPS_PLACE + ")\\.\\s++(?=\\p{Lu})");
    private static final Pattern CHINESE_WIRE = Pattern.compile("^(?:【[^】]{2,30}】|\\p{IsHan}{2,12}\\d{1,2}月\\d{1,2}日(?:电|讯)"
            + "(?:（[^）]{1,30}）|\\([^)]{1,30}\\))?)\\s*+");
    private static final Pattern ARABIC_WIRE = Pattern.compile("^[\\p{IsArabic} ]{2,30}\\s*+\\([\\p{IsArabic} ]{2,20}\\)\\s*+[-–—]{1,2}\\s*+");

    /** The paragraph after another language's wire head, or null when it opens with none. */
    private static String withoutOtherLanguagesWireHead(String paragraph) {
        if (paragraph.isEmpty()) {
            return null;
        }
        char first = paragraph.charAt(0);
        Matcher m;
        if (first == '【' || Character.UnicodeScript.of(first) == Character.UnicodeScript.HAN) {
            m = CHINESE_WIRE.matcher(paragraph);
            return m.lookingAt() && m.end() < paragraph.length() ? paragraph.substring(m.end()) : null;
        }
        if (Character.UnicodeScript.of(first) == Character.UnicodeScript.ARABIC) {
            m = ARABIC_WIRE.matcher(paragraph);
            return m.lookingAt() && m.end() < paragraph.length() ? paragraph.substring(m.end()) : null;
        }
        if (first == '(' && (m = AGENCY_FIRST.matcher(paragraph)).lookingAt()) {
            // once: a paragraph of agency heads repeated must cost neither a deep stack nor quadratic copying
            String rest = paragraph.substring(m.end());
            if (rest.isEmpty() || rest.charAt(0) == '(') {
                return rest;
            }
            String after = withoutOtherLanguagesWireHead(rest);
            return after != null ? after : stripPlaceDateline(rest);
        }
        if (!Character.isUpperCase(first)) {
            return null;
        }
        if ((m = PLACE_DAY_AGENCY.matcher(paragraph)).lookingAt()) {
            return paragraph.substring(m.end());
        }
        if ((m = CAPS_PLACE_STOP.matcher(paragraph)).lookingAt() && letters(m.group("place")) >= 3
                && isPlace(m.group("place"))) {
            return paragraph.substring(m.end());
        }
        return null;
    }

    /** "LONDON: Britain will ...": a known place in capitals and a colon, as Asian and Gulf wires write it. */
    private static final Pattern COLON_DATELINE = Pattern.compile("^(\\p{Lu}[\\p{Lu}\\p{M} .'’-]{2,40}):\\s+" + THEN_SENTENCE);

    /** The paragraph without a leading place dateline, and without the date line that may follow it. */
    private static String stripPlaceDateline(String paragraph) {
        String rest = placeDateline(paragraph);
        if (rest.length() < paragraph.length()) {
            Matcher date = DATE_LINE.matcher(rest); // "LAHORE, Pakistan: August 19, 2004 (PNS) - "
            return date.lookingAt() ? rest.substring(date.end()) : rest;
        }
        return paragraph;
    }

    private static String placeDateline(String paragraph) {
        Matcher colon = COLON_DATELINE.matcher(paragraph);
        // a known place only: "TRUMP: We will build ..." is a speaker, and the quote must keep its attribution
        if (colon.lookingAt() && (isPlace(colon.group(1))
                || colon.group(1).strip().equals("UNITED NATIONS"))) { // the UN's own dateline; a body, not a place tag
            return paragraph.substring(colon.end());
        }
        Matcher m = DATELINE.matcher(paragraph);
        if (m.lookingAt() && isDateline(m)) {
            return paragraph.substring(m.end());
        }
        for (Pattern form : new Pattern[] {BRACKETED_PLACE_AND_AGENCY, MIXED_CASE_PLACE, CAPS_PLACE_EM_DASH}) {
            Matcher f = form.matcher(paragraph);
            if (f.lookingAt() && (form == BRACKETED_PLACE_AND_AGENCY || isPlace(f.group("place")))
                    && !(form == MIXED_CASE_PLACE && PAIRED_TOPIC.matcher(paragraph).region(f.end(), paragraph.length()).lookingAt())) {
                return paragraph.substring(f.end());
            }
        }
        return regionOnly(paragraph);
    }

    /**
     * Whether a head the DATELINE pattern matched is one: an all-capitals place needs three letters or an agency; a
     * colon needs an agency, a date or a known region after the place ("HAMISH ROBERTSON:" is a speaker); no dash
     * at all, or a dash without a space, needs an agency ("SIR Mark Thatcher", "ABC--TV"), which the pattern checks.
     */
    private static boolean isDateline(Matcher m) {
        boolean agency = m.group("agency") != null;
        if (m.group("place") == null ? !agency : !agency && letters(m.group("place")) < 3) {
            return false;
        }
        String end = m.group("end");
        boolean wire = agency && isWire(m.group("agency"));
        if (end.strip().equals(":")) {
            return wire || m.group("date") != null || m.group("region") != null
                    && isPlace(m.group("region").substring(1));
        }
        // no dash, or a dash without a space: only after a wire's name ("BEIJING (AP) China ..."), since "NATO (North
        // Atlantic Treaty Organization) Secretary General ..." spells out an acronym
        boolean dashThenSpace = !end.isBlank() && !Character.isWhitespace(end.charAt(0)) && end.length() > end.strip().length();
        return dashThenSpace || wire;
    }

    /** News agencies and wires that sign datelines in brackets: "(AP)", "(Dow Jones)", "(Kyodo via COMTEX)". */
    private static final java.util.Set<String> WIRES = java.util.Set.of("ap", "afp", "reuters", "upi", "cp", "pa", "dpa",
            "business wire", "globe newswire", "pr newswire", "marketwire", "canadian press", "press association",
            "kyodo news", "xinhua news agency", "associated press", "dpa-afx", "marketwatch", "reuters health", "file",
            "cbs", "nbc", "abc", "fox", "sports network", "ticker",
            "xinhua", "kyodo", "yonhap", "bloomberg", "dow jones", "irin", "pns", "vna", "suna", "ansa", "efe", "tass",
            "itar-tass", "ria", "interfax", "bernama", "antara", "pti", "ians", "app", "kuna", "wam", "mena", "aap",
            "nzpa", "sapa", "agi", "ips", "ani", "bna", "spa", "comtex", "israelnn.com", "idg news service",
            "computerworld", "smartpros", "cnn", "bbc");

    private static boolean isWire(String bracket) {
        String inside = bracket.substring(1, bracket.length() - 1).strip().toLowerCase(java.util.Locale.ROOT);
        int via = inside.indexOf(" via ");
        if (via > 0) {
            inside = inside.substring(0, via).strip(); // "(Kyodo via COMTEX)"
        }
        if (WIRES.contains(inside)) {
            return true;
        }
        // "(CBS/AP)", "(AFP/File)": every part a wire's name, at least one of them a wire
        String[] parts = inside.split("/");
        return parts.length > 1 && java.util.Arrays.stream(parts).allMatch(part -> WIRES.contains(part.strip()));
    }

    /**
     * "CAIRO, Egypt The ...": a place in capitals, then a country or region the gazetteer knows (the longest: "New
     * York", not "New"), then a sentence. "PARIS, Hilton said ..." keeps its words.
     */
    private static String regionOnly(String paragraph) {
        Matcher m = CAPS_PLACE_AND_REGION.matcher(paragraph);
        if (!m.lookingAt() || letters(m.group("place")) < 3) {
            return paragraph;
        }
        int end = -1;
        if (m.group("two") != null && isPlace(m.group("one") + m.group("two"))) {
            end = m.end("two");
        } else if (isPlace(m.group("one"))) {
            end = m.end("one");
        }
        if (end < 0) {
            return paragraph;
        }
        String rest = paragraph.substring(end).stripLeading();
        // not when the capitalised words that follow end like a firm's: "DALLAS, Texas Instruments Inc. said",
        // "PARIS, France Telecom said", "NEW YORK, New York Times Co." and "HANOI, Vietnam News Agency reported" name
        // firms whose names start with a place ("KABUL, Afghanistan President Hamid Karzai said" is a dateline)
        return !rest.isEmpty() && rest.length() < paragraph.length() - end && startsSentence(rest)
                && !continuesAFirmsName(rest) ? rest : paragraph;
    }

    /**
     * Words that end a firm's or outlet's name: after a place they make one name with it ("Texas Instruments"). Not
     * the tags' organisation words, which also hold bodies a dateline's sentence opens with ("DALLAS, Texas Police
     * said", "... Council said").
     */
    private static final java.util.Set<String> FIRM_WORDS = java.util.Set.of("inc", "ltd", "corp", "corporation", "co",
            "plc", "llc", "group", "holdings", "bank", "airlines", "airways", "motors", "company", "telecom", "instruments",
            "times", "post", "press", "news", "agency", "daily", "herald", "tribune", "journal", "network", "television",
            "radio", "works", "steel", "energy", "power", "electric", "petroleum", "oil", "gas", "mining", "insurance",
            "financial", "capital", "partners", "industries", "international", "general", "tool", "mobile", "railways",
            "automobile", "securities", "exchange", "telecommunications", "pharmaceuticals", "hospital", "university");

    /** Whether the capitalised words at the start of {@code text} (up to the first lower-case word) hold a firm's. */
    private static boolean continuesAFirmsName(String text) {
        int words = 0;
        for (String word : text.split(" ", 8)) {
            String bare = word.replaceAll("[^\\p{L}]", "").toLowerCase(java.util.Locale.ROOT);
            if (bare.isEmpty() || !Character.isUpperCase(word.charAt(0)) || ++words > 5) {
                return false;
            }
            if (FIRM_WORDS.contains(bare)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A place the gazetteer knows, or one that is kept out of it because it is also a name (the tags would call
     * "Virginia Woolf" a place) but stands in datelines: "CLEVELAND:", "RICHMOND, Virginia".
     */
    private static boolean isPlace(String name) {
        return dev.newsflow.enrich.text.tags.Places.isKnown(name)
                || DATELINE_ONLY_PLACES.contains(name.strip().toLowerCase(java.util.Locale.ROOT));
    }

    private static final java.util.Set<String> DATELINE_ONLY_PLACES = java.util.Set.of("cleveland", "virginia",
            "indiana", "montana", "maine", "austin", "columbus", "richmond");

    private static boolean startsSentence(String text) {
        char c = text.charAt(0);
        return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '“' || c == '‘';
    }

    /**
     * Cheap test before the regular expressions: a capital or bracket first (or a feed's web address: "washingtonpost
     * .com - "), then a dash or colon in the first 90 characters, or a bracket or comma in the first 45.
     */
    private static boolean mayStartWithDateline(String paragraph) {
        if (paragraph.isEmpty()) {
            return false;
        }
        char first = paragraph.charAt(0);
        if (!(Character.isUpperCase(first) || first == '(' || Character.isLetterOrDigit(first) && isWebAddressCredit(paragraph))) {
            return false;
        }
        if (first == '(') {
            return true; // "(CNN)The Senate ...", "(AP) The Senate ..."
        }
        int end = Math.min(paragraph.length(), 90);
        for (int i = 1; i < end; i++) {
            char c = paragraph.charAt(i);
            if (c == '-' || c == '–' || c == '—' || c == ':' || i < 45 && (c == '(' || c == ',')) {
                return true;
            }
        }
        return false;
    }

    /** "washingtonpost.com ": a host name as the first word. */
    private static boolean isWebAddressCredit(String paragraph) {
        int space = paragraph.indexOf(' ');
        String word = space < 0 ? paragraph : paragraph.substring(0, space);
        return word.endsWith(".com") || word.endsWith(".net") || word.endsWith(".org") || word.endsWith(".co.uk");
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
