package dev.newsflow.enrich.text.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.enrich.text.Embed;
import dev.newsflow.enrich.text.ExtractedArticle;
import org.junit.jupiter.api.Test;

/** Embeds found in a story's markup, each placed among the paragraphs that are kept, never in its text or body. */
class EmbedPlacementTest {

    private static final String STORY_1 = "The storm reached the coast on Tuesday morning, bringing winds of more than "
            + "100 km/h and heavy rain to the region, officials said.";
    private static final String STORY_2 = "Emergency services said they had received hundreds of calls overnight, mostly "
            + "about fallen trees and flooded basements in the old town.";
    private static final String YOUTUBE = "<iframe width=\"560\" src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\"></iframe>";
    private static final Embed VIDEO = new Embed("youtube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", 0);

    private final MainTextExtractor extractor = new MainTextExtractor();

    @Test
    void shouldPlaceEachEmbedAfterTheParagraphsBeforeItAndKeepItsFallbackOutOfTheText() {
        String fragment = "<p>" + STORY_1 + "</p><figure>" + YOUTUBE + "<figcaption>Watch the waves</figcaption></figure>"
                + "<p>" + STORY_2 + "</p><blockquote class=\"instagram-media\" data-instgrm-permalink="
                + "\"https://www.instagram.com/p/CkXyZ12AbCd/\"><p>A post shared by Harbour City</p></blockquote>";

        ExtractedArticle article = extractor.extract(fragment, true);

        assertThat(article.paragraphs()).containsExactly(STORY_1, STORY_2);
        assertThat(article.embeds()).containsExactly(VIDEO.at(1),
                new Embed("instagram", "https://www.instagram.com/p/CkXyZ12AbCd/", 2));
        assertThat(article.bodyHtml()).doesNotContain("iframe", "youtube", "instagram");
    }

    @Test
    void shouldTakeAnXPostsEmbedCodeForAnEmbedNotForTheStorysWords() {
        // its words, handle and date were the story's text, and its words the teaser of a story that opened on it
        String fragment = "<p>" + STORY_1 + "</p><blockquote class=\"twitter-tweet\"><p lang=\"en\">Thank you all for "
                + "the love. See you next year! <a href=\"https://t.co/AbC\">pic.twitter.com/AbC123</a></p>&mdash; Pop Star "
                + "(@popstar) <a href=\"https://twitter.com/popstar/status/1765432109876543210?ref_src=twsrc%5Etfw\">March 5,"
                + " 2024</a></blockquote><script async src=\"https://platform.twitter.com/widgets.js\"></script><p>" + STORY_2
                + "</p><blockquote class=\"twitter-tweet\"><p>A quoted post without its link stays a quotation.</p></blockquote>";

        ExtractedArticle article = extractor.extract(fragment, true);

        assertThat(article.paragraphs()).containsExactly(STORY_1, STORY_2, "A quoted post without its link stays a quotation.");
        assertThat(article.embeds()).containsExactly(new Embed("x", "https://x.com/i/status/1765432109876543210", 1));
    }

    @Test
    void shouldKeepAnEmbedInPlaceWhenParagraphsBeforeItAreLeftOut() {
        String fragment = "<h1>Storm hits coast</h1><p>Share this article</p><p>" + STORY_1 + "</p>" + YOUTUBE + "<p>"
                + STORY_2 + "</p>";

        ExtractedArticle article = extractor.extract(fragment, true);

        assertThat(article.paragraphs()).containsExactly(STORY_1, STORY_2);
        assertThat(article.embeds()).containsExactly(VIDEO.at(1));
        // the enricher leaves out a first paragraph that repeats the headline: the embed moves up with the rest
        ExtractedArticle repeated = extractor.extract("<p>Storm hits coast</p>" + YOUTUBE + "<p>" + STORY_1 + "</p>", true)
                .withoutRepeatedHeadline("Storm hits coast");
        assertThat(repeated.paragraphs()).containsExactly(STORY_1);
        assertThat(repeated.embeds()).containsExactly(VIDEO.at(0));
    }

    @Test
    void shouldPlaceAnEmbedInsideAParagraphAfterItAndNameTheSameOneOnce() {
        String fragment = "<p>Watch the video " + YOUTUBE + " of the waves at the pier this morning.</p><p>" + STORY_1
                + "</p>" + YOUTUBE;

        ExtractedArticle article = extractor.extract(fragment, true);

        assertThat(article.paragraphs()).containsExactly("Watch the video of the waves at the pier this morning.", STORY_1);
        assertThat(article.embeds()).containsExactly(VIDEO.at(1));
    }

