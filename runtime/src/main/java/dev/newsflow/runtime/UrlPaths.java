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

    /** The longest address newsflow sends on: longer ones are no link or image a site should load (and no real one is). */
    public static final int MAX_CHARS = 2_048;

    private UrlPaths() {
    }

    /**
     * Whether {@code url} is an absolute http(s) URL with a host that a site can put in an {@code href} as it is: no
     * white space, control character, quote, backtick or angle bracket (which would end the attribute or open a tag), no
     * invisible or direction-changing character (which would show a reader another address), no user name or password,
     * no host label that mixes scripts (a homograph, see {@link #mixesScripts}), no host only the sender's network
     * knows ({@link #isInternalHost}), no secret in its query ({@link #carriesCredential}), at most
     * {@value #MAX_CHARS} characters. Not a full URI check: internationalised hosts ("bücher.de") and hosts with '_'
     * are real.
     */
    public static boolean isSafeHttpUrl(String url) {
        if (url == null || url.length() > MAX_CHARS) {
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
        // as a browser reads them: "p%D0%B0ypal.example" shows a Cyrillic "а", "?%74oken=" is "?token="
        String host = percentDecoded(url.substring(authority, authorityEnd));
        if (host == null || mixesScripts(host) || isInternalHost(host)
                || carriesCredential(percentDecoded(url.substring(authorityEnd)))) {
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
        if (isPlainAscii(host)) {
            return false; // the common case, checked first: one script, nothing to show otherwise
        }
        for (String label : HOST_LABEL_SEPARATOR.split(host)) {
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

    private static final Pattern HOST_LABEL_SEPARATOR = Pattern.compile("[.:]");

    /** ASCII only and no punycode label ("xn--"), which would be shown in another script. */
    private static boolean isPlainAscii(String host) {
        for (int i = 0; i < host.length(); i++) {
            if (host.charAt(i) >= 0x80) {
                return false;
            }
        }
        return !host.regionMatches(true, 0, "xn--", 0, 4) && host.toLowerCase(java.util.Locale.ROOT).indexOf(".xn--") < 0;
    }

    /** Name endings only a newsroom's own network resolves: a post's link would lead readers nowhere. */
    private static final Pattern INTERNAL_NAME = Pattern.compile(
            "(?i)localhost|[^.\\[\\]:]+|.*\\.(?:local|localhost|internal|intranet|corp|lan|home\\.arpa)");

    /** An IPv4 address as browsers also read it: 1 to 4 dotted parts, decimal, octal (leading 0) or hex (0x). */
    private static final Pattern IPV4_LITERAL = Pattern.compile("(?i)(?:0x[0-9a-f]+|\\d+)(?:\\.(?:0x[0-9a-f]+|\\d+)){0,3}");

    /**
     * Whether the host (port left out, percent-decoded) is one only the sender's network knows: "intranet.local",
     * "cms", "10.1.2.3", "127.1", "0x7f.0.0.1", "[::1]", "[::ffff:127.0.0.1]", "[fd00::1]". The sender's URL goes out
     * to every site that reads the post. An address is parsed only when it is a literal, so no name is ever looked
     * up in DNS here.
     */
    static boolean isInternalHost(String hostAndPort) {
        String host = hostAndPort.startsWith("[") ? hostAndPort.substring(0, hostAndPort.indexOf(']') + 1)
                : hostAndPort.contains(":") ? hostAndPort.substring(0, hostAndPort.indexOf(':')) : hostAndPort;
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1); // "10.0.0.1.", "cms.corp.": the root of the DNS tree
        }
        if (host.startsWith("[")) {
            return !host.endsWith("]") || isInternalAddress(host.substring(1, host.length() - 1));
        }
        if (IPV4_LITERAL.matcher(host).matches()) {
            return isInternalAddress(ipv4(host));
        }
        return INTERNAL_NAME.matcher(host).matches();
    }

    /** The IPv4 address a browser reads from a 1-to-4-part literal ("127.1" is 127.0.0.1), or null for none. */
    private static String ipv4(String literal) {
        String[] parts = literal.split("\\.");
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].toLowerCase(java.util.Locale.ROOT);
            try {
                values[i] = p.startsWith("0x") ? Long.parseLong(p.substring(2), 16)
                        : p.length() > 1 && p.startsWith("0") ? Long.parseLong(p.substring(1), 8) : Long.parseLong(p);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        long address = 0;
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i] > 255) {
                return null;
            }
            address |= values[i] << (8 * (3 - i));
        }
        long last = values[values.length - 1];
        if (last >= 1L << (8 * (4 - (values.length - 1)))) {
            return null;
        }
        address |= last;
        return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "." + (address & 255);
    }

    /** Loopback, private, link-local, unique-local or unspecified; a literal that does not parse counts as internal. */
    private static boolean isInternalAddress(String literal) {
        if (literal == null || !literal.matches("[0-9A-Fa-f:.]+")) {
            return true;
        }
        try {
            java.net.InetAddress address = java.net.InetAddress.getByName(literal); // a literal: no DNS lookup
            byte[] bytes = address.getAddress();
            return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress() || bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
        } catch (java.net.UnknownHostException e) {
            return true;
        }
    }

    /** {@code text} with its %XX escapes decoded as UTF-8 ('+' kept), or null when an escape is broken. */
    private static String percentDecoded(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        try {
            return java.net.URLDecoder.decode(text.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Query or fragment parameters that hold a secret: a CMS preview link ("?token=...") must not go out with posts. */
    private static final Pattern CREDENTIAL_PARAMETER = Pattern.compile("(?i)[?&#;](?:access[_-]?token|auth[_-]?token"
            + "|id[_-]?token|refresh[_-]?token|token|jwt|auth|api[_-]?key|apikey|secret|client[_-]?secret|password|passwd"
            + "|pwd|j?session[_-]?id|signature|sig|x-amz-signature|x-amz-credential|x-goog-signature|x-goog-credential"
            + "|preview[_-]?token|key"
            // any name that ends like one: private_token, access_key, api-secret, upload_sig; not SoundCloud's
            // secret_token, which its share link for a private track carries to be shared
            + "|(?!secret_token=)[a-z0-9][a-z0-9_-]*[_-](?:token|secret|key|sig|signature|password))=[^&#;]");

    static boolean carriesCredential(String pathQueryFragment) {
        // a parameter needs an '=': most links have none, and the pattern is long
        return pathQueryFragment == null
                || pathQueryFragment.indexOf('=') >= 0 && CREDENTIAL_PARAMETER.matcher(pathQueryFragment).find();
    }

    /** {@code id} with each '/'-separated segment percent-encoded and the slashes kept: "wire/a+b c" → "wire/a%2Bb%20c". */
    public static String encodeSegments(String id) {
        return Arrays.stream(id.split("/", -1))
                .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
    }
}
