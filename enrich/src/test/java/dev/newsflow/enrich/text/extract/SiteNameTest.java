package dev.newsflow.enrich.text.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SiteNameTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        // the site's own og:site_name, or its first words
        "<meta property='og:site_name' content='Spiceworks Inc'>; Vidyard Introduces New Features - Spiceworks; Vidyard Introduces New Features",
        // the JSON-LD publisher, accents and the domain ending folded away
        "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"publisher\":{\"name\":\"Aktuálně.cz\"}}</script>; West Ham hrozí gigantům | Aktualne.cz; West Ham hrozí gigantům",
        // a site name with a tagline after it
        "<meta property='og:site_name' content='City Herald - News you can use'>; City Herald | Council backs tram extension; Council backs tram extension",
        // the canonical host, also under a second-level domain
        "<link rel='canonical' href='https://en.wikipedia.org/wiki/New_Zealand'>; New Zealand - Wikipedia; New Zealand",
        "<meta property='og:url' content='https://www.bbc.co.uk/news/uk-1'>; Storm closes schools - BBC; Storm closes schools",
        // a short name that starts with the site's
        "<meta property='og:url' content='https://www.bbc.co.uk/news/uk-1'>; Storm closes schools - BBC News; Storm closes schools",
    })
    void shouldTakeTheSiteOffAHeadline(String head, String title, String expected) {
        var doc = Jsoup.parse("<html><head>" + head + "</head><body></body></html>");
        String publisher = head.contains("publisher") ? "Aktuálně.cz" : null;

        assertThat(SiteName.of(doc, publisher).strip(title)).isEqualTo(expected);
    }

    @Test
    void shouldKeepAHeadlineThatOnlyMentionsTheSite() {
        var doc = Jsoup.parse("<html><head><meta property='og:site_name' content='Apple'></head></html>");
        SiteName site = SiteName.of(doc, null);

        assertThat(site.strip("Apple says iPhone sales rose - Reuters")).isEqualTo("Apple says iPhone sales rose - Reuters");
        // four words are a headline, not the site's name
        assertThat(site.strip("Apple sues its rival - Samsung replies")).isEqualTo("Apple sues its rival - Samsung replies");
        assertThat(site.strip("Apple sues rival over patents")).isEqualTo("Apple sues rival over patents");
        // nothing would be left but the site's name
        assertThat(site.strip("Apple | 1")).isEqualTo("Apple | 1");
    }

    @Test
    void shouldKeepAHeadlinesFirstWordsThatOnlyBeginTheSitesName() {
        SiteName echo = SiteName.of(Jsoup.parse("<html><head><meta property='og:site_name' content='Liverpool Echo'>"
                + "</head></html>"), null);
        SiteName sky = SiteName.of(Jsoup.parse("<html><head><link rel='canonical' href='https://news.sky.com/story/1'>"
                + "</head></html>"), null);

        assertThat(echo.strip("Liverpool - Everton LIVE: updates")).isEqualTo("Liverpool - Everton LIVE: updates");
        assertThat(sky.strip("Sky high prices - what the cap means")).isEqualTo("Sky high prices - what the cap means");
        assertThat(sky.strip("What the cap means - Sky News")).isEqualTo("What the cap means");
    }

    @Test
    void shouldKeepTheHeadlineOfAPageThatNamesNoSite() {
        var doc = Jsoup.parse("<html><head><title>x</title></head></html>");

        assertThat(SiteName.of(doc, null).strip("Storm closes schools - Herald")).isEqualTo("Storm closes schools - Herald");
    }

    @Test
    void shouldFoldNamesForComparison() {
        assertThat(SiteName.fold(" Aktuálně.cz ")).isEqualTo("aktualne");
        assertThat(SiteName.fold("The Verge")).isEqualTo("the verge");
        assertThat(SiteName.fold("BBC News")).isEqualTo("bbc news");
    }
}
