package dev.newsflow.publish;

import static dev.newsflow.publish.EnrichedArticles.anArticle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schemas.MediaTopic;
import dev.newsflow.schemas.avro.EnrichedArticle;
import dev.newsflow.schemas.avro.Post;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostBuilderTest {

    private final PostBuilder builder = new PostBuilder("https://news.example.com");
    private final Instant now = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void shouldEscapeMarkupThatArrivesAsText() {
        Post post = builder.upsert(anArticle("x1").text("<script>alert(1)</script> & <b>bold</b>").build(), null, now);

        assertThat(post.getBodyHtml()).doesNotContain("<script>", "<b>")
                .contains("&lt;script&gt;").startsWith("<p>").endsWith("</p>");
    }

    @Test
    void shouldCheckTheSendersUrlAndKeywordsAgainForRecordsEnrichedBeforeTheyWereChecked() {
        Post post = builder.upsert(anArticle("x3").sentFrom("https://x.example/a'onmouseover='alert(1)",
                "<img src=x onerror=alert(1)>", "floods", "<b>Wales</b>").build(), null, now);

        assertThat(post.getSourceUrl()).isNull();
        assertThat(post.getKeywords()).containsExactly("floods", "Wales");
        assertThat(builder.upsert(anArticle("x4").sentFrom("https://bücher.example/a_b?x=1#top").build(), null, now)
                .getSourceUrl()).isEqualTo("https://bücher.example/a_b?x=1#top");
    }

    @Test
    void shouldSayWhyAPostNeedsReview() {
        Post unsure = builder.upsert(anArticle("r1").forReview("low-confidence", "undetermined-language").build(), null, now);
        Post sure = builder.upsert(anArticle("r2").build(), null, now);

        assertThat(unsure.getReviewRequired()).isTrue();
        assertThat(unsure.getReviewReasons()).containsExactly("low-confidence", "undetermined-language");
        assertThat(sure.getReviewReasons()).isEmpty();
    }

    @Test
    void shouldLeaveControlCharactersOutOfTheBody() {
        Post post = builder.upsert(anArticle("x2").text("Null\u0000 and escape\u001b[31m red\u007f.\n\nTab\tkept.").build(), null, now);

        assertThat(post.getBodyHtml()).isEqualTo("<p>Null and escape[31m red.</p><p>Tab\tkept.</p>").doesNotContain("&#x");
    }

    @Test
    void shouldShowTheStructureEnrichKeptAndNothingElse() {
        Post post = builder.upsert(anArticle("s1").text("Lead.\n\nWhat next\n\nOne\n\nTwo").bodyHtml(
                "<p>Lead <a href=\"https://council.example/motion\">motion</a>.</p><h2>What next</h2>"
                        + "<ol><li>One</li><li><strong>Two</strong></li></ol><blockquote><p><em>Quoted</em></p></blockquote>").build(), null, now);

        assertThat(post.getBodyHtml()).isEqualTo("<p>Lead <a href=\"https://council.example/motion\" rel=\"nofollow\">motion</a>.</p>"
                + "<h2>What next</h2><ol><li>One</li><li><strong>Two</strong></li></ol><blockquote><p><em>Quoted</em></p></blockquote>");
    }

    @Test
    void shouldKeepAListNestedInAnItem() {
        String nested = "<ol><li><p>Step one</p><p>Explained.</p><ul><li>detail<ul><li>deeper</li></ul></li></ul>"
                + "<p>Still step one.</p></li><li>Step two</li></ol>";
        Post post = builder.upsert(anArticle("s3").text("Step one\n\nExplained.\n\ndetail\n\ndeeper\n\nStill step one."
                + "\n\nStep two").bodyHtml(nested).build(), null, now);

        assertThat(post.getBodyHtml()).isEqualTo(nested);
    }

    @Test
    void shouldKeepPreformattedTextWithItsLinesAndIndents() {
        String code = "<pre>  if (wind &gt; 100) {\n\t<strong>warn</strong>();\n  }</pre>";
        Post post = builder.upsert(anArticle("s5").text("if (wind > 100) { warn(); }").bodyHtml(code).build(), null, now);

        assertThat(post.getBodyHtml()).isEqualTo(code);
    }

    @Test
    void shouldPassOnlyEmbedsWithASafeHttpsAddressAndAProvidersNamePlacedWithinTheText() {
        EnrichedArticles article = anArticle("e1").text("One.\n\nTwo.")
                .embed("youtube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", 1)
                .embed("vimeo", "http://vimeo.com/42", 0) // not https
                .embed("x", "javascript:alert(1)", 0)
                .embed("<script>", "https://evil.example/a", 0)
                .embed("instagram", "https://user:pw@www.instagram.com/p/abc/", 0)
                .embed("youtube", "https://attacker.example/watch?v=dQw4w9WgXcQ", 0) // not the provider's
                .embed("youtube", "https://www.youtube.com.attacker.example/watch?v=x", 0)
                .embed("evil-provider", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", 0)
                // on the provider's host, but not in its forms: a redirect, a login
                .embed("youtube", "https://www.youtube.com/channel/../redirect?q=https%3A%2F%2Fevil.example", 0)
                .embed("facebook", "https://www.facebook.com/l.php?u=https%3A%2F%2Fevil.example", 0)
                .embed("x", "https://x.com/i/oauth2/authorize?client_id=1", 0)
                .embed("datawrapper", "https://datawrapper.dwcdn.net/Ab3dE/", 99) // past the last paragraph
                .embed("flourish", "https://public.flourish.studio/story/1/", -5);
        for (int i = 0; i < PostBuilder.MAX_EMBEDS; i++) {
            article.embed("vimeo", "https://vimeo.com/" + (1000 + i), 2);
        }

        Post post = builder.upsert(article.build(), null, now);

        assertThat(post.getEmbeds()).hasSize(PostBuilder.MAX_EMBEDS);
        assertThat(post.getEmbeds().subList(0, 3)).extracting(e -> e.getProvider() + " " + e.getUrl() + " " + e.getAfterParagraph())
                .containsExactly("youtube https://www.youtube.com/watch?v=dQw4w9WgXcQ 1",
                        "datawrapper https://datawrapper.dwcdn.net/Ab3dE/ 2", "flourish https://public.flourish.studio/story/1/ 0");
        assertThat(builder.upsert(anArticle("e2").build(), null, now).getEmbeds()).isEmpty();
        assertThat(builder.delete("e1", 2, post, now, dev.newsflow.schemas.avro.PostChange.KILLED).getEmbeds()).isEmpty();
    }

    @Test
    void shouldCleanABodyForgedOntoTheEnrichedTopic() {
        Post post = builder.upsert(anArticle("s2").bodyHtml("<p onclick=\"x()\">Hi<script>alert(1)</script>"
                + "<a href=\"javascript:alert(2)\">there</a><img src=x onerror=alert(3)>"
                + "<iframe src=\"https://evil.example\"></iframe>\u0007&#x1b;[31m<h1 style=\"x\">Big</h1></p>").build(), null, now);

        assertThat(post.getBodyHtml()).isEqualTo("<p>Hithere[31m</p>Big<p></p>")
                .doesNotContain("script", "javascript", "onerror", "iframe", "\u0007", "\u001b", "&#x");
    }

    @Test
    void shouldCarryTheLeadImageCheckedAgainAndNeverOnAKill() {
        Post post = builder.upsert(anArticle("i1").image("https://cdn.example/a.jpg", "A <b>tram</b>", "Photo: Jo").build(), null, now);
        Post forged = builder.upsert(anArticle("i2").image("javascript:alert(1)", null, null).build(), null, now);
        Post kill = builder.delete("i1", 2, post, now, dev.newsflow.schemas.avro.PostChange.KILLED);

        assertThat(post.getImage().getUrl()).isEqualTo("https://cdn.example/a.jpg");
        assertThat(post.getImage().getAlt()).isEqualTo("A tram");
        assertThat(post.getImage().getCaption()).isEqualTo("Photo: Jo");
        assertThat(forged.getImage()).isNull();
        assertThat(kill.getImage()).isNull();
        assertThat(builder.remembered(kill).getImage()).isNull();
    }

    @Test
    void shouldKeepOnlyTheDocumentedMarkupAndOnlyLinksASiteCanOpen() {
        Post post = builder.upsert(anArticle("s4").bodyHtml("<p><a href=\"mailto:x@y.example\">mail</a> "
                + "<a href=\"ftp://files.example/a\">ftp</a> <a href=\"http://169.254.169.254/latest\">meta</a> "
                + "<a href=\"https://u:p@cdn.example/\">cred</a> <a href=\"https://ok.example/a\">ok</a> <u>u</u> "
                + "<span>span</span> <code>code</code> <q cite=\"https://x.example\">q</q> x<sup>2</sup></p>"
                + "<ol start=\"4\"><li>Four</li></ol><ol start=\"x\"><li>One</li></ol><pre class=\"x\">pre\u202Egnp.exe</pre>"
                + "<ol reversed start=\"2\"><li>Two</li><li>One</li></ol><ol><li value=\"7\">Seven</li><li value=\"x\">Eight"
                + "</li></ol><ol type=\"a\"><li>a</li></ol><ol type=\"I\"><li>I</li></ol><ol type=\"disc\"><li>x</li></ol>"
                + "<blockquote cite=\"https://x.example\"><p>Quote</p></blockquote>").build(), null, now);

        assertThat(post.getBodyHtml()).isEqualTo("<p>mail ftp meta cred <a href=\"https://ok.example/a\" rel=\"nofollow\">ok</a>"
                + " u span code q x<sup>2</sup></p><ol start=\"4\"><li>Four</li></ol><ol><li>One</li></ol><pre>pregnp.exe</pre>"
                + "<ol reversed start=\"2\"><li>Two</li><li>One</li></ol><ol><li value=\"7\">Seven</li><li>Eight</li></ol>"
                + "<ol type=\"a\"><li>a</li></ol><ol type=\"I\"><li>I</li></ol><ol><li>x</li></ol>"
                + "<blockquote><p>Quote</p></blockquote>");
    }

    @Test
    void shouldMakeTheFieldsSitesShowAsTheyArePlainTextWhateverEnrichWrote() {
        // a record from an older enrich, a held embargo or a forged write: sites put these fields in a page unescaped
        EnrichedArticle forged = anArticle("x1").headline("<img src=x onerror=alert(1)>Score &amp; more")
                .byline("<script>alert(2)</script>By Ann").build();
        forged.setTeaser("<svg onload=alert(3)>Teaser");
        forged.setSource("<b>cms</b>");

        Post post = builder.upsert(forged, null, now);

        assertThat(post.getHeadline()).isEqualTo("Score & more");
        assertThat(post.getTeaser()).isEqualTo("Teaser");
        assertThat(post.getByline()).doesNotContain("<").contains("By Ann");
        assertThat(post.getSource()).isEqualTo("cms");
        assertThat(post.getSlug()).isEqualTo(builder.upsert(anArticle("x1").headline("Score & more").build(), null, now)
                .getSlug());
        // what enrich wrote is kept exactly: its "&lt;br&gt;" is words about markup, not markup to decode again
        EnrichedArticle clean = anArticle("x2").headline("Why &lt;br&gt; breaks layouts").build();
        clean.setTeaser("Use &lt;p&gt; instead.");
        Post kept = builder.upsert(clean, null, now);
        assertThat(kept.getHeadline()).isEqualTo("Why &lt;br&gt; breaks layouts");
        assertThat(kept.getTeaser()).isEqualTo("Use &lt;p&gt; instead.");
    }

    @Test
    void shouldKeepDataTablesWithSmallSpansAndNothingElseOfTheirMarkup() {
        Post post = builder.upsert(anArticle("s7").bodyHtml("<table border=\"1\" style=\"width:9999px\"><caption>Cap"
                + "</caption><thead><tr><th scope=\"col\" onclick=\"x()\">Club</th><th colspan=\"2\">Points</th></tr>"
                + "</thead><tbody><tr><td rowspan=\"65534\">Harbour City</td><td colspan=\"1000\">28</td>"
                + "<td colspan=\"x\" rowspan=\"3\">+9</td></tr></tbody><tfoot><tr><td>All</td></tr></tfoot></table>")
                .build(), null, now);

        assertThat(post.getBodyHtml()).isEqualTo("<p>Cap</p><table><thead><tr><th>Club</th><th colspan=\"2\">Points</th>"
                + "</tr></thead><tbody><tr><td>Harbour City</td><td>28</td><td rowspan=\"3\">+9</td></tr></tbody>"
                + "<tr><td>All</td></tr></table>");
        // upper case is HTML too
        assertThat(builder.upsert(anArticle("s8").bodyHtml("<TABLE><TR><TD COLSPAN=\"1000\" ROWSPAN=\"65534\">x</TD>"
                + "<TD>y</TD></TR></TABLE>").build(), null, now).getBodyHtml())
                .isEqualTo("<table><tbody><tr><td>x</td><td>y</td></tr></tbody></table>");
    }

    @Test
    void shouldBoundALeadImagesTextsFromAForgedRecord() {
        Post post = builder.upsert(anArticle("s5").image("https://cdn.example/a.jpg", "a".repeat(100_000), "Photo").build(), null, now);
        Post longUrl = builder.upsert(anArticle("s6").image("https://cdn.example/" + "a".repeat(3_000), null, null).build(), null, now);

        assertThat(post.getImage().getAlt()).hasSize(1_000).endsWith("…");
        assertThat(longUrl.getImage()).isNull();
    }

    @Test
    void shouldBuildParagraphsFromTheTextOfARecordFromAnOlderEnrich() {
        Post post = builder.upsert(anArticle("s3").text("One & <b>two</b>.\n\nThree.").bodyHtml(null).build(), null, now);

        assertThat(post.getBodyHtml()).isEqualTo("<p>One &amp; &lt;b&gt;two&lt;/b&gt;.</p><p>Three.</p>");
    }

    @Test
    void shouldMakeAnAsciiSlugCutAtAWordAndUniquePerArticle() {
        String a = Slugs.of("Zürich: Ærø's café reopens — “finally”, after 3½ years of a very long renovation project indeed", "id-1");
        String b = Slugs.of("Zürich: Ærø's café reopens — “finally”, after 3½ years of a very long renovation project indeed", "id-2");

        assertThat(a).matches("[a-z0-9-]+").startsWith("zurich-aero-s-cafe-reopens-finally-after-3").doesNotContain("--");
        assertThat(a.length()).isLessThanOrEqualTo(80);
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void shouldTransliterateCyrillicAndGreekSlugsAndHashOtherScripts() {
        assertThat(Slugs.of("Щедрий вечір у Києві", "id-1")).startsWith("shchedriy-vechir-u-kiyevi-");
        assertThat(Slugs.of("Путин встретился с Макроном", "id-1")).startsWith("putin-vstretilsya-s-makronom-");
        assertThat(Slugs.of("Σεισμός στην Αθήνα", "id-1")).startsWith("seismos-stin-athina-");
        assertThat(Slugs.of("习近平会见法国总统", "id-1")).matches("[0-9a-f]{6}");
    }

    @Test
    void shouldKeepTheFirstPublicationTimeThroughUpdatesAKillAndARepublication() {
        Instant later = now.plusSeconds(3600);
        Instant muchLater = now.plusSeconds(7200);
        Post first = builder.upsert(anArticle("f1").sentFrom("https://wire.example/f1", "floods", "Wales").build(), null, now);
        Post update = builder.upsert(anArticle("f1").version(2).build(), first, later);
        Post kill = builder.delete("f1", 3, update, later, dev.newsflow.schemas.avro.PostChange.KILLED);
        Post back = builder.upsert(anArticle("f1").version(4).build(), builder.remembered(kill), muchLater);

        assertThat(first.getFirstPublishedAt()).isEqualTo(now);
        assertThat(first.getSourceUrl()).isEqualTo("https://wire.example/f1");
        assertThat(first.getKeywords()).containsExactly("floods", "Wales");
        assertThat(update.getPublishedAt()).isEqualTo(later);
        assertThat(List.of(update, kill, back)).extracting(Post::getFirstPublishedAt).containsOnly(now);
        assertThat(back.getChange()).isEqualTo(dev.newsflow.schemas.avro.PostChange.REPUBLISHED);

        // killed before it was ever published: the later publication is the first
        Post early = builder.delete("f2", 1, null, now, dev.newsflow.schemas.avro.PostChange.KILLED);
        Post published = builder.upsert(anArticle("f2").version(2).build(), builder.remembered(early), later);
        assertThat(early.getFirstPublishedAt()).isNull();
        assertThat(published.getFirstPublishedAt()).isEqualTo(later);
    }

    @Test
    void shouldKeepTheSlugOfThePreviousPost() {
        Post first = builder.upsert(anArticle("s1").headline("Old headline").inCategory(MediaTopic.SPORT, 1).build(), null, now);
        Post second = builder.upsert(anArticle("s1").headline("New headline").version(2).build(), first, now);

        assertThat(second.getSlug()).isEqualTo(first.getSlug());
        assertThat(second.getUrl()).isEqualTo(first.getUrl());
    }

    @Test
    void shouldDateTheUrlByTheArticleNotByTheClockSoARebuiltPostKeepsIt() {
        Post published = builder.upsert(anArticle("s3").receivedAt(Instant.parse("2026-11-20T23:30:00Z")).build(),
                null, now);
        Post rebuilt = builder.upsert(anArticle("s3").receivedAt(Instant.parse("2026-11-20T23:30:00Z")).build(),
                null, now.plusSeconds(86_400 * 9)); // the publish state was reset nine days later

        assertThat(published.getUrl()).contains("/2026/11/20/");
        assertThat(rebuilt.getUrl()).isEqualTo(published.getUrl());
    }

    @Test
    void shouldMakeADeleteEventWithoutABody() {
        Post first = builder.upsert(anArticle("s2").build(), null, now);
        Post delete = builder.delete("s2", 0, first, now, dev.newsflow.schemas.avro.PostChange.KILLED);

        assertThat(delete.getBodyHtml()).isNull();
        assertThat(delete.getVersion()).isEqualTo(first.getVersion());
        assertThat(delete.getHeadline()).isEqualTo(first.getHeadline());
    }
}
