package dev.newsflow.runtime;

import java.net.IDN;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Article ids in URL paths: ids may hold '/' ("wire/2026/a-1"), which must stay a path separator. */
public final class UrlPaths {

    private UrlPaths() {
    }

    /**
     * Whether {@code url} is an absolute http(s) URL with a host that a site can put in an {@code href} as it is: no
     * white space, control character, quote, backtick or angle bracket (which would end the attribute or open a tag), no
     * invisible or direction-changing character (which would show a reader another address), no user name or password,
     * no host label that mixes scripts (a homograph, see {@link #mixesScripts}), no host only the sender's network
     * knows ({@link #isInternalHost}), no secret in its query ({@link #carriesCredential}). Not a full URI check:
     * internationalised hosts ("bücher.de") and hosts with '_' are real.
     */
    public static boolean isSafeHttpUrl(String url) {
        if (url == null) {
            return false;
        }
        int authority = url.regionMatches(true, 0, "https://", 0, 8) ? 8
                : url.regionMatches(true, 0, "http://", 0, 7) ? 7 : -1;
        if (authority < 0 || authority == url.length() || "/?#".indexOf(url.charAt(authority)) >= 0) {
            return false; // "https://", "http:///path": no host
        }
        int authorityEnd = authority;
        while (authorityEnd < url.length() && "/?#".indexOf(url.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        if (url.lastIndexOf('@', authorityEnd - 1) >= authority) {
            return false; // "https://user:secret@host/": a credential would go out to every site that reads the post
        }
        if (mixesScripts(url.substring(authority, authorityEnd)) || isInternalHost(url.substring(authority, authorityEnd))
                || carriesCredential(url.substring(authorityEnd))) {
            return false;
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            // controls (tab and new line too), spaces of every kind, and format characters
            if (Character.isISOControl(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT
                    || "\"'<>`\\".indexOf(c) >= 0) {
                return false; // also no-break spaces, and invisible or direction-changing marks (U+200B, U+202E)
            }
        }
        return true;
    }

    /** Scripts a host label may mix (UTS #39's "highly restrictive" level): Japanese, Chinese and Korean writing with Latin. */
    private static final List<Set<Character.UnicodeScript>> SCRIPT_MIXES = List.of(
            EnumSet.of(Character.UnicodeScript.LATIN, Character.UnicodeScript.HAN, Character.UnicodeScript.HIRAGANA,
                    Character.UnicodeScript.KATAKANA),
            EnumSet.of(Character.UnicodeScript.LATIN, Character.UnicodeScript.HAN, Character.UnicodeScript.BOPOMOFO),
            EnumSet.of(Character.UnicodeScript.LATIN, Character.UnicodeScript.HAN, Character.UnicodeScript.HANGUL));

    /**
     * Whether a label of {@code host} mixes letters of scripts that are not written together: "pаypal.example" with a
     * Cyrillic "а" shows a reader another site's name (a homograph). Punycode labels ("xn--...") are checked as they
     * would be shown. A label all in one other script ("ευρώπη") is real; a whole-script look-alike is for the
     * browser's own display rule to catch.
     */
    static boolean mixesScripts(String host) {
        for (String label : host.split("[.:]")) {
            String shown = label.regionMatches(true, 0, "xn--", 0, 4) ? IDN.toUnicode(label) : label;
            Set<Character.UnicodeScript> scripts = EnumSet.noneOf(Character.UnicodeScript.class);
            shown.codePoints().filter(Character::isLetter).mapToObj(Character.UnicodeScript::of)
                    .filter(script -> script != Character.UnicodeScript.COMMON && script != Character.UnicodeScript.INHERITED)
                    .forEach(scripts::add);
            if (scripts.size() > 1 && SCRIPT_MIXES.stream().noneMatch(mix -> mix.containsAll(scripts))) {
                return true;
            }
        }
        return false;
    }

    /** Host names only a newsroom's own network resolves: a post's link would lead readers nowhere. */
    private static final Pattern INTERNAL_HOST = Pattern.compile(
            "(?i)(?:localhost|[^.\\[]+|.*\\.(?:local|localhost|internal|intranet|corp|lan|home\\.arpa))\\.?"
                    + "|(?:127|10)\\.\\d+\\.\\d+\\.\\d+|192\\.168\\.\\d+\\.\\d+|172\\.(?:1[6-9]|2\\d|3[01])\\.\\d+\\.\\d+"
                    + "|169\\.254\\.\\d+\\.\\d+|0\\.0\\.0\\.0|\\[(?:::1?|f[cd][0-9a-f:]*|fe80:[0-9a-f:]*)]");

    /**
     * Whether the host (port left out) is one only the sender's network knows: "intranet.local", "cms", "10.1.2.3",
     * "[::1]". The sender's URL goes out to every site that reads the post.
     */
    static boolean isInternalHost(String hostAndPort) {
        String host = hostAndPort.startsWith("[") ? hostAndPort.substring(0, hostAndPort.indexOf(']') + 1)
                : hostAndPort.contains(":") ? hostAndPort.substring(0, hostAndPort.indexOf(':')) : hostAndPort;
        return INTERNAL_HOST.matcher(host).matches();
    }

    /** Query or fragment parameters that hold a secret: a CMS preview link ("?token=...") must not go out with posts. */
    private static final Pattern CREDENTIAL_PARAMETER = Pattern.compile("(?i)[?&#;](?:access_?token|auth_?token|token|"
            + "api_?key|apikey|secret|client_secret|password|passwd|pwd|session_?id|sessionid|sid|signature|sig|"
            + "x-amz-signature|x-amz-credential|preview_?token)=[^&#;]");

    static boolean carriesCredential(String pathQueryFragment) {
        return CREDENTIAL_PARAMETER.matcher(pathQueryFragment).find();
    }

    /** {@code id} with each '/'-separated segment percent-encoded and the slashes kept: "wire/a+b c" → "wire/a%2Bb%20c". */
    public static String encodeSegments(String id) {
        return Arrays.stream(id.split("/", -1))
                .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
    }
}
