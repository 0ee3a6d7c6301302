package dev.newsflow.enrich.text.extract;

import dev.newsflow.runtime.PlainText;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The names a page gives its own site, to take them off a headline: publishers often write the site into
 * {@code og:title} ("West Ham … | Aktuálně.cz", "… - Spiceworks", "New Zealand - Wikipedia"), and a post's headline
 * should not carry it.
 *
 * <p>A site is named by {@code og:site_name}, {@code application-name}, the JSON-LD publisher, and the host of the
 * page's canonical address ("www.spiceworks.com" names "spiceworks"). Names are compared folded: lower case, accents
 * removed, only letters and digits, a trailing domain ending dropped ("Aktuálně.cz" is "aktualne"). Only a whole
 * first or last part of the headline is taken off, and only when what is left still has words.
 */
final class SiteName {

    private static final Pattern SEPARATOR = Pattern.compile("\\s+[|\\-–—:»·/]\\s+|\\s+::\\s+");
    private static final Pattern DOMAIN_ENDING = Pattern.compile("\\.[a-z]{2,6}$");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{Nd}]+");
    private static final int MIN_NAME_CHARS = 3;
    private static final int MAX_SITE_WORDS = 3;
    /** Words after a site's name in its own: "Spiceworks Inc", "Herald Media Group", "Daily News Online". */
    private static final Set<String> SITE_SUFFIXES = Set.of("inc", "ltd", "llc", "plc", "corp", "co", "group", "media",
            "news", "online", "digital", "magazine", "network", "com");
    private static final Set<String> SECOND_LEVEL = Set.of("co", "com", "net", "org", "gov", "ac", "edu", "or", "ne");

    private final List<String> names;

    private SiteName(List<String> names) {
        this.names = names;
    }

    /** The site names {@code doc} gives itself, besides the JSON-LD publisher's ({@code publisher} may be null). */
    static SiteName of(Document doc, String publisher) {
        List<String> names = new ArrayList<>(4);
        add(names, publisher);
        add(names, content(doc, "meta[property=og:site_name]"));
        add(names, content(doc, "meta[name=application-name]"));
        Element canonical = doc.selectFirst("link[rel=canonical][href]");
        add(names, hostLabel(canonical != null ? canonical.attr("href") : content(doc, "meta[property=og:url]")));
        return new SiteName(List.copyOf(names));
    }

    /** {@code title} without a first or last part that names the site; as given when none does. */
    String strip(String title) {
        if (title == null || names.isEmpty()) {
            return title;
        }
        var m = SEPARATOR.matcher(title);
        int firstStart = -1;
        int firstEnd = -1;
        int lastStart = -1;
        int lastEnd = -1;
        while (m.find()) {
            if (firstStart < 0) {
                firstStart = m.start();
                firstEnd = m.end();
            }
            lastStart = m.start();
            lastEnd = m.end();
        }
        if (lastStart < 0) {
            return title;
        }
        String tail = title.substring(lastEnd);
        if (namesSite(tail, true) && hasWords(title.substring(0, lastStart))) {
            return title.substring(0, lastStart).strip();
        }
        String head = title.substring(0, firstStart);
        if (namesSite(head, false) && hasWords(title.substring(firstEnd))) {
            return title.substring(firstEnd).strip();
        }
        return title;
    }

    /**
     * Whether {@code part} is one of the site's names, or its name before a company or media word ("Spiceworks" of
     * "Spiceworks Inc", "Herald" of "Herald Media"); as the title's last part also a short name that starts with the
     * site's ("BBC News" on bbc.co.uk). So "Liverpool - Everton LIVE" on the Liverpool Echo's site and "Sky high
     * prices - ..." on sky.com keep their first words.
     */
    private boolean namesSite(String part, boolean last) {
        String folded = fold(part);
        if (folded.length() < MIN_NAME_CHARS) {
            return false;
        }
        boolean fewWords = folded.split(" ").length <= MAX_SITE_WORDS;
        for (String name : names) {
            if (name.equals(folded) || name.startsWith(folded + " ")
                    && SITE_SUFFIXES.containsAll(List.of(name.substring(folded.length() + 1).split(" ")))
                    || last && fewWords && folded.startsWith(name + " ")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasWords(String rest) {
        return rest.codePoints().filter(Character::isLetter).count() >= MIN_NAME_CHARS;
    }

    private static void add(List<String> names, String name) {
        if (name == null) {
            return;
        }
        String folded = fold(name);
        if (folded.length() >= MIN_NAME_CHARS && !names.contains(folded)) {
            names.add(folded);
        }
        // "Aktuálně.cz - Víte, co se právě děje": the site's name is the part before its own tagline
        var m = SEPARATOR.matcher(name);
        if (m.find()) {
            add(names, name.substring(0, m.start()));
        }
    }

    static String fold(String s) {
        String plain = PlainText.withoutAccents(s.strip().toLowerCase(Locale.ROOT));
        plain = DOMAIN_ENDING.matcher(plain).replaceFirst("");
        return NOT_WORD.matcher(plain).replaceAll(" ").strip();
    }

    /**
     * "https://en.wikipedia.org/wiki/X" names "wikipedia", "www.bbc.co.uk" names "bbc"; a host of one label names
     * nothing.
     */
    private static String hostLabel(String url) {
        if (url == null) {
            return null;
        }
        try {
            String host = URI.create(url.strip()).getHost();
            if (host == null) {
                return null;
            }
            String[] labels = host.split("\\.");
            if (labels.length < 2) {
                return null;
            }
            int at = labels.length - 2;
            if (at > 0 && SECOND_LEVEL.contains(labels[at])) {
                at--; // "bbc.co.uk", "abc.net.au"
            }
            return labels[at];
        } catch (IllegalArgumentException notAUrl) {
            return null;
        }
    }

    private static String content(Document doc, String selector) {
        Element e = doc.selectFirst(selector);
        return e == null ? null : e.attr("content");
    }
}
