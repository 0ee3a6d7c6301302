package dev.newsflow.enrich.text.extract;

import dev.newsflow.enrich.text.Embed;
import dev.newsflow.runtime.UrlPaths;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Names the embeds a newsroom's stories carry: a provider's player ({@code iframe}) or a social post's embed code
 * (Instagram's and TikTok's {@code blockquote}), as the provider's own public address. Only providers known here are
 * named, each by the address pattern its embed code uses, so an advert's or a tracker's frame is never taken for
 * one; an address that does not match its provider's pattern exactly is no embed. An X (Twitter) embed code's
 * blockquote holds the post's words and stays a quotation of the story; only a rendered X frame is an embed.
 * Stateless.
 */
final class EmbedRecogniser {

    /** Real embed addresses are short; a longer one is not read. */
    private static final int MAX_ADDRESS_CHARS = 2_048;

    private static final Pattern YOUTUBE_HOST = Pattern.compile("(?:www\\.|m\\.)?youtube(?:-nocookie)?\\.com");
    private static final Pattern YOUTUBE_VIDEO = Pattern.compile("/embed/([A-Za-z0-9_-]{11})/?");
    private static final Pattern YOUTUBE_LIST = Pattern.compile("(?:^|&)list=([A-Za-z0-9_-]{10,64})(?:&|$)");
    private static final Pattern VIMEO_VIDEO = Pattern.compile("/video/(\\d{1,12})/?");
    private static final Pattern DAILYMOTION_VIDEO = Pattern.compile("/embed/video/([a-zA-Z0-9]{5,12})/?");
    private static final Pattern DAILYMOTION_PLAYER = Pattern.compile("(?:^|&)video=([a-zA-Z0-9]{5,12})(?:&|$)");
    private static final Pattern SPOTIFY_ITEM = Pattern.compile(
            "/embed(?:-podcast)?/(track|album|playlist|episode|show|artist)/([A-Za-z0-9]{22})/?");
    private static final Pattern X_TWEET_ID = Pattern.compile("(?:^|&)id=(\\d{1,20})(?:&|$)");
    private static final Pattern INSTAGRAM_POST = Pattern.compile("/(p|reel|tv)/([A-Za-z0-9_-]{5,40})(?:/.*)?");
    private static final Pattern TIKTOK_VIDEO = Pattern.compile("/(@[A-Za-z0-9_.]{1,40})/video/(\\d{5,25})/?");
    private static final Pattern DATAWRAPPER_CHART = Pattern.compile("/([A-Za-z0-9]{5})(?:/\\d{1,4})?/?");
    private static final Pattern FLOURISH_ITEM = Pattern.compile("/(visualisation|story)/(\\d{1,12})(?:/.*)?");

    private EmbedRecogniser() {
    }

    /** Whether the walk should ask {@link #recognise}: the only elements an embed is made of. */
    static boolean mayBeEmbed(Element element) {
        String tag = element.normalName();
        return tag.equals("iframe") || tag.equals("blockquote") && element.attributesSize() > 0;
    }

    /** The embed {@code element} is, placed at 0, or null when it is none a provider known here serves. */
    static Embed recognise(Element element) {
        if (element.normalName().equals("iframe")) {
            for (String attribute : new String[]{"src", "data-src", "data-lazy-src"}) {
                Embed embed = ofPlayer(element.attr(attribute));
                if (embed != null) {
                    return embed;
                }
            }
            return null;
        }
        String cls = element.className();
        if (cls.contains("instagram-media") || element.hasAttr("data-instgrm-permalink")) {
            String permalink = element.hasAttr("data-instgrm-permalink") ? element.attr("data-instgrm-permalink")
                    : element.attr("cite");
            return instagram(uri(permalink));
        }
        if (cls.contains("tiktok-embed")) {
            URI cite = uri(element.attr("cite"));
            Matcher m = cite == null || !isHost(cite, "tiktok.com") ? null : TIKTOK_VIDEO.matcher(cite.getRawPath() == null ? "" : cite.getRawPath());
            return m != null && m.matches() ? embed("tiktok", "https://www.tiktok.com/" + m.group(1) + "/video/" + m.group(2)) : null;
        }
        return null;
    }

