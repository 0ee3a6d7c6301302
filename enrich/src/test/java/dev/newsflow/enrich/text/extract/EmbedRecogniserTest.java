package dev.newsflow.enrich.text.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.enrich.text.Embed;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which players and embed codes name a provider's piece, and as which public address. */
class EmbedRecogniserTest {

    @ParameterizedTest
    @CsvSource({
            "https://www.youtube.com/embed/dQw4w9WgXcQ?rel=0&autoplay=1, youtube, https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "//www.youtube-nocookie.com/embed/dQw4w9WgXcQ, youtube, https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://www.youtube.com/embed/videoseries?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG, youtube, "
                    + "https://www.youtube.com/playlist?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG",
            "https://www.youtube.com/embed/live_stream?channel=UCabcdefghijklmnopqrstuv, youtube, "
                    + "https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv/live",
            "https://player.vimeo.com/video/76979871?h=8272103f6e, vimeo, https://vimeo.com/76979871/8272103f6e",
            "https://player.vimeo.com/video/76979871, vimeo, https://vimeo.com/76979871",
            "https://geo.dailymotion.com/player/xid0t.html?video=x7tgad0, dailymotion, https://www.dailymotion.com/video/x7tgad0",
            "https://www.dailymotion.com/embed/video/x2p552m, dailymotion, https://www.dailymotion.com/video/x2p552m",
            "https://geo.dailymotion.com/player.html?video=x8abc12, dailymotion, https://www.dailymotion.com/video/x8abc12",
            "https://open.spotify.com/embed/episode/7makk4oTQel546B0PZlDM5?utm_source=generator, spotify, "
                    + "https://open.spotify.com/episode/7makk4oTQel546B0PZlDM5",
            "https://w.soundcloud.com/player/?url=https%3A//api.soundcloud.com/tracks/293&color=%23ff5500, soundcloud, "
                    + "https://w.soundcloud.com/player/?url=https%3A%2F%2Fapi.soundcloud.com%2Ftracks%2F293",
            "https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2Fcitypolice%2Fstorm-update%3Fsi%3Dx, "
                    + "soundcloud, https://soundcloud.com/citypolice/storm-update",
            "https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2Fcitypolice%2Fdraft%3Fsecret_token%3Ds-AbC12, "
                    + "soundcloud, https://soundcloud.com/citypolice/draft?secret_token=s-AbC12",
            "https://w.soundcloud.com/player/?url=https%3A//api.soundcloud.com/tracks/293%3Fsecret_token%3Ds-xYz9, soundcloud, "
                    + "https://w.soundcloud.com/player/?url=https%3A%2F%2Fapi.soundcloud.com%2Ftracks%2F293%3Fsecret_token%3Ds-xYz9",
            "https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2Fpermalink.php%3Fstory_fbid%3D123"
                    + "%26id%3D456%26__cft__%3Dtrack, facebook, https://www.facebook.com/permalink.php?story_fbid=123&id=456",
            "https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fm.facebook.com%2Fwatch%2F%3Fv%3D1015, facebook, "
                    + "https://www.facebook.com/watch/?v=1015",
            "https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fcitypolice%2Fvideos%2F101%2F"
                    + "&show_text=false, facebook, https://www.facebook.com/citypolice/videos/101/",
            "https://platform.twitter.com/embed/Tweet.html?dnt=false&id=1460323737035677698, x, "
                    + "https://x.com/i/status/1460323737035677698",
            "https://www.instagram.com/p/CkXyZ12AbCd/embed/captioned/, instagram, https://www.instagram.com/p/CkXyZ12AbCd/",
            "https://datawrapper.dwcdn.net/Ab3dE/4/, datawrapper, https://datawrapper.dwcdn.net/Ab3dE/",
            "https://flo.uri.sh/visualisation/1234567/embed, flourish, https://public.flourish.studio/visualisation/1234567/"
    })
    void shouldNameAProvidersPlayerByItsPublicAddress(String src, String provider, String url) {
        assertThat(EmbedRecogniser.ofPlayer(src)).isEqualTo(new Embed(provider, url, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://ads.example/frame.html?v=https://www.youtube.com/embed/dQw4w9WgXcQ", // an advert's frame
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ", // not a player
            "https://www.youtube.com/embed/dQw4w9WgXcQ/../../evil", // not exactly a video's player
            "https://www.youtube.com/embed/short", "javascript:alert('https://www.youtube.com/embed/dQw4w9WgXcQ')",
            "https://user:pw@www.youtube.com/embed/dQw4w9WgXcQ", "https://youtube.com.evil.example/embed/dQw4w9WgXcQ",
            "https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fevil.example%2Fx", // a post elsewhere
            "https://w.soundcloud.com/player/?url=javascript%3Aalert(1)", "https://player.vimeo.com/video/abc",
            "https://www.google.com/maps/embed?pb=1", "", "not a url", "https://open.spotify.com/embed/track/short",
            "https://www.youtube.com/embed/live_stream?channel=nochannel", "https://www.youtube.com/embed/videoseries",
            "https://datawrapper.dwcdn.net/embed/", "https://www.instagram.com/p/embed/embed/",
            "https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2F..%2F..%2Fevil",
            "https://w.soundcloud.com/player/?url=https%3A%2F%2Fw.soundcloud.com%2Fplayer%2F",
            "https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fl.facebook.com%2Fl.php%3Fu%3Devil",
            "https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2F..%2Fevil"
    })
    void shouldNameNoEmbedForAnythingElse(String src) {
        assertThat(EmbedRecogniser.ofPlayer(src)).isNull();
    }

    @Test
    void shouldNameInstagramTikTokAndXEmbedCodes() {
        Element instagram = element("<blockquote class=\"instagram-media\" data-instgrm-permalink="
                + "\"https://www.instagram.com/reel/CkXyZ12AbCd/?utm_source=ig_embed\"><a href=\"#\">A post</a></blockquote>");
        Element tiktok = element("<blockquote class=\"tiktok-embed\" cite=\"https://www.tiktok.com/@citypolice/video/"
                + "7101234567890123456\" data-video-id=\"7101234567890123456\"><section>text</section></blockquote>");
        Element x = element("<blockquote class=\"twitter-tweet\"><p>Trees down</p><a href=\"https://twitter.com/"
                + "citypolice/status/123456789\">November 28</a></blockquote>");
        Element forged = element("<blockquote class=\"tiktok-embed\" cite=\"https://evil.example/@a/video/12345\"></blockquote>");
        Element dots = element("<blockquote class=\"tiktok-embed\" cite=\"https://www.tiktok.com/@../video/12345\"></blockquote>");

        assertThat(EmbedRecogniser.recognise(instagram))
                .isEqualTo(new Embed("instagram", "https://www.instagram.com/reel/CkXyZ12AbCd/", 0));
        assertThat(EmbedRecogniser.recognise(tiktok))
                .isEqualTo(new Embed("tiktok", "https://www.tiktok.com/@citypolice/video/7101234567890123456", 0));
        assertThat(EmbedRecogniser.recognise(x)).isEqualTo(new Embed("x", "https://x.com/i/status/123456789", 0));
        // the post's own link is the last; a link in its words to another post is not it; no post's link, no embed
        assertThat(EmbedRecogniser.recognise(element("<blockquote class=\"twitter-tweet\" data-dnt=\"true\"><p>See "
                + "<a href=\"https://x.com/other/status/111\">this</a> <a href=\"https://t.co/x\">pic.twitter.com/AbC123</a>"
                + "</p>&mdash; Pop Star (@popstar) <a href=\"https://twitter.com/popstar/status/1765432109876543210"
                + "?ref_src=twsrc%5Etfw\">March 5, 2024</a></blockquote>")))
                .isEqualTo(new Embed("x", "https://x.com/i/status/1765432109876543210", 0));
        assertThat(EmbedRecogniser.recognise(element("<blockquote class=\"twitter-tweet\"><p>Trees down</p></blockquote>")))
                .isNull();
        assertThat(EmbedRecogniser.recognise(element("<blockquote class=\"twitter-tweet\"><a href=\"https://evil.example/"
                + "a/status/123\">x</a></blockquote>"))).isNull();
        assertThat(EmbedRecogniser.recognise(forged)).isNull();
        assertThat(EmbedRecogniser.recognise(dots)).isNull();
        assertThat(EmbedRecogniser.recognise(element("<iframe data-src=\"https://player.vimeo.com/video/42\"></iframe>")))
                .isEqualTo(new Embed("vimeo", "https://vimeo.com/42", 0));
    }

    @Test
    void shouldTakeTheEmbedOfAWrapperDressedAsChromeButNotOfAnotherStorysOrAnAdvertsBox() {
        String video = "<iframe src=\"https://player.vimeo.com/video/42\"></iframe>";
        for (String wrapper : new String[]{"<div class=\"embed embed--social\">", "<figure class=\"social-media-embed\">",
                "<div class=\"video-caption-wrapper\">"}) {
            assertThat(EmbedRecogniser.inWrapper(element(wrapper + video + "</div>"))).as(wrapper).isNotNull();
        }
        for (String chrome : new String[]{"<aside class=\"related-video\">", "<div class=\"sponsored-video\">",
                "<div class=\"sidebar\" id=\"video-of-the-day\">", "<div class=\"promo-video-player\">",
                "<div class=\"share-video\"><iframe src=\"https://player.vimeo.com/video/43\"></iframe>"}) {
            assertThat(EmbedRecogniser.inWrapper(element(chrome + video + "</div>"))).as(chrome).isNull();
        }
    }

    private static Element element(String html) {
        return Jsoup.parseBodyFragment(html).body().child(0);
    }
}
