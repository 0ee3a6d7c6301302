package dev.newsflow.ingest;

import static dev.newsflow.ingest.ArticleJson.aKill;
import static dev.newsflow.ingest.ArticleJson.anArticle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schemas.avro.ContentType;
import dev.newsflow.schemas.avro.PubStatus;
import dev.newsflow.schemas.avro.RawArticle;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArticleParserTest {

    private static final Instant NOW = Instant.parse("2026-11-28T09:30:00Z");
    private static final String PROVIDER = "cms";
    /** Small limits so the length checks are cheap to reach. */
    private static final IngestLimits LIMITS = new IngestLimits(10_000, 100_000, 10, 200, 40, 100, 64);

    private final ArticleParser parser = new ArticleParser(LIMITS, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldReadAValidArticleIntoARawArticle() {
        ParsedArticle parsed = parser.parse(anArticle("a-1")
                .with("version", 3)
                .with("headline", "  Cup final tonight  ")
                .with("language", "pt-BR")
                .with("keywords", List.of(" football ", "cup"))
                .with("url", "https://example.com/a-1")
                .with("urgency", 2)
                .json(), PROVIDER);

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.valid()).isTrue();
        RawArticle article = parsed.article();
        assertThat(article.getUri()).isEqualTo("a-1");
        assertThat(article.getVersion()).isEqualTo(3L);
        assertThat(article.getProvider()).isEqualTo(PROVIDER);
        assertThat(article.getHeadline()).isEqualTo("Cup final tonight");
        assertThat(article.getContentType()).isEqualTo(ContentType.PLAIN);
        assertThat(article.getLanguage()).isEqualTo("pt-br");
        assertThat(article.getKeywords()).containsExactly("football", "cup");
        assertThat(article.getUrl()).isEqualTo("https://example.com/a-1");
        assertThat(article.getUrgency()).isEqualTo(2);
        assertThat(parsed.idOrNull()).isEqualTo("a-1");
    }

    @Test
    void shouldNameOnlySoManyUnknownFieldsAndCountTheRest() {
        StringBuilder json = new StringBuilder("{\"uri\":\"a-1\",\"version\":1,\"headline\":\"H\",\"body\":\"Text.\"");
        for (int i = 0; i < 1_000; i++) {
            json.append(",\"x").append(i).append("\":1");
        }
        ParsedArticle parsed = parser.parse(json.append('}').toString(), PROVIDER);

        assertThat(parsed.article()).isNotNull();
        assertThat(parsed.ignoredFields()).hasSize(ArticleParser.MAX_IGNORED_NAMED + 1)
                .startsWith("x0", "x1").endsWith("(and 980 more)");
    }

    @Test
    void shouldDefaultPubStatusVersionCreatedAndReceivedAtFromTheClock() {
        RawArticle article = parser.parse(anArticle("a-1").json(), PROVIDER).article();

        assertThat(article.getPubStatus()).isEqualTo(PubStatus.USABLE);
        assertThat(article.getVersionCreated()).isEqualTo(NOW);
        assertThat(article.getReceivedAt()).isEqualTo(NOW);
        assertThat(article.getFirstCreated()).isNull();
    }

    @Test
    void shouldKeepTheSendersTimesWithTheirOffsetApplied() {
        RawArticle article = parser.parse(anArticle("a-1")
                .with("versionCreated", "2026-11-28T10:00:00+01:00")
                .with("firstCreated", "2026-11-27T08:00:00Z")
                .json(), PROVIDER).article();

        assertThat(article.getVersionCreated()).isEqualTo(Instant.parse("2026-11-28T09:00:00Z"));
        assertThat(article.getFirstCreated()).isEqualTo(Instant.parse("2026-11-27T08:00:00Z"));
        assertThat(article.getReceivedAt()).isEqualTo(NOW);
    }

    @Test
    void shouldDetectAnHtmlBody() {
        RawArticle article = parser.parse(anArticle("a-1").with("body", "<p>Hello <b>world</b></p>").json(), PROVIDER)
                .article();

        assertThat(article.getContentType()).isEqualTo(ContentType.HTML);
    }

    @Test
    void shouldTreatABodyWithoutTagsAsPlainText() {
        RawArticle article = parser.parse(anArticle("a-1").with("body", "Prices rose 3 < 4 per cent.").json(), PROVIDER)
                .article();

        assertThat(article.getContentType()).isEqualTo(ContentType.PLAIN);
    }

    @Test
    void shouldLetAnExplicitBodyTypeWinOverDetection() {
        RawArticle plain = parser.parse(anArticle("a-1").with("body", "<p>shown as text</p>").with("bodyType", "plain")
                .json(), PROVIDER).article();
        RawArticle html = parser.parse(anArticle("a-2").with("body", "no tags at all").with("bodyType", "HTML")
                .json(), PROVIDER).article();

        assertThat(plain.getContentType()).isEqualTo(ContentType.PLAIN);
        assertThat(html.getContentType()).isEqualTo(ContentType.HTML);
    }

    @Test
    void shouldAcceptIdAndTitleAsAliases() {
        ParsedArticle parsed = parser.parse(ArticleJson.empty()
                .with("id", "wire:123").with("version", 1).with("title", "Aliased headline").with("body", "Body.")
                .json(), PROVIDER);

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.article().getUri()).isEqualTo("wire:123");
        assertThat(parsed.article().getHeadline()).isEqualTo("Aliased headline");
    }

    @Test
    void shouldNameTheIdFieldAsTheSenderWroteIt() {
        ParsedArticle parsed = parser.parse(ArticleJson.empty()
                .with("id", "bad id!").with("version", 1).with("title", "Headline").with("body", "Body.")
                .json(), PROVIDER);

        assertThat(parsed.errors()).extracting(FieldError::field).containsExactly("id");
    }

    @Test
    void shouldReportEveryMissingFieldAtOnce() {
        ParsedArticle parsed = parser.parse("{}", PROVIDER);

        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.article()).isNull();
        assertThat(parsed.errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("uri", "version", "headline", "body");
        assertThat(parsed.errors()).extracting(FieldError::message).containsOnly("is required");
    }

    @Test
    void shouldRejectTextThatIsNotJson() {
        ParsedArticle parsed = parser.parse("{\"uri\": ", PROVIDER);

        assertThat(parsed.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("$");
            assertThat(e.message()).startsWith("not valid JSON");
        });
    }

    @Test
    void shouldRejectASecondDocumentAfterTheFirstInsteadOfDroppingIt() {
        String two = ArticleJson.anArticle("a").json() + ArticleJson.anArticle("b").json();

        ParsedArticle parsed = parser.parse(two, PROVIDER);

        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.errors()).singleElement().satisfies(e -> assertThat(e.message()).startsWith("not valid JSON"));
    }

    @Test
    void shouldRejectAFieldGivenTwice() {
        String twice = ArticleJson.anArticle("a").json().replaceFirst("\\{", "{\"uri\":\"b\",");

        ParsedArticle parsed = parser.parse(twice, PROVIDER);

        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("uri"));
    }

    @Test
    void shouldRejectJsonThatIsNotAnObject() {
        assertThat(parser.parse("[1, 2]", PROVIDER).errors())
                .containsExactly(new FieldError("$", "must be a JSON object"));
        assertThat(parser.parse("\"text\"", PROVIDER).errors())
                .containsExactly(new FieldError("$", "must be a JSON object"));
    }

    @Test
    void shouldRejectFieldsOfTheWrongType() {
        ParsedArticle parsed = parser.parse(anArticle("a-1")
                .with("headline", 42)
                .with("version", true)
                .with("keywords", "football")
                .with("urgency", 1.5)
                .json(), PROVIDER);

        assertThat(parsed.errors()).containsExactlyInAnyOrder(
                new FieldError("headline", "must be a string"),
                new FieldError("version", "must be an integer"),
                new FieldError("urgency", "must be an integer"),
                new FieldError("keywords", "must be an array of at most 50 strings"));
    }

    @Test
    void shouldRejectVersionAndUrgencyOutOfRange() {
        ParsedArticle parsed = parser.parse(anArticle("a-1").with("version", 0).with("urgency", 10).json(), PROVIDER);

        assertThat(parsed.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("version", "urgency");
        assertThat(parsed.errors()).extracting(FieldError::message)
                .anySatisfy(m -> assertThat(m).contains("(got 0)"))
                .anySatisfy(m -> assertThat(m).isEqualTo("must be between 1 and 9 (got 10)"));
    }

    @Test
    void shouldRejectAVersionBeyondWhatJsonConsumersReadExactly() {
        ParsedArticle parsed = parser.parse(anArticle("a-1").with("version", (1L << 53) + 1).json(), PROVIDER);

        assertThat(parsed.errors()).extracting(FieldError::field).containsExactly("version");
    }

    @Test
    void shouldRejectAnIdWithForbiddenCharacters() {
        assertThat(parser.parse(anArticle("a 1").json(), PROVIDER).errors())
                .extracting(FieldError::field).containsExactly("uri");
        assertThat(parser.parse(anArticle("-starts-with-dash").json(), PROVIDER).errors())
                .extracting(FieldError::field).containsExactly("uri");
        assertThat(parser.parse(anArticle("a<script>").json(), PROVIDER).errors())
                .extracting(FieldError::field).containsExactly("uri");
    }

    @Test
    void shouldRejectTimesWithoutAnOffsetOrUnreadable() {
        ParsedArticle parsed = parser.parse(anArticle("a-1")
                .with("firstCreated", "yesterday")
                .with("versionCreated", "2026-11-28T09:30:00")
                .with("embargoedUntil", "2026-13-01T00:00:00Z")
                .json(), PROVIDER);

        assertThat(parsed.errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("firstCreated", "versionCreated", "embargoedUntil");
    }

    @Test
    void shouldRejectTimesOutsideTheYears1900To2199InsteadOfFailingWhenWritten() {
        // Java reads year +300000000; Avro's timestamp-millis would overflow when the article is written
        ParsedArticle parsed = parser.parse(anArticle("a-1")
                .with("embargoedUntil", "+300000000-01-01T00:00:00Z")
                .with("firstCreated", "1066-10-14T09:00:00Z")
                .json(), PROVIDER);

        assertThat(parsed.errors()).containsExactlyInAnyOrder(
                new FieldError("embargoedUntil", "must be between the years 1900 and 2199"),
                new FieldError("firstCreated", "must be between the years 1900 and 2199"));
    }

    @Test
    void shouldRefuseABodyOrHeadlineOfPunctuationOnly() {
        assertThat(parser.parse(anArticle("a-1").with("body", ".").with("headline", "?!").json(), PROVIDER).errors())
                .extracting(FieldError::field).containsExactlyInAnyOrder("body", "headline");
    }

    @Test
    void shouldNameTheKeywordInErrorAndKeepEachKeywordOnce() {
        assertThat(parser.parse(anArticle("a-1").with("keywords", List.of("tram", " ")).json(), PROVIDER).errors())
                .containsExactly(new FieldError("keywords[1]", "must be a non-blank string of at most 100 characters"));
        assertThat(parser.parse(anArticle("a-1").with("keywords", List.of("<img src=x onerror=alert(1)>")).json(),
                PROVIDER).errors()).containsExactly(new FieldError("keywords[0]",
                "has no letter or digit once markup, entities and invisible characters are removed"));
        assertThat(parser.parse(anArticle("a-1").with("keywords", List.of("Tram", "tram", "TRAM", "bus")).json(),
                PROVIDER).article().getKeywords()).containsExactly("Tram", "bus");
    }

    @Test
    void shouldTakeTheSendersLeadImageAndNameWhatIsWrongInsideIt() {
        RawArticle article = parser.parse(anArticle("a-1").with("image", java.util.Map.of("url", "https://cdn.example/a.jpg",
                "alt", "A tram", "caption", " ", "width", 800)).json(), PROVIDER).article();
        ParsedArticle bad = parser.parse(anArticle("a-1").with("image", java.util.Map.of("url", "javascript:alert(1)",
                "caption", "c".repeat(1_001))).json(), PROVIDER);

        assertThat(article.getImage().getUrl()).isEqualTo("https://cdn.example/a.jpg");
        assertThat(article.getImage().getAlt()).isEqualTo("A tram");
        assertThat(article.getImage().getCaption()).isNull();
        assertThat(parser.parse(anArticle("a-1").with("image", java.util.Map.of("url", "https://cdn.example/a.jpg", "width", 800))
                .json(), PROVIDER).ignoredFields()).containsExactly("image.width");
        assertThat(bad.errors()).containsExactlyInAnyOrder(new FieldError("image.url", ArticleParser.URL_RULE),
                new FieldError("image.caption", "must be at most 1000 characters (got 1001)"));
        assertThat(parser.parse(anArticle("a-1").with("image", "https://cdn.example/a.jpg").json(), PROVIDER).errors())
                .containsExactly(new FieldError("image", "must be an object: {\"url\", \"alt\", \"caption\"}"));
        assertThat(parser.parse(anArticle("a-1").with("image", java.util.Map.of("alt", "x")).json(), PROVIDER).errors())
                .containsExactly(new FieldError("image.url", "is required"));
    }

    @Test
    void shouldTakeANinjsFeaturePictureAsTheLeadImageAndIgnoreWhatItCannotUse() {
        var picture = java.util.Map.of("type", "picture", "uri", "urn:pic:1", "description_text", "A tram. Photo: Jo",
                "body_text", "Tram at dusk", "renditions", java.util.Map.of(
                        "thumbnail", java.util.Map.of("href", "https://cdn.example/t.jpg", "width", 120),
                        "baseImage", java.util.Map.of("href", "https://cdn.example/b.jpg", "width", 1600),
                        "original", java.util.Map.of("href", "https://cdn.example/o.jpg?token=secret", "width", 4000)));
        RawArticle article = parser.parse(anArticle("a-1").with("associations", java.util.Map.of("featureimage", picture))
                .json(), PROVIDER).article();
        ParsedArticle video = parser.parse(anArticle("a-1").with("associations", java.util.Map.of("clip",
                java.util.Map.of("type", "video", "uri", "https://cdn.example/v.mp4"))).json(), PROVIDER);
        ParsedArticle both = parser.parse(anArticle("a-1").with("image", java.util.Map.of("url", "https://cdn.example/own.jpg"))
                .with("associations", java.util.Map.of("featureimage", picture)).json(), PROVIDER);

        assertThat(article.getImage().getUrl()).isEqualTo("https://cdn.example/b.jpg");
        assertThat(article.getImage().getCaption()).isEqualTo("A tram. Photo: Jo");
        assertThat(article.getImage().getAlt()).isEqualTo("Tram at dusk");
        assertThat(video.errors()).isEmpty();
        assertThat(video.article().getImage()).isNull();
        assertThat(video.ignoredFields()).containsExactly("associations");
        assertThat(both.article().getImage().getUrl()).isEqualTo("https://cdn.example/own.jpg");
        assertThat(both.ignoredFields()).containsExactly("associations");
    }

    @Test
    void shouldRejectAUrlThatIsNotHttp() {
        ParsedArticle parsed = parser.parse(anArticle("a-1").with("url", "javascript:alert(1)").json(), PROVIDER);

        assertThat(parsed.errors()).containsExactly(new FieldError("url", ArticleParser.URL_RULE));
        assertThat(parser.parse(anArticle("a-1").with("url", "http://intranet.local/drafts/a?token=abc").json(), PROVIDER)
                .errors()).extracting(FieldError::field).containsExactly("url");
    }

    @Test
    void shouldRejectWhatIsNotUnicodeALanguageThatDoesNotExistAndACreationTimeInTheFuture() {
        assertThat(parser.parse(anArticle("a-1").with("byline", "Jane \ud800Doe").json(), PROVIDER).errors())
                .extracting(FieldError::field, FieldError::message).singleElement().satisfies(e -> assertThat(e.toList())
                        .containsExactly("byline", "holds half of a surrogate pair (a \\uD800-\\uDFFF escape without its"
                                + " other half): not Unicode text, and it would be stored as '?'"));
        assertThat(parser.parse(anArticle("a-1").with("byline", "Jane \ud83d\ude00 Doe").json(), PROVIDER).errors()).isEmpty();
        assertThat(parser.parse(anArticle("a-1").with("keywords", List.of("ok", "\udc00")).json(), PROVIDER).errors())
                .extracting(FieldError::field).containsExactly("keywords[1]");

        for (String bad : List.of("xx", "qq-BR")) {
            assertThat(parser.parse(anArticle("a-1").with("language", bad).json(), PROVIDER).errors()).as(bad)
                    .extracting(FieldError::field).containsExactly("language");
        }
        for (String good : List.of("pt-BR", "en-UK", "sq-XK")) { // regions as newsrooms write them, not only ISO 3166
            assertThat(parser.parse(anArticle("a-1").with("language", good).json(), PROVIDER).errors()).as(good).isEmpty();
        }
        // BCP 47 as CMSs send it: any case, "_", a script, a numeric region, three letters; stored in the shared form
        Map<String, String> stored = new java.util.LinkedHashMap<>();
        for (String sent : List.of("EN", "en_US", "EN-gb", "es-419", "zh-Hant", "zh-Hant-TW", "sr-Latn-RS", "eng",
                "deu-CH", "de-CH-1996", "en-US-x-twain")) {
            ParsedArticle parsed = parser.parse(anArticle("a-1").with("language", sent).json(), PROVIDER);
            assertThat(parsed.errors()).as(sent).isEmpty();
            stored.put(sent, parsed.article().getLanguage());
            assertThat(parsed.article().getLanguage()).matches(dev.newsflow.schemas.LanguageCodes.FORM);
        }
        assertThat(stored).containsExactly(Map.entry("EN", "en"), Map.entry("en_US", "en-us"), Map.entry("EN-gb", "en-gb"),
                Map.entry("es-419", "es"), Map.entry("zh-Hant", "zh"), Map.entry("zh-Hant-TW", "zh-tw"),
                Map.entry("sr-Latn-RS", "sr-rs"), Map.entry("eng", "en"), Map.entry("deu-CH", "de-ch"),
                Map.entry("de-CH-1996", "de-ch"), Map.entry("en-US-x-twain", "en-us"));
        assertThat(ArticleParser.languageCode("yid")).isEqualTo("yi");
        assertThat(ArticleParser.languageCode("heb")).isEqualTo("he");
        assertThat(ArticleParser.languageCode("ind")).isEqualTo("id");
        for (String bad : List.of("english", "zzz", "en-", "e", "en--US", "en-US-toolongvariant")) {
            assertThat(parser.parse(anArticle("a-1").with("language", bad).json(), PROVIDER).errors()).as(bad)
                    .extracting(FieldError::field).containsExactly("language");
        }

        ParsedArticle future = parser.parse(anArticle("a-1").with("firstCreated", "2199-12-31T00:00:00Z")
                .with("versionCreated", "2199-12-31T00:00:00Z").json(), PROVIDER);
        assertThat(future.errors()).extracting(FieldError::field).containsExactly("firstCreated", "versionCreated");
        assertThat(parser.parse(anArticle("a-1").with("firstCreated", "1999-12-31T00:00:00Z").json(), PROVIDER).errors())
                .isEmpty();
        // dated by its scheduled release, under an embargo
        assertThat(parser.parse(anArticle("a-1").with("firstCreated", "2030-01-02T09:00:00Z")
                .with("embargoedUntil", "2030-01-02T09:00:00Z").json(), PROVIDER).errors()).isEmpty();
        // a kill is never refused for its optional fields: a ninjs feed sends the whole item with it
        assertThat(parser.parse(anArticle("a-1").with("pubStatus", "canceled").with("language", "xx")
                .with("url", "not a url").with("firstCreated", "2199-12-31T00:00:00Z").json(), PROVIDER).errors()).isEmpty();
        // and a language it cannot read is left out, never stored in a form enrich would dead-letter the kill for
        for (String status : List.of("canceled", "withheld")) {
            ParsedArticle kill = parser.parse(anArticle("a-1").with("pubStatus", status).with("language", "english").json(),
                    PROVIDER);
            assertThat(kill.article().getLanguage()).isNull();
            assertThat(kill.ignoredFields()).contains("language");
            assertThat(parser.parse(anArticle("a-1").with("pubStatus", status).with("language", "en_US").json(), PROVIDER)
                    .article().getLanguage()).isEqualTo("en-us");
        }
    }

    @Test
    void shouldNeverRefuseAKillOrWithholdForItsOptionalFieldsButListThemAsIgnored() {
        for (String status : List.of("canceled", "withheld")) {
            ParsedArticle kill = parser.parse(anArticle("a-1").with("pubStatus", status).with("urgency", 42)
                    .with("byline", 5).with("keywords", "a,b").with("description", "d".repeat(1_100))
                    .with("bodyType", "markdown").with("versionCreated", "2026-11-28T09:00:00")
                    .with("url", "javascript:alert(1)").with("image", java.util.Map.of("url", "data:x")).json(), PROVIDER);

            assertThat(kill.errors()).as(status).isEmpty();
            assertThat(kill.ignoredFields()).contains("urgency", "byline", "keywords", "description", "bodyType",
                    "versionCreated", "url", "image.url");
            assertThat(kill.article().getUrl()).isNull();
            assertThat(kill.article().getUrgency()).isNull();
        }
        // what a takedown takes down is still checked
        assertThat(parser.parse(anArticle("a-1").with("pubStatus", "canceled").with("version", -1).json(), PROVIDER)
                .errors()).extracting(FieldError::field).containsExactly("version");
    }

    @Test
    void shouldRejectABodyWithNoTextOnceMarkupIsRemoved() {
        for (String empty : List.of("<script>x</script>", "<img src=x>", "<p>&nbsp;</p>")) {
            assertThat(parser.parse(anArticle("a-1").with("body", empty).with("bodyType", "html").json(), PROVIDER)
                    .errors()).as(empty).extracting(FieldError::field).containsExactly("body");
        }
    }

    @Test
    void shouldNotNameJacksonsOwnSettingsInAnError() {
        String deep = "[".repeat(40) + "]".repeat(40);
        assertThat(parser.parse("{\"uri\":" + deep + "}", PROVIDER).errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).startsWith("not valid JSON").doesNotContain("StreamReadConstraints", "`"));
    }

    @Test
    void shouldRejectAHeadlineThatIsOnlyMarkupEntitiesOrInvisibleCharacters() {
        for (String empty : List.of("<script>x</script>", "&nbsp;", "\u200b\u200b", "<b></b>&#8203;")) {
            assertThat(parser.parse(anArticle("a-1").with("headline", empty).json(), PROVIDER).errors()).as(empty)
                    .containsExactly(new FieldError("headline",
                            "has no letter or digit once markup, entities and invisible characters are removed"));
        }
        assertThat(parser.parse(anArticle("a-1").with("headline", "<b>Storm</b> &amp; flood").json(), PROVIDER).errors())
                .isEmpty();
    }

    @Test
    void shouldRejectAUrlThatWouldBreakOutOfAnAttributeOrHasNoHost() {
        for (String bad : List.of("https://x.example/a\" onmouseover=\"alert(1)", "https://x.example/a'onmouseover='x",
                "https://x.example/a b", "http:///path", "https://", "https://x.example/<script>")) {
            assertThat(parser.parse(anArticle("a-1").with("url", bad).json(), PROVIDER).errors())
                    .as(bad).extracting(FieldError::field).containsExactly("url");
        }
        for (String good : List.of("HTTPS://wire.example/2026/11/a-1?ref=feed#top", "http://bücher.de/", "https://my_host.example/a")) {
            assertThat(parser.parse(anArticle("a-1").with("url", good).json(), PROVIDER).errors()).as(good).isEmpty();
        }
    }

    @Test
    void shouldQuoteHalfASurrogatePairInAJsonErrorAsAReplacementCharacter() {
        // Jackson quotes the key it read; no UTF-8 answer or import report can hold half a pair
        ParsedArticle parsed = parser.parse("{\"uri\":\"a-2\",\"version\":1,\"headline\":\"T\",\"body\":\"B\","
                + "\"\\uD800\":1,\"\\uD800\":2}", PROVIDER);

        assertThat(parsed.errors()).singleElement().satisfies(e -> {
            assertThat(e.message()).contains("\uFFFD");
            assertThat(ArticleParser.hasUnpairedSurrogate(e.message())).isFalse();
        });
    }

    @Test
    void shouldIgnoreANinjsPictureWhoseAddressHoldsHalfASurrogatePair() {
        // Avro would store it as '?': another address than the one sent
        ParsedArticle parsed = parser.parse(anArticle("a-1").with("associations", Map.of("featureimage", Map.of(
                "type", "picture", "renditions", Map.of("r", Map.of("href", "https://img.example.com/a\uD800b.jpg",
                        "width", 100))))).json(), PROVIDER);

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.article().getImage()).isNull();
        assertThat(parsed.ignoredFields()).contains("associations");
    }

    @Test
    void shouldRejectALanguageThatIsNotAnIsoCode() {
        ParsedArticle parsed = parser.parse(anArticle("a-1").with("language", "english").json(), PROVIDER);

        assertThat(parsed.errors()).extracting(FieldError::field).containsExactly("language");
    }

    @Test
    void shouldRejectAHeadlineLongerThanTheLimit() {
        ParsedArticle parsed = parser.parse(anArticle("a-1").with("headline", "h".repeat(41)).json(), PROVIDER);

        assertThat(parsed.errors()).containsExactly(new FieldError("headline", "must be at most 40 characters (got 41)"));
    }

    @Test
    void shouldRejectABodyLongerThanTheLimit() {
        ParsedArticle parsed = parser.parse(anArticle("a-1").with("body", "b".repeat(201)).json(), PROVIDER);

        assertThat(parsed.errors()).containsExactly(new FieldError("body", "must be at most 200 characters (got 201)"));
    }

    @Test
    void shouldNameTheBodyWhenItIsFarLongerThanTheLimit() {
        ParsedArticle parsed = parser.parse(anArticle("a-1").with("body", "b".repeat(5_000)).json(), PROVIDER);

        assertThat(parsed.errors()).containsExactly(new FieldError("body", "must be at most 200 characters (got 5000)"));
    }

    @Test
    void shouldRejectABlankHeadlineAndBody() {
        ParsedArticle parsed = parser.parse(anArticle("a-1").with("headline", "  ").with("body", "\n").json(), PROVIDER);

        assertThat(parsed.errors()).containsExactlyInAnyOrder(
                new FieldError("headline", "must not be blank"), new FieldError("body", "must not be blank"));
    }

    @Test
    void shouldReportUnknownFieldsWithoutRefusingTheArticle() {
        ParsedArticle parsed = parser.parse(anArticle("a-1").with("priority", 1).with("slugline", "x").json(), PROVIDER);

        assertThat(parsed.valid()).isTrue();
        assertThat(parsed.ignoredFields()).containsExactly("priority", "slugline");
    }

    @Test
    void shouldAcceptAKillLineWithoutHeadlineOrBody() {
        ParsedArticle parsed = parser.parse(aKill("a-1").json(), PROVIDER);

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.article().getPubStatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(parsed.article().getHeadline()).isEmpty();
        assertThat(parsed.article().getBody()).isEmpty();
    }

    @Test
    void shouldAcceptAWithholdWithoutHeadlineOrBody() {
        ParsedArticle parsed = parser.parse(ArticleJson.empty().with("uri", "a-1").with("version", 2)
                .with("pubStatus", "withheld").json(), PROVIDER);

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.article().getPubStatus()).isEqualTo(PubStatus.WITHHELD);
    }

    @Test
    void shouldRejectAnUnknownPubStatus() {
        ParsedArticle parsed = parser.parse(anArticle("a-1").with("pubStatus", "deleted").json(), PROVIDER);

        assertThat(parsed.errors()).extracting(FieldError::field).containsExactly("pubStatus");
    }

    @Test
    void shouldMakeAKillForAnIdAndVersion() {
        ParsedArticle parsed = parser.kill("a-1", "3", PROVIDER);

        assertThat(parsed.errors()).isEmpty();
        RawArticle kill = parsed.article();
        assertThat(kill.getUri()).isEqualTo("a-1");
        assertThat(kill.getVersion()).isEqualTo(3L);
        assertThat(kill.getPubStatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(kill.getProvider()).isEqualTo(PROVIDER);
        assertThat(kill.getReceivedAt()).isEqualTo(NOW);
    }

    @Test
    void shouldRefuseAKillWithABadVersion() {
        assertThat(parser.kill("a-1", "three", PROVIDER).errors())
                .containsExactly(new FieldError("version", "must be an integer"));
        assertThat(parser.kill("a-1", "-1", PROVIDER).errors()).extracting(FieldError::field).containsExactly("version");
    }

    @Test
    void shouldRefuseAKillWithABadId() {
        assertThat(parser.kill("a 1", "1", PROVIDER).errors()).extracting(FieldError::field).containsExactly("id");
        assertThat(parser.kill("a".repeat(65), "1", PROVIDER).errors()).extracting(FieldError::field).containsExactly("id");
    }

    @Test
    void shouldReadANinjsItemWithItsOwnSpellingsSoItsEmbargoAndStatusHold() {
        ParsedArticle parsed = parser.parse(ArticleJson.empty()
                .with("uri", "urn:ninjs:1").with("version", "4").with("headline", "Budget embargoed until noon")
                .with("body_text", "The plain rendering.").with("body_html", "<p>The HTML rendering.</p>")
                .with("pubstatus", "withheld").with("embargoed", "2026-11-28T12:00:00Z")
                .with("versioncreated", "2026-11-28T09:00:00Z").with("firstcreated", "2026-11-27T18:00:00Z")
                .with("description_text", "The editor's teaser.")
                .json(), PROVIDER);

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.ignoredFields()).isEmpty();
        RawArticle article = parsed.article();
        assertThat(article.getVersion()).isEqualTo(4L);
        assertThat(article.getPubStatus()).isEqualTo(PubStatus.WITHHELD);
        assertThat(article.getEmbargoedUntil()).isEqualTo(Instant.parse("2026-11-28T12:00:00Z"));
        assertThat(article.getVersionCreated()).isEqualTo(Instant.parse("2026-11-28T09:00:00Z"));
        assertThat(article.getFirstCreated()).isEqualTo(Instant.parse("2026-11-27T18:00:00Z"));
        assertThat(article.getBody()).isEqualTo("<p>The HTML rendering.</p>"); // HTML taken over plain text
        assertThat(article.getContentType()).isEqualTo(ContentType.HTML);
        assertThat(article.getDescription()).isEqualTo("The editor's teaser.");
    }

    @Test
    void shouldTakeANinjsPlainBodyAsPlainTextEvenWhenItLooksLikeHtml() {
        ParsedArticle parsed = parser.parse(ArticleJson.empty().with("uri", "a-1").with("version", 1)
                .with("headline", "Tags in text").with("body_text", "Write <p> to start a paragraph.").json(), PROVIDER);

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.article().getContentType()).isEqualTo(ContentType.PLAIN);
    }

    @Test
    void shouldKillAnArticleSentWithNinjsPubstatus() {
        ParsedArticle parsed = parser.parse(ArticleJson.empty().with("uri", "a-1").with("version", 2)
                .with("pubstatus", "canceled").json(), PROVIDER);

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.article().getPubStatus()).isEqualTo(PubStatus.CANCELED);
    }

    @Test
    void shouldRefuseTwoSpellingsOfOneFieldWithDifferentValuesAndTakeEqualOnes() {
        ParsedArticle differing = parser.parse(anArticle("a-1").with("pubstatus", "canceled").with("pubStatus", "usable")
                .with("id", "a-2").json(), PROVIDER);
        ParsedArticle equal = parser.parse(anArticle("a-1").with("id", "a-1").with("embargoed", "2026-11-28T12:00:00Z")
                .with("embargoedUntil", "2026-11-28T12:00:00Z").json(), PROVIDER);
        ParsedArticle twoBodies = parser.parse(anArticle("a-1").with("body_html", "<p>Other</p>").json(), PROVIDER);

        assertThat(differing.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("uri", "pubStatus");
        assertThat(differing.errors()).extracting(FieldError::message)
                .allMatch(message -> message.contains("with another value"));
        assertThat(equal.errors()).isEmpty();
        assertThat(equal.article().getEmbargoedUntil()).isEqualTo(Instant.parse("2026-11-28T12:00:00Z"));
        assertThat(twoBodies.errors()).extracting(FieldError::field).containsExactly("body");
    }

    @Test
    void shouldTakeAVersionSentAsDigitsButNotAsOtherText() {
        assertThat(parser.parse(anArticle("a-1").with("version", "12").json(), PROVIDER).article().getVersion())
                .isEqualTo(12L);
        assertThat(parser.parse(anArticle("a-1").with("version", "v2").json(), PROVIDER).errors())
                .containsExactly(new FieldError("version", "must be an integer"));
        assertThat(parser.parse(anArticle("a-1").with("version", "0").json(), PROVIDER).errors())
                .extracting(FieldError::field).containsExactly("version");
    }

    @Test
    void shouldRefuseAnIdThatAUrlPathWouldChangeSoEveryPublishedIdCanBeKilled() {
        for (String id : List.of("news/2026/story/", "news//story", "news/./story", "news/../story", "news/..")) {
            assertThat(parser.parse(anArticle(id).json(), PROVIDER).errors()).as(id)
                    .extracting(FieldError::field).containsExactly("uri");
        }
        for (String id : List.of("news/2026/story", "urn:cms:1.2", "a..b/c.d", "https:x/y")) {
            assertThat(parser.parse(anArticle(id).json(), PROVIDER).errors()).as(id).isEmpty();
        }
        // a kill may still name one (stored before the rule): in a body it needs no URL path
        assertThat(parser.parse(aKill("news/2026/story/").json(), PROVIDER).errors()).isEmpty();
    }

    @Test
    void shouldTakeARealNinjsPlainBodyOverAnEmptyHtmlOne() {
        ParsedArticle parsed = parser.parse(ArticleJson.empty().with("uri", "a-1").with("version", 1)
                .with("headline", "H").with("body_html", "  ").with("body_text", "The words.").json(), PROVIDER);

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.article().getBody()).isEqualTo("The words.");
        assertThat(parsed.article().getContentType()).isEqualTo(ContentType.PLAIN);
    }

    @Test
    void shouldSendAPageOverTheBodyLimitOnWithoutItsScriptsWhenTheArticleFits() {
        String script = "<script>var x = '" + "a".repeat(5_000) + "';</script>";
        String page = "<!DOCTYPE html><html><head><title>Cup final</title><style>p{color:red}</style></head><body>"
                + script + "<p>The striker scored twice.</p><!-- " + "c".repeat(500) + " --><svg><path d='M0'/></svg>"
                + "<iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\" srcdoc=\"" + "s".repeat(500) + "\" "
                + "style=\"border:0\"><p>" + "fallback ".repeat(100) + "</p></iframe>"
                + "<object data=\"movie.swf\"></object></body></html>";
        String stillTooLong = "<p>" + "word ".repeat(100) + "</p>" + script;

        ParsedArticle slimmed = parser.parse(anArticle("a-1").with("body", page).json(), PROVIDER);
        ParsedArticle plain = parser.parse(anArticle("a-2").with("body", "word ".repeat(100)).json(), PROVIDER);
        ParsedArticle html = parser.parse(anArticle("a-3").with("body", stillTooLong).json(), PROVIDER);

        assertThat(slimmed.errors()).isEmpty();
        assertThat(slimmed.article().getBody()).contains("<title>Cup final</title>", "<p>The striker scored twice.</p>")
                .doesNotContain("<script", "<style", "<svg", "<!--", "fallback", "<object", "srcdoc", "border:0")
                // a provider's player stays, emptied: enrich names it among the story's embeds
                .contains("<iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\"></iframe>");
        assertThat(slimmed.article().getContentType()).isEqualTo(ContentType.HTML);
        assertThat(plain.errors()).extracting(FieldError::field).containsExactly("body"); // plain text is not touched
        assertThat(html.errors()).singleElement().satisfies(e -> assertThat(e.message())
                .contains("without scripts, styles and plug-ins"));
    }

    @Test
    void shouldKeepASlimmedPageAPageWhateverComesBeforeItsDoctype() {
        String page = "<!-- " + "c".repeat(600) + " -->\n<!DOCTYPE html><html><head><title>Cup final</title></head><body>"
                + "<script>" + "x".repeat(5_000) + "</script><p>The striker scored twice.</p></body></html>";

        ParsedArticle slimmed = parser.parse(anArticle("a-1").with("body", page).json(), PROVIDER);

        assertThat(slimmed.errors()).isEmpty();
        assertThat(slimmed.article().getBody()).contains("<head>", "<title>Cup final</title>", "<body>");
    }

    @Test
    void shouldNotSpendAParseOnABodyOfNothingButTags() {
        String tags = "<b>".repeat(OversizedHtml.MAX_TAGS + 1);

        assertThat(OversizedHtml.slimmable(tags)).isFalse();
        assertThat(OversizedHtml.slimmable("<p>" + "x".repeat(1_000) + "</p>")).isTrue();
    }
}