    /** A provider's player address as the provider's public one, or null. */
    static Embed ofPlayer(String address) {
        URI uri = uri(address);
        if (uri == null) {
            return null;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        Matcher m;
        if (YOUTUBE_HOST.matcher(host).matches()) {
            if (path.equals("/embed/videoseries")) { // eleven letters, as a video's id: a playlist's player
                return (m = YOUTUBE_LIST.matcher(query)).find()
                        ? embed("youtube", "https://www.youtube.com/playlist?list=" + m.group(1)) : null;
            }
            return (m = YOUTUBE_VIDEO.matcher(path)).matches()
                    ? embed("youtube", "https://www.youtube.com/watch?v=" + m.group(1)) : null;
        }
        if (host.equals("player.vimeo.com") && (m = VIMEO_VIDEO.matcher(path)).matches()) {
            return embed("vimeo", "https://vimeo.com/" + m.group(1));
        }
        if (isHost(uri, "dailymotion.com")) {
            if ((m = DAILYMOTION_VIDEO.matcher(path)).matches()
                    || path.equals("/player.html") && (m = DAILYMOTION_PLAYER.matcher(query)).find()) {
                return embed("dailymotion", "https://www.dailymotion.com/video/" + m.group(1));
            }
            return null;
        }
        if (host.equals("open.spotify.com") && (m = SPOTIFY_ITEM.matcher(path)).matches()) {
            return embed("spotify", "https://open.spotify.com/" + m.group(1) + "/" + m.group(2));
        }
        if (host.equals("w.soundcloud.com") && path.startsWith("/player")) {
            URI track = uri(parameter(query, "url"));
            return track != null && isHost(track, "soundcloud.com")
                    ? embed("soundcloud", withoutQuery(track)) : null;
        }
        if (isHost(uri, "facebook.com") && (path.equals("/plugins/post.php") || path.equals("/plugins/video.php"))) {
            URI post = uri(parameter(query, "href"));
            return post != null && isHost(post, "facebook.com") ? embed("facebook", withoutQuery(post)) : null;
        }
        if (host.equals("platform.twitter.com") && path.startsWith("/embed/") && (m = X_TWEET_ID.matcher(query)).find()) {
            return embed("x", "https://x.com/i/status/" + m.group(1));
        }
        if (isHost(uri, "instagram.com") && (path.contains("/embed/") || path.endsWith("/embed"))) {
            return instagram(uri);
        }
        if (host.equals("datawrapper.dwcdn.net") && (m = DATAWRAPPER_CHART.matcher(path)).matches()) {
            return embed("datawrapper", "https://datawrapper.dwcdn.net/" + m.group(1) + "/");
        }
        if (host.equals("flo.uri.sh") && (m = FLOURISH_ITEM.matcher(path)).matches()) {
            return embed("flourish", "https://public.flourish.studio/" + m.group(1) + "/" + m.group(2) + "/");
        }
        return null;
    }

    private static Embed instagram(URI uri) {
        Matcher m = uri == null || !isHost(uri, "instagram.com") ? null : INSTAGRAM_POST.matcher(uri.getRawPath());
        return m != null && m.matches() ? embed("instagram", "https://www.instagram.com/" + m.group(1) + "/" + m.group(2) + "/")
                : null;
    }

    private static Embed embed(String provider, String url) {
        return UrlPaths.isSafeHttpUrl(url) ? new Embed(provider, url, 0) : null;
    }

    /** An absolute http(s) address with a host ("//www.youtube.com/..." as https), or null. */
    private static URI uri(String address) {
        if (address == null || address.isBlank() || address.length() > MAX_ADDRESS_CHARS) {
            return null;
        }
        String a = address.strip();
        if (a.startsWith("//")) {
            a = "https:" + a;
        }
        try {
            URI uri = new URI(a);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && uri.getRawUserInfo() == null
                    ? uri : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** Whether the address's host is {@code domain} or one of its subdomains. */
    private static boolean isHost(URI uri, String domain) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return host.equals(domain) || host.endsWith("." + domain);
    }

    /** The https address without its query and fragment (a share link's tracking). */
    private static String withoutQuery(URI uri) {
        return "https://" + uri.getHost().toLowerCase(Locale.ROOT) + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    /** A query parameter's decoded value, or null. */
    private static String parameter(String query, String name) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                try {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformed) {
                    return null;
                }
            }
        }
        return null;
    }
}
