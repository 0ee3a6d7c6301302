package dev.newsflow.enrich.text.extract;

import dev.newsflow.enrich.text.Embed;
import dev.newsflow.runtime.UrlPaths;
import dev.newsflow.schemas.EmbedProvider;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Names the embeds a newsroom's stories carry: a provider's player ({@code iframe}) or a social post's embed code
 * (Instagram's, TikTok's and X's {@code blockquote}), as the provider's own public address. Only providers known here
 * are named, each by the address pattern its embed code uses, so an advert's or a tracker's frame is never taken for
 * one; an address that does not match its provider's pattern exactly is no embed. An X embed code's blockquote is
 * the post's fallback, as Instagram's is: its words, handle and date are the post's, not the story's (they were the
 * teaser of a story that opened on a post), and a site renders the post itself; one without a post's address stays
 * a quotation.
 * Stateless.
 */
final class EmbedRecogniser {

    /** Real embed addresses are short; a longer one is not read. */
    private static final int MAX_ADDRESS_CHARS = 2_048;

    private static final Pattern YOUTUBE_HOST = Pattern.compile("(?:www\\.|m\\.)?youtube(?:-nocookie)?\\.com");
    private static final Pattern YOUTUBE_VIDEO = Pattern.compile("/embed/([A-Za-z0-9_-]{11})/?");
    private static final Pattern YOUTUBE_LIST = Pattern.compile("(?:^|&)list=([A-Za-z0-9_-]{10,64})(?:&|$)");
    private static final Pattern YOUTUBE_CHANNEL = Pattern.compile("(?:^|&)channel=(UC[A-Za-z0-9_-]{22})(?:&|$)");
    private static final Pattern VIMEO_VIDEO = Pattern.compile("/video/(\\d{1,12})/?");
    /** An unlisted Vimeo video's key: its page needs it. */
    private static final Pattern VIMEO_KEY = Pattern.compile("(?:^|&)h=([0-9a-f]{6,20})(?:&|$)");
    private static final Pattern DAILYMOTION_VIDEO = Pattern.compile("/embed/video/([a-zA-Z0-9]{5,12})/?");
    private static final Pattern DAILYMOTION_PLAYER_PATH = Pattern.compile("/player(?:/[a-zA-Z0-9]{1,20})?\\.html");
    private static final Pattern DAILYMOTION_PLAYER = Pattern.compile("(?:^|&)video=([a-zA-Z0-9]{5,12})(?:&|$)");
    private static final Pattern SOUNDCLOUD_HOST = Pattern.compile("(?:www\\.|m\\.)?soundcloud\\.com");
    private static final Pattern SOUNDCLOUD_PAGE = Pattern.compile("(?:/[A-Za-z0-9_-]{1,100}){2,3}/?");
    private static final Pattern SOUNDCLOUD_TOKEN = Pattern.compile("s-[A-Za-z0-9]{3,40}");
    private static final Pattern SOUNDCLOUD_API = Pattern.compile("/(tracks|playlists|users)/(\\d{1,15})/?");
    private static final Pattern FACEBOOK_HOST = Pattern.compile("(?:www\\.|m\\.|web\\.)?facebook\\.com");
    private static final Pattern FACEBOOK_PATH = Pattern.compile("(?:/[A-Za-z0-9_.-]{1,100}){1,5}/?");
    /** The query parameters that say which post or video a Facebook address names; the rest is tracking. */
    private static final java.util.List<String> FACEBOOK_KEYS = java.util.List.of("story_fbid", "fbid", "id", "v");
    private static final Pattern FACEBOOK_VALUE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern SPOTIFY_ITEM = Pattern.compile(
            "/embed(?:-podcast)?/(track|album|playlist|episode|show|artist)/([A-Za-z0-9]{22})/?");
    private static final Pattern X_TWEET_ID = Pattern.compile("(?:^|&)id=(\\d{1,20})(?:&|$)");
    /** X's embed code: {@code <blockquote class="twitter-tweet">} (also "twitter-video"), the post's link last. */
    static final Pattern X_EMBED_CLASS = Pattern.compile("(?:^|\\s)twitter-(?:tweet|video)(?:$|\\s)");
    private static final Pattern X_STATUS = Pattern.compile(
            "https?://(?:www\\.|mobile\\.)?(?:twitter|x)\\.com/(?:[A-Za-z0-9_]{1,15}|i(?:/web)?)/status(?:es)?/(\\d{1,20})(?:[/?#].*)?");
    /** An embed code holds its text's links and the post's: a longer list of links is no embed code. */
    private static final int MAX_X_LINKS = 50;
    private static final Pattern INSTAGRAM_POST = Pattern.compile("/(p|reel|tv)/([A-Za-z0-9_-]{5,40})(?:/.*)?");
    private static final Pattern TIKTOK_VIDEO = Pattern.compile(
            "/(@[A-Za-z0-9_](?:[A-Za-z0-9_]|\\.(?!\\.)){0,39})/video/(\\d{5,25})/?");
    private static final Pattern DATAWRAPPER_CHART = Pattern.compile("/([A-Za-z0-9]{5})(?:/\\d{1,4})?/?");
    private static final Pattern FLOURISH_ITEM = Pattern.compile("/(visualisation|story)/(\\d{1,12})(?:/.*)?");

    private EmbedRecogniser() {
    }

    /** Whether the walk should ask {@link #recognise}: the only elements an embed is made of. */
    static boolean mayBeEmbed(Element element) {
        String tag = element.normalName();
        return tag.equals("iframe") || tag.equals("blockquote") && element.attributesSize() > 0;
    }

    /** A class or id naming a wrapper of one embed: "embed", "video-embed", "media-player", "video-wrapper". */
    private static final Pattern WRAPPER_NAME = Pattern.compile(
            "(?i)(?:^|[\\s_-])(?:embed|embeds|embedded|video|videos|player|iframe)(?:$|[\\s_-])");
    /** A wrapper holds its embed and a caption or a credit: a bigger element is a gallery or a page's sidebar. */
    private static final int MAX_WRAPPER_NODES = 60;

    /**
     * The one embed of a wrapper whose class or id names it as one ({@code <div class="embed embed--social">}), or
     * null: an element with several embeds, other names or more than {@value #MAX_WRAPPER_NODES} nodes is no wrapper
     * (a "more videos" rail holds many), nor is a hidden one.
     */
    static Embed inWrapper(Element element) {
        if (element.attributesSize() == 0 || !(WRAPPER_NAME.matcher(element.className()).find()
                || WRAPPER_NAME.matcher(element.id()).find()) || !chromeOnlyByItsDress(element)) {
            return null;
        }
        Embed[] found = {null};
        int[] nodes = {0};
        boolean[] more = {false};
        NodeTraversor.filter((node, depth) -> {
            if (++nodes[0] > MAX_WRAPPER_NODES) {
                more[0] = true;
                return NodeFilter.FilterResult.STOP;
            }
            if (!(node instanceof Element e)) {
                return NodeFilter.FilterResult.CONTINUE;
            }
            if (ParagraphCollector.isHidden(e)) {
                return NodeFilter.FilterResult.SKIP_ENTIRELY;
            }
            if (!mayBeEmbed(e)) {
                return NodeFilter.FilterResult.CONTINUE;
            }
            Embed embed = recognise(e);
            if (embed != null) {
                more[0] |= found[0] != null;
                found[0] = embed;
            }
            return NodeFilter.FilterResult.SKIP_ENTIRELY;
        }, element);
        return more[0] ? null : found[0];
    }

    /** The words a wrapper of one embed is dressed in: its share bar, its caption, its credit, a social network's. */
    private static final java.util.Set<String> DRESS = java.util.Set.of("share", "sharing", "social", "sociallinks",
            "caption", "captions", "credit", "credits");
    /** What a wrapper is made of; an aside, nav, header or footer is the page's. */
    private static final java.util.Set<String> WRAPPER_TAGS = java.util.Set.of("div", "figure", "span", "section", "p");

    /**
     * Whether the element reads as chrome only for the words of its dress: a wrapper's "embed--social" or
     * "video-caption-wrapper", not a "related-video", "sponsored-video", "promo-video-player" or a sidebar's
     * "video-of-the-day", whose one video is another story's or an advert; nor an aside, nav, header or footer.
     */
    private static boolean chromeOnlyByItsDress(Element element) {
        if (!WRAPPER_TAGS.contains(element.normalName())) {
            return false;
        }
        for (String names : new String[]{element.className(), element.id()}) {
            for (String word : names.toLowerCase(Locale.ROOT).split("[\\s_-]+")) {
                if (!word.isEmpty() && !DRESS.contains(word) && ParagraphCollector.isChromeWord(word)) {
                    return false;
                }
            }
        }
        return true;
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
        if (cls.contains("twitter-") && X_EMBED_CLASS.matcher(cls).find()) {
            // the post's own link is the last (a link in its words may be another post's)
            String id = null;
            int links = 0;
            for (Element a : element.getElementsByTag("a")) {
                if (++links > MAX_X_LINKS) {
                    return null;
                }
                String href = a.attr("href");
                Matcher m = href.length() <= MAX_ADDRESS_CHARS ? X_STATUS.matcher(href) : null;
                if (m != null && m.matches()) {
                    id = m.group(1);
                }
            }
            return id == null ? null : embed(EmbedProvider.X, "https://x.com/i/status/" + id);
        }
        if (cls.contains("tiktok-embed")) {
            URI cite = uri(element.attr("cite"));
            Matcher m = cite == null || !isHost(cite, "tiktok.com") ? null
                    : TIKTOK_VIDEO.matcher(cite.getRawPath() == null ? "" : cite.getRawPath());
            return m != null && m.matches()
                    ? embed(EmbedProvider.TIKTOK, "https://www.tiktok.com/" + m.group(1) + "/video/" + m.group(2)) : null;
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
            // a playlist's and a channel's live player: eleven letters each, as a video's id
            if (path.equals("/embed/videoseries")) {
                return (m = YOUTUBE_LIST.matcher(query)).find()
                        ? embed(EmbedProvider.YOUTUBE, "https://www.youtube.com/playlist?list=" + m.group(1)) : null;
            }
            if (path.equals("/embed/live_stream")) {
                return (m = YOUTUBE_CHANNEL.matcher(query)).find()
                        ? embed(EmbedProvider.YOUTUBE, "https://www.youtube.com/channel/" + m.group(1) + "/live") : null;
            }
            return (m = YOUTUBE_VIDEO.matcher(path)).matches()
                    ? embed(EmbedProvider.YOUTUBE, "https://www.youtube.com/watch?v=" + m.group(1)) : null;
        }
        if (host.equals("player.vimeo.com") && (m = VIMEO_VIDEO.matcher(path)).matches()) {
            Matcher key = VIMEO_KEY.matcher(query);
            return embed(EmbedProvider.VIMEO, "https://vimeo.com/" + m.group(1) + (key.find() ? "/" + key.group(1) : ""));
        }
        if (isHost(uri, "dailymotion.com")) {
            if ((m = DAILYMOTION_VIDEO.matcher(path)).matches() || DAILYMOTION_PLAYER_PATH.matcher(path).matches()
                    && (m = DAILYMOTION_PLAYER.matcher(query)).find()) {
                return embed(EmbedProvider.DAILYMOTION, "https://www.dailymotion.com/video/" + m.group(1));
            }
            return null;
        }
        if (host.equals("open.spotify.com") && (m = SPOTIFY_ITEM.matcher(path)).matches()) {
            return embed(EmbedProvider.SPOTIFY, "https://open.spotify.com/" + m.group(1) + "/" + m.group(2));
        }
        if (host.equals("w.soundcloud.com") && path.startsWith("/player")) {
            return soundcloud(uri(parameter(query, "url")));
        }
        if (isHost(uri, "facebook.com") && (path.equals("/plugins/post.php") || path.equals("/plugins/video.php"))) {
            return facebook(uri(parameter(query, "href")));
        }
        if (host.equals("platform.twitter.com") && path.startsWith("/embed/") && (m = X_TWEET_ID.matcher(query)).find()) {
            return embed(EmbedProvider.X, "https://x.com/i/status/" + m.group(1));
        }
        if (isHost(uri, "instagram.com") && (path.contains("/embed/") || path.endsWith("/embed"))) {
            return instagram(uri);
        }
        if (host.equals("datawrapper.dwcdn.net") && (m = DATAWRAPPER_CHART.matcher(path)).matches()
                && !m.group(1).equals("embed")) {
            return embed(EmbedProvider.DATAWRAPPER, "https://datawrapper.dwcdn.net/" + m.group(1) + "/");
        }
        if (host.equals("flo.uri.sh") && (m = FLOURISH_ITEM.matcher(path)).matches()) {
            return embed(EmbedProvider.FLOURISH, "https://public.flourish.studio/" + m.group(1) + "/" + m.group(2) + "/");
        }
        return null;
    }

    private static Embed instagram(URI uri) {
        Matcher m = uri == null || !isHost(uri, "instagram.com") ? null : INSTAGRAM_POST.matcher(uri.getRawPath());
        return m != null && m.matches() && !m.group(2).equals("embed")
                ? embed(EmbedProvider.INSTAGRAM, "https://www.instagram.com/" + m.group(1) + "/" + m.group(2) + "/") : null;
    }

    /**
     * A sound's public page, or for a player that names its sound only by its API id (which needs a key to open),
     * the widget's page for it, which readers can open.
     */
    private static Embed soundcloud(URI sound) {
        if (sound == null) {
            return null;
        }
        String host = sound.getHost().toLowerCase(Locale.ROOT);
        String path = sound.getRawPath() == null ? "" : sound.getRawPath();
        String token = parameter(sound.getRawQuery() == null ? "" : sound.getRawQuery(), "secret_token");
        boolean secret = token != null && SOUNDCLOUD_TOKEN.matcher(token).matches(); // a private sound opens with it
        Matcher m;
        if (SOUNDCLOUD_HOST.matcher(host).matches() && SOUNDCLOUD_PAGE.matcher(path).matches()) {
            return embed(EmbedProvider.SOUNDCLOUD, "https://soundcloud.com" + path + (secret ? "?secret_token=" + token : ""));
        }
        if (host.equals("api.soundcloud.com") && (m = SOUNDCLOUD_API.matcher(path)).matches()) {
            return embed(EmbedProvider.SOUNDCLOUD, "https://w.soundcloud.com/player/?url=https%3A%2F%2Fapi.soundcloud.com%2F"
                    + m.group(1) + "%2F" + m.group(2) + (secret ? "%3Fsecret_token%3D" + token : ""));
        }
        return null;
    }

    /** A Facebook post's or video's address, with the parameters that say which it is and nothing else. */
    private static Embed facebook(URI post) {
        if (post == null || !FACEBOOK_HOST.matcher(post.getHost().toLowerCase(Locale.ROOT)).matches()) {
            return null;
        }
        String path = post.getRawPath() == null ? "" : post.getRawPath();
        if (!FACEBOOK_PATH.matcher(path).matches() || path.contains("..")) {
            return null;
        }
        StringBuilder url = new StringBuilder("https://www.facebook.com").append(path);
        String query = post.getRawQuery() == null ? "" : post.getRawQuery();
        char separator = '?';
        for (String key : FACEBOOK_KEYS) {
            String value = parameter(query, key);
            if (value != null && FACEBOOK_VALUE.matcher(value).matches()) {
                url.append(separator).append(key).append('=').append(value);
                separator = '&';
            }
        }
        return embed(EmbedProvider.FACEBOOK, url.toString());
    }

    private static Embed embed(EmbedProvider provider, String url) {
        return UrlPaths.isSafeHttpUrl(url) && provider.names(url) ? new Embed(provider.id(), url, 0) : null;
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
