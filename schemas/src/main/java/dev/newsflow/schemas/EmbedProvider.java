package dev.newsflow.schemas;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The providers whose embeds a post names ({@code Post.embeds}), each with the exact forms of the addresses it is
 * named by. Shared: enrich names embeds only in these forms, publish passes only an embed whose address its provider's
 * forms allow (a record forged onto the enriched topic cannot name an attacker's host as a YouTube video), and a
 * consumer may rely on both.
 */
public enum EmbedProvider {
    YOUTUBE("youtube", "https://www\\.youtube\\.com/(?:watch\\?v=[A-Za-z0-9_-]{11}|playlist\\?list=[A-Za-z0-9_-]{10,64}"
            + "|channel/UC[A-Za-z0-9_-]{22}/live)"),
    /** A video's page; an unlisted one's with its key. */
    VIMEO("vimeo", "https://vimeo\\.com/\\d{1,12}(?:/[0-9a-f]{6,20})?"),
    DAILYMOTION("dailymotion", "https://www\\.dailymotion\\.com/video/[A-Za-z0-9]{5,12}"),
    SPOTIFY("spotify", "https://open\\.spotify\\.com/(?:track|album|playlist|episode|show|artist)/[A-Za-z0-9]{22}"),
    /**
     * A sound's page (a private one's with its token), or the widget's page for a player that names its sound only by
     * its API id.
     */
    SOUNDCLOUD("soundcloud", "https://soundcloud\\.com(?:/[A-Za-z0-9_-]{1,100}){2,3}/?(?:\\?secret_token=s-[A-Za-z0-9]{3,40})?"
            + "|https://w\\.soundcloud\\.com/player/\\?url=https%3A%2F%2Fapi\\.soundcloud\\.com%2F(?:tracks|playlists|users)"
            + "%2F\\d{1,15}(?:%3Fsecret_token%3Ds-[A-Za-z0-9]{3,40})?"),
    /** A post's or video's page, with only the parameters that say which it is. */
    FACEBOOK("facebook", "https://www\\.facebook\\.com(?!.*\\.\\.)(?:/[A-Za-z0-9_.-]{1,100}){1,5}/?"
            + "(?:\\?(?:story_fbid|fbid|id|v)=[A-Za-z0-9._-]{1,64}(?:&(?:story_fbid|fbid|id|v)=[A-Za-z0-9._-]{1,64}){0,3})?"),
    X("x", "https://x\\.com/i/status/\\d{1,20}"),
    INSTAGRAM("instagram", "https://www\\.instagram\\.com/(?:p|reel|tv)/[A-Za-z0-9_-]{5,40}/"),
    TIKTOK("tiktok", "https://www\\.tiktok\\.com/@[A-Za-z0-9_](?:[A-Za-z0-9_]|\\.(?!\\.)){0,39}/video/\\d{5,25}"),
    DATAWRAPPER("datawrapper", "https://datawrapper\\.dwcdn\\.net/[A-Za-z0-9]{5}/"),
    FLOURISH("flourish", "https://public\\.flourish\\.studio/(?:visualisation|story)/\\d{1,12}/");

    /** Longer than any address in these forms. */
    private static final int MAX_ADDRESS_CHARS = 600;

    private final String id;
    private final Pattern forms;

    EmbedProvider(String id, String forms) {
        this.id = id;
        this.forms = Pattern.compile(forms);
    }

    /** The name a post gives it ({@code Embed.provider}). */
    public String id() {
        return id;
    }

    /** Whether {@code url} is in one of the forms this provider's embeds are named by, exactly. */
    public boolean names(String url) {
        return url != null && url.length() <= MAX_ADDRESS_CHARS && forms.matcher(url).matches();
    }

    /** The provider a post names {@code id}, if any. */
    public static Optional<EmbedProvider> of(String id) {
        for (EmbedProvider p : values()) {
            if (p.id.equals(id)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
