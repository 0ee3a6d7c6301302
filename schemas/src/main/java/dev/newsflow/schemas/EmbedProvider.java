package dev.newsflow.schemas;

import java.util.List;
import java.util.Optional;

/**
 * The providers whose embeds a post names ({@code Post.embeds}), each with the start every address it is named by
 * has. Shared: enrich names embeds only in these forms, publish passes only an embed whose address its provider's
 * forms allow (a record forged onto the enriched topic cannot name an attacker's host as a YouTube video), and a
 * consumer may rely on both.
 */
public enum EmbedProvider {
    YOUTUBE("youtube", "https://www.youtube.com/watch?v=", "https://www.youtube.com/playlist?list=",
            "https://www.youtube.com/channel/"),
    VIMEO("vimeo", "https://vimeo.com/"),
    DAILYMOTION("dailymotion", "https://www.dailymotion.com/video/"),
    SPOTIFY("spotify", "https://open.spotify.com/"),
    /** A sound's page, or the widget's page for a player that names its sound only by its API id. */
    SOUNDCLOUD("soundcloud", "https://soundcloud.com/", "https://w.soundcloud.com/player/?url=https%3A%2F%2Fapi.soundcloud.com%2F"),
    FACEBOOK("facebook", "https://www.facebook.com/"),
    X("x", "https://x.com/"),
    INSTAGRAM("instagram", "https://www.instagram.com/"),
    TIKTOK("tiktok", "https://www.tiktok.com/"),
    DATAWRAPPER("datawrapper", "https://datawrapper.dwcdn.net/"),
    FLOURISH("flourish", "https://public.flourish.studio/");

    private final String id;
    private final List<String> addressStarts;

    EmbedProvider(String id, String... addressStarts) {
        this.id = id;
        this.addressStarts = List.of(addressStarts);
    }

    /** The name a post gives it ({@code Embed.provider}). */
    public String id() {
        return id;
    }

    /** Whether {@code url} has one of the forms this provider's embeds are named by. */
    public boolean names(String url) {
        if (url == null) {
            return false;
        }
        for (String start : addressStarts) {
            if (url.startsWith(start) && url.length() > start.length()) {
                return true;
            }
        }
        return false;
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