    @Test
    void shouldNotNameAHiddenPlayerAnAdvertsFrameOrMoreThanTheBound() {
        String hidden = "<p>" + STORY_1 + "</p><iframe style=\"display:none\" src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\">"
                + "</iframe><iframe src=\"https://ads.example/slot?u=https://www.youtube.com/embed/dQw4w9WgXcQ\"></iframe>";
        StringBuilder many = new StringBuilder("<p>" + STORY_1 + "</p>");
        for (int i = 0; i < ParagraphCollector.MAX_EMBEDS + 10; i++) {
            many.append("<iframe src=\"https://player.vimeo.com/video/").append(1000 + i).append("\"></iframe>");
        }

        assertThat(extractor.extract(hidden, true).embeds()).isEmpty();
        ExtractedArticle article = extractor.extract(many.toString(), true);
        assertThat(article.embeds()).hasSize(ParagraphCollector.MAX_EMBEDS)
                .allSatisfy(e -> assertThat(e.afterParagraph()).isEqualTo(1));
        assertThat(article.embeds().get(0).url()).isEqualTo("https://vimeo.com/1000");
        assertThat(extractor.extract(STORY_1 + "\n\nhttps://www.youtube.com/embed/dQw4w9WgXcQ", false).embeds()).isEmpty();
    }

    @Test
    void shouldLeaveOutTheEmbedsOfTheStoriesATrailingMarkerCuts() {
        StringBuilder fragment = new StringBuilder("<p>" + STORY_1 + "</p>" + YOUTUBE + "<p>" + STORY_2 + "</p><h3>Most popular</h3>");
        for (int i = 0; i < 3; i++) {
            fragment.append("<h4>Another story number ").append(i).append("</h4><iframe src=\"https://player.vimeo.com/video/")
                    .append(100 + i).append("\"></iframe>");
        }

        ExtractedArticle article = extractor.extract(fragment.toString(), true);

        assertThat(article.paragraphs()).containsExactly(STORY_1, STORY_2);
        assertThat(article.embeds()).containsExactly(VIDEO.at(1));
    }

    @Test
    void shouldTakeTheOneEmbedOfAWrapperNamedLikeChromeButNotARailOfThem() {
        String wrapped = "<p>" + STORY_1 + "</p><div class=\"embed embed--social\"><blockquote class=\"instagram-media\" "
                + "data-instgrm-permalink=\"https://www.instagram.com/p/CkXyZ12AbCd/\"><p>A post</p></blockquote>"
                + "<p>Share this post</p></div><p>" + STORY_2 + "</p>";
        String rail = "<p>" + STORY_1 + "</p><div class=\"video-sidebar\"><iframe src=\"https://player.vimeo.com/video/1\">"
                + "</iframe><iframe src=\"https://player.vimeo.com/video/2\"></iframe></div><p>" + STORY_2 + "</p>";
        String inTable = "<p>" + STORY_1 + "</p><table><tr><th>Goal</th><th>Video</th></tr><tr><td>Hartley 88'</td><td>"
                + YOUTUBE + "</td></tr></table><p>" + STORY_2 + "</p>";

        ExtractedArticle article = extractor.extract(wrapped, true);
        assertThat(article.paragraphs()).containsExactly(STORY_1, STORY_2);
        assertThat(article.embeds()).containsExactly(new Embed("instagram", "https://www.instagram.com/p/CkXyZ12AbCd/", 1));
        assertThat(extractor.extract(rail, true).embeds()).isEmpty();
        // inside a table's row: after that row (a site shows it after the table)
        assertThat(extractor.extract(inTable, true).embeds()).containsExactly(VIDEO.at(3));
    }

    @Test
    void shouldPlaceTheEmbedsOfAWholePageAmongItsStory() {
        String page = "<!DOCTYPE html><html><head><title>Storm hits coast</title></head><body><nav><a href=\"/\">Home</a>"
                + "</nav><main><article><h1>Storm hits coast</h1><p>" + STORY_1 + "</p>" + YOUTUBE + "<p>" + STORY_2
                + "</p><div class=\"chart\"><iframe src=\"https://datawrapper.dwcdn.net/Ab3dE/2/\"></iframe></div><p>"
                + STORY_1 + " Again.</p></article></main></body></html>";

        ExtractedArticle article = extractor.extract(page, true);

        assertThat(article.paragraphs()).first().isEqualTo(STORY_1);
        // the chart's div survives the content finder's clean-up as a video's does
        assertThat(article.embeds()).containsExactly(VIDEO.at(1), new Embed("datawrapper", "https://datawrapper.dwcdn.net/Ab3dE/", 2));
    }
}
