package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.enrich.ArticleEnricher;
import dev.newsflow.enrich.Enrichers;
import dev.newsflow.ingest.ArticleParser;
import dev.newsflow.ingest.IngestLimits;
import dev.newsflow.ingest.ParsedArticle;
import dev.newsflow.schemas.avro.EnrichedArticle;
import dev.newsflow.schemas.avro.PubStatus;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled demo samples, through the real enricher: what the demo shows must be clean. */
class SampleArticlesTest {

    private static final List<String> BOILERPLATE = List.of("bookmarks", "join 10k", "don't spam", "do not worry",
            "post by", "related posts", "share on facebook", "tweet", "cookie", "newsletter", "subscribe");
    private static final Pattern MARKUP = Pattern.compile("<[a-zA-Z/!][^>]*>|&[a-zA-Z]+;|&#\\d+;");

    private static List<String> samples;
    private static ArticleEnricher enricher;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = SampleArticlesTest.class.getResourceAsStream("/samples/articles.ndjson")) {
            samples = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
        enricher = Enrichers.defaults();
    }

    @Test
    void shouldBundleAtLeastTwelveArticlesWithWholePagesAnUpdateAndAKill() throws Exception {
        ObjectMapper json = new ObjectMapper();
        long kills = samples.stream().filter(l -> l.contains("\"canceled\"")).count();
        long updates = samples.stream().map(l -> readUri(json, l)).distinct().count();

        assertThat(samples.size() - kills).isGreaterThanOrEqualTo(13);
        assertThat(kills).isEqualTo(1);
        assertThat(updates).isLessThan(samples.size() - kills);
        assertThat(samples).anySatisfy(l -> assertThat(l).contains("<!doctype html", "Post by :", "Related posts"));
    }

    @Test
    void shouldSpreadTheSamplesOverAtLeastSixPrimaryCategories() {
        assertThat(enrichedUsable().stream().map(a -> a.getCategories().get(0).getCode()).distinct().count())
                .isGreaterThanOrEqualTo(6);
    }

    @Test
    void shouldLeaveNoBoilerplateOrMarkupInAnySampleTextOrTeaser() {
        for (EnrichedArticle article : enrichedUsable()) {
            for (String field : List.of(article.getText(), article.getTeaser())) {
                String lower = field.toLowerCase(Locale.ROOT);
                assertThat(BOILERPLATE).as(article.getUri()).noneMatch(lower::contains);
                assertThat(MARKUP.matcher(field).find()).as(article.getUri() + ": " + field).isFalse();
            }
        }
    }

    @Test
    void shouldGiveEverySampleABoundedTeaserCutOnlyAtAWordAndTags() {
        for (EnrichedArticle article : enrichedUsable()) {
            String teaser = article.getTeaser();
            assertThat(graphemes(teaser)).as(article.getUri()).isBetween(20, 160);
            assertThat(teaser).as(article.getUri()).isNotEqualTo(article.getHeadline());
            if (teaser.endsWith("…")) {
                String beforeEllipsis = teaser.substring(0, teaser.length() - 1);
                assertThat(article.getText()).as(article.getUri()).containsPattern(
                        Pattern.quote(beforeEllipsis.substring(Math.max(0, beforeEllipsis.length() - 30))) + "[\\s,;:]");
            }
            assertThat(article.getTags()).as(article.getUri()).isNotEmpty();
            assertThat(article.getLanguage()).isEqualTo("en");
        }
    }

    @Test
    void shouldShowEachSamplesStructureWithTheTextsWordsAndALeadImageWhereOneIsNamed() {
        List<EnrichedArticle> articles = enrichedUsable();
        for (EnrichedArticle article : articles) {
            List<String> blocks = org.jsoup.Jsoup.parseBodyFragment(article.getBodyHtml()).body().select("p, li, h2, h3")
                    .eachText();
            assertThat(blocks).as(article.getUri()).isEqualTo(List.of(article.getText().split("\n\n")));
        }
        assertThat(articles).anySatisfy(a -> assertThat(a.getBodyHtml()).contains("<a href=\"https://"));
        assertThat(articles).filteredOn(a -> a.getImage() != null).singleElement().satisfies(a -> {
            assertThat(a.getUri()).endsWith("norovirus-vaccine-trial");
            assertThat(a.getImage().getCaption()).isEqualTo("Norvane Bio tested the vaccine on 5,800 adults. Photo: Newsflow");
        });
    }

    private static List<EnrichedArticle> enrichedUsable() {
        ArticleParser parser = new ArticleParser(IngestLimits.defaults(), Clock.systemUTC());
        return samples.stream()
                .map(l -> parser.parse(l, "test"))
                .filter(ParsedArticle::valid)
                .map(ParsedArticle::article)
                .filter(a -> a.getPubStatus() == PubStatus.USABLE)
                .map(a -> enricher.enrich(a, Instant.EPOCH))
                .toList();
    }

    private static String readUri(ObjectMapper json, String line) {
        try {
            return json.readTree(line).path("uri").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int graphemes(String s) {
        BreakIterator it = BreakIterator.getCharacterInstance();
        it.setText(s);
        int n = 0;
        while (it.next() != BreakIterator.DONE) {
            n++;
        }
        return n;
    }
}
