package dev.newsflow.enrich.text.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.enrich.text.LeadImage;
import org.junit.jupiter.api.Test;

/** The lead image: what the publisher names first, else the story's first real picture; never an unsafe address. */
class LeadImageTest {

    private static final String STORY = "The city council voted on Tuesday to expand the tram network to the northern "
            + "suburbs, a project that has been debated for more than a decade and will cost an estimated 1.2 billion.";

    private final MainTextExtractor extractor = new MainTextExtractor();

    private static String page(String head, String article) {
        return "<!DOCTYPE html><html><head><title>Trams</title>" + head + "</head><body><main><article>" + article
                + "<p>" + STORY + "</p><p>" + STORY + "</p></article></main></body></html>";
    }

    @Test
    void shouldTakeThePagesJsonLdImageWithItsCaptionBeforeOpenGraph() {
        String head = "<meta property=\"og:image\" content=\"https://herald.example/og.jpg\">"
                + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Trams\",\"image\":"
                + "[{\"@type\":\"ImageObject\",\"url\":\"https://herald.example/lead.jpg\",\"caption\":\"The new <b>tram</b>\"},"
                + "\"https://herald.example/second.jpg\"]}</script>";

        assertThat(extractor.extract(page(head, ""), true).image())
                .isEqualTo(new LeadImage("https://herald.example/lead.jpg", null, "The new tram"));
    }

    @Test
    void shouldNotTakeASitesDefaultShareCardForTheStorysImage() {
        String head = "<meta property=\"og:image\" content=\"https://assets.example/images/og/fb_landscape_share.png\">";

        assertThat(extractor.extract(page(head, ""), true).image()).isNull();
    }

    @Test
    void shouldNotTakeTheImageTheSiteShowsAsItsLogoOrIconForTheStorysImage() {
        String story = "<figure><img src=\"https://herald.example/uploads/tram-line.jpg\" width=\"800\"></figure>";
        String logoInHeader = "<meta property=\"og:image\" content=\"https://herald.example/brand/herald-card.png\">";
        String header = "<header><a href=\"/\" class=\"site-logo\"><img src=\"/brand/herald-card.png\"></a></header>";
        String touchIcon = "<link rel=\"apple-touch-icon\" href=\"https://herald.example/brand/h.png?v=3\">"
                + "<meta property=\"og:image\" content=\"http://herald.example/brand/h.png?v=4\">";
        String publisherLogo = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Trams\","
                + "\"image\":\"https://herald.example/brand/square.png\",\"publisher\":{\"@type\":\"Organization\","
                + "\"name\":\"Herald\",\"logo\":{\"@type\":\"ImageObject\",\"url\":\"https://herald.example/brand/square.png\"}}}"
                + "</script>";

        String page = "<!DOCTYPE html><html><head><title>Trams</title><base href=\"https://herald.example/news/\">"
                + logoInHeader + "</head><body>" + header + "<main><article>" + story + "<p>" + STORY + "</p><p>" + STORY
                + "</p></article></main></body></html>";
        assertThat(extractor.extract(page, true).image().url()).isEqualTo("https://herald.example/uploads/tram-line.jpg");
        assertThat(extractor.extract(page(touchIcon, ""), true).image()).isNull();
        assertThat(extractor.extract(page(publisherLogo, story), true).image().url())
                .isEqualTo("https://herald.example/uploads/tram-line.jpg");
        // the site's logo named as the story's image does not hide a real one named after it
        String ogImage = "<meta property=\"og:image\" content=\"https://herald.example/img/tram.jpg\">";
        assertThat(extractor.extract(page(publisherLogo + ogImage, ""), true).image().url())
                .isEqualTo("https://herald.example/img/tram.jpg");
    }

    @Test
    void shouldNotTakeAPageMarkedLogoAsAWholeForTheSitesLogo() {
        String page = "<!DOCTYPE html><html><head><title>Trams</title><meta property=\"og:image\" "
                + "content=\"https://herald.example/uploads/featured.jpg\"></head><body class=\"single wp-custom-logo\">"
                + "<header class=\"header-logo-left\"><a href=\"/\"><img src=\"https://herald.example/logo.svg\"></a><nav>"
                + "<a href=\"/a\">A</a><a href=\"/b\">B</a><a href=\"/c\">C</a><a href=\"/d\">D</a></nav></header><main>"
                + "<article><div class=\"post-thumbnail\"><img src=\"https://herald.example/uploads/featured.jpg\"></div><p>"
                + STORY + "</p><p>" + STORY + "</p></article></main></body></html>";

        // the publisher's own choice stands, not only the story's first picture found after it
        assertThat(PageMetadata.read(org.jsoup.Jsoup.parse(page), null).image().url())
                .isEqualTo("https://herald.example/uploads/featured.jpg");
        assertThat(PageMetadata.namesLogo("site-logo")).isTrue();
        assertThat(PageMetadata.namesLogo("nav logo_main")).isTrue();
        assertThat(PageMetadata.namesLogo("catalogo logos")).isFalse();
    }

    @Test
    void shouldReadAnImageWithAnAttackersLongFileNameWithoutFailing() {
        String name = "default" + "-1".repeat(1_500) + ".jpgx";
        String head = "<meta property=\"og:image\" content=\"https://herald.example/img/" + name + "\">";

        assertThat(LeadImageFinder.isSiteGraphic("https://herald.example/img/" + name)).isFalse();
        assertThat(extractor.extract("<img src=\"https://herald.example/img/" + name + "\"><p>" + STORY + "</p>", true)
                .image()).isNull(); // over 2,048 characters: not an address to send on
        assertThat(extractor.extract(page(head, ""), true).image()).isNull();
    }

    @Test
    void shouldLookForTheSitesLogoInBoundedTimeOnAPageOfDeeplyNestedImages() {
        String page = "<!DOCTYPE html><html><head><title>Trams</title><meta property=\"og:image\" "
                + "content=\"https://herald.example/t.jpg\"></head><body>" + "<div class=\"x-logo\"><img src=\"a.jpg\">".repeat(40_000)
                + "</body></html>";

        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> assertThat(extractor.extract(page, true).image().url()).isEqualTo("https://herald.example/t.jpg"));
    }

    @Test
    void shouldNotTakeASitesDefaultOrDesignImageByItsNameYetKeepDrupalsUploads() {
        for (String url : new String[]{"https://herald.example/img/og-default.jpg", "https://herald.example/i/fallback_1200.png",
                "https://herald.example/wp-content/themes/herald/img/social-card.jpg", "https://herald.example/noimage.gif",
                "https://cdn.example/template/page-image.png", "https://herald.example/wp-content/themes/h/dist/img/og.png",
                "https://herald.example/img/og-image-default.jpg", "https://herald.example/img/default@2x.png"}) {
            String head = "<meta property=\"og:image\" content=\"" + url + "\">";
            assertThat(extractor.extract(page(head, ""), true).image()).as(url).isNull();
        }
        for (String url : new String[]{"https://herald.example/sites/default/files/2026/tram.jpg", // Drupal's uploads
                "https://herald.example/2024/05/argentina-debt-default.jpg", "https://herald.example/default-mode-network.jpg",
                "https://herald.example/media/themes/climate/2024/glacier-melt.jpg"}) { // a section named "themes"
            String head = "<meta property=\"og:image\" content=\"" + url + "\">";
            assertThat(extractor.extract(page(head, ""), true).image()).as(url).isNotNull();
        }
        // the next source the page names when one is the site's default
        String twitter = "<meta property=\"og:image\" content=\"https://herald.example/wp-content/themes/h/og-default.png\">"
                + "<meta name=\"twitter:image\" content=\"https://herald.example/uploads/2024/real-photo.jpg\">";
        assertThat(extractor.extract(page(twitter, ""), true).image().url())
                .isEqualTo("https://herald.example/uploads/2024/real-photo.jpg");
        assertThat(PageMetadata.graphicKey("HTTPS://Herald.example/brand/H.png?v=3")).isEqualTo("herald.example/brand/h.png");
    }

    @Test
    void shouldFollowAJsonLdImageNamedByReferenceAsYoastWritesIt() {
        String head = "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
                + "{\"@type\":\"NewsArticle\",\"headline\":\"Trams\",\"image\":{\"@id\":\"https://herald.example/t/#primaryimage\"}},"
                + "{\"@type\":\"ImageObject\",\"@id\":\"https://herald.example/t/#primaryimage\","
                + "\"url\":\"https://herald.example/t.jpg\",\"caption\":\"A tram. Photo: Jo\"}]}</script>";

        assertThat(extractor.extract(page(head, ""), true).image())
                .isEqualTo(new LeadImage("https://herald.example/t.jpg", null, "A tram. Photo: Jo"));
    }

    @Test
    void shouldResolveARelativeOpenGraphImageAgainstTheArticlesAddress() {
        String head = "<meta property=\"og:image\" content=\"/img/tram.jpg\">";

        assertThat(extractor.extract(page(head, ""), true, "https://herald.example/news/trams").image().url())
                .isEqualTo("https://herald.example/img/tram.jpg");
    }

    @Test
    void shouldResolveARelativeOpenGraphImageAgainstTheCanonicalAddress() {
        String head = "<link rel=\"canonical\" href=\"https://herald.example/news/trams\">"
                + "<meta property=\"og:image\" content=\"/img/tram.jpg\"><meta property=\"og:image:alt\" content=\"A tram at dusk\">";

        assertThat(extractor.extract(page(head, ""), true).image())
                .isEqualTo(new LeadImage("https://herald.example/img/tram.jpg", "A tram at dusk", null));
    }

    @Test
    void shouldTakeTheStorysFirstRealPictureWithoutMetadata() {
        String article = "<img src=\"https://t.example/p.gif\" width=\"1\" height=\"1\">"
                + "<img src=\"https://herald.example/static/logo.png\">"
                + "<div class=\"share-bar\"><img src=\"https://herald.example/img/facebook-round.png\"></div>"
                + "<figure><img src=\"https://herald.example/img/tram-line.jpg\" alt=\"Tram on the new line\" width=\"800\">"
                + "<figcaption>The line opens in 2029. Photo: Jo Reed</figcaption></figure>";

        assertThat(extractor.extract(page("", article), true).image()).isEqualTo(new LeadImage(
                "https://herald.example/img/tram-line.jpg", "Tram on the new line", "The line opens in 2029. Photo: Jo Reed"));
    }

    @Test
    void shouldReadALazyLoadersRealAddress() {
        String fragment = "<p><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" data-src=\"https://cdn.example/a.jpg\"></p>"
                + "<p>" + STORY + "</p>";
        String srcset = "<img data-srcset=\"https://cdn.example/c_fill,w_80/b.jpg 80w, https://cdn.example/c_fit,w_800/b.jpg 800w,"
                + " https://cdn.example/c_fit,w_320/b.jpg 320w\"><p>" + STORY + "</p>";

        assertThat(extractor.extract(fragment, true).image().url()).isEqualTo("https://cdn.example/a.jpg");
        // the widest candidate; an image CDN's address holds commas
        assertThat(extractor.extract(srcset, true).image().url()).isEqualTo("https://cdn.example/c_fit,w_800/b.jpg");
        assertThat(LeadImageFinder.largestCandidate("a.jpg, b.jpg 2x")).isEqualTo("b.jpg");
    }

    @Test
    void shouldNeverNameAnImageWithAnUnsafeAddress() {
        for (String src : new String[]{"javascript:alert(1)", "data:image/png;base64,AAAA", "https://user:pw@cdn.example/a.jpg",
                "http://localhost/a.jpg", "http://169.254.169.254/latest/meta-data", "/relative/without/base.jpg",
                "https://cdn.example/" + "a".repeat(dev.newsflow.runtime.UrlPaths.MAX_CHARS) + ".jpg"}) {
            assertThat(extractor.extract("<img src=\"" + src + "\"><p>" + STORY + "</p>", true).image()).as(src).isNull();
        }
    }

    @Test
    void shouldNotTakeAPictureFromTheEndOfAStoryOrOneAReaderNeverSees() {
        String late = "<p>" + STORY + "</p><p>" + STORY + "</p><p>" + STORY + "</p><p>" + STORY + "</p>"
                + "<img src=\"https://cdn.example/author.jpg\">";
        String hidden = "<img src=\"https://cdn.example/draft.jpg\" style=\"display:none\"><p>" + STORY + "</p>";
        String inline = "<p>The formula <img src=\"https://math.example/render/1.svg\"> says so.</p>"
                + "<dd><img src=\"https://math.example/render/2.svg\" aria-hidden=\"true\"></dd><p>" + STORY + "</p>";

        assertThat(extractor.extract(late, true).image()).isNull();
        assertThat(extractor.extract(hidden, true).image()).isNull();
        assertThat(extractor.extract(inline, true).image()).isNull();
        assertThat(extractor.extract(STORY, false).image()).isNull();
    }

    @Test
    void shouldLeaveOutOfACaptionWhatAReaderNeverSees() {
        String fragment = "<figure><img src=\"https://cdn.example/raid.jpg\" alt=\"Raid\"><figcaption>Officers at the house."
                + " <span style=\"display:none\">LEGAL: do not name the owner before charge</span><del>Photo: John Roe</del>"
                + " Photo: Jane Doe</figcaption></figure><p>" + STORY + "</p>";

        assertThat(extractor.extract(fragment, true).image().caption()).isEqualTo("Officers at the house. Photo: Jane Doe");
    }

    @Test
    void shouldNotTakeAnotherStorysThumbnailOrAnImageAReaderNeverSees() {
        StringBuilder related = new StringBuilder("<p>Police said on Monday.</p><div class=\"related-stories\"><ul>");
        for (int i = 0; i < 6; i++) {
            related.append("<li><a href=\"https://herald.example/s").append(i).append("\"><img src=\"https://herald.example/thumbs/story-")
                    .append(i).append(".jpg\" width=\"300\" height=\"200\">Another story headline number ").append(i)
                    .append(" of the related list</a></li>");
        }
        related.append("</ul></div><p>").append(STORY).append("</p>");

        assertThat(extractor.extract(related.toString(), true).image()).isNull();
        for (String wrapper : new String[]{"template", "del", "noscript", "button", "form"}) {
            String fragment = "<" + wrapper + "><img src=\"https://cdn.example/not-shown.jpg\"></" + wrapper + ">"
                    + "<img src=\"https://cdn.example/shown.jpg\"><p>" + STORY + "</p>";
            assertThat(extractor.extract(fragment, true).image().url()).as(wrapper).isEqualTo("https://cdn.example/shown.jpg");
        }
    }

    @Test
    void shouldSkipPixelsHeadShotsAndAdvertsAndPreferALazyLoadersRealAddress() {
        String fragment = "<img src=\"https://t.example-syndication.com/p.gif?id=1\" style=\"width:1px;height:1px\">"
                + "<div class=\"author-box\"><img src=\"https://herald.example/people/jane.jpg\" width=\"120\" height=\"120\"></div>"
                + "<a href=\"https://ad.doubleclick.net/click?x\"><img src=\"https://cdn.example/promo.jpg\"></a>"
                + "<img src=\"https://herald.example/a3-lazy-load/lazy_placeholder.gif\" data-lazy-src=\"https://cdn.example/fire-1600.jpg\">"
                + "<p>" + STORY + "</p>";
        String srcsetOverPlaceholder = "<img class=\"lazyload\" src=\"https://herald.example/img/grey.png\""
                + " data-srcset=\"https://cdn.example/fire-480.jpg 480w,https://cdn.example/fire-1200.jpg 1200w\"><p>" + STORY + "</p>";

        assertThat(extractor.extract(fragment, true).image().url()).isEqualTo("https://cdn.example/fire-1600.jpg");
        assertThat(extractor.extract(srcsetOverPlaceholder, true).image().url()).isEqualTo("https://cdn.example/fire-1200.jpg");
    }

    @Test
    void shouldTakeAWordPressCaptionedImage() {
        String fragment = "<div class=\"wp-caption aligncenter\"><img src=\"https://herald.example/mayor.jpg\" width=\"1024\""
                + " height=\"683\"><p class=\"wp-caption-text\">Mayor Linda Park. Photo: Tom Lee</p></div><p>" + STORY + "</p>";

        assertThat(extractor.extract(fragment, true).image())
                .isEqualTo(new LeadImage("https://herald.example/mayor.jpg", null, "Mayor Linda Park. Photo: Tom Lee"));
    }

    @Test
    void shouldNotTakeAPictureFromFurtherDownAStoryWrittenInLineBreaks() {
        String fragment = "<div>" + STORY + "<br><br>" + STORY + "<br><br>" + STORY + "<br><br>" + STORY + "<br><br>"
                + "<img src=\"https://cdn.example/author.jpg\"></div>";

        assertThat(extractor.extract(fragment, true).image()).isNull();
    }

    @Test
    void shouldNotTakeAnAuthorsPhotoButTakeAPictureThatOpensItsCaptionedParagraph() {
        String author = "<div class=\"author\"><img class=\"avatar\" src=\"https://site.example/u/jane.jpg\"> By Jane</div>"
                + "<img src=\"https://site.example/lead.jpg\"><p>" + STORY + "</p>";
        String captioned = "<p><img src=\"https://site.example/fire.jpg\"><br>Fire crews at the scene. Photo: Reuters</p><p>" + STORY + "</p>";
        String cdn = "<img srcset=\"https://cdn.example/dpr_1x,w_400/a.jpg 1x, https://cdn.example/dpr_2x,w_800/a.jpg 2x\"><p>" + STORY + "</p>";

        assertThat(extractor.extract(author, true).image().url()).isEqualTo("https://site.example/lead.jpg");
        assertThat(extractor.extract(captioned, true).image().url()).isEqualTo("https://site.example/fire.jpg");
        assertThat(extractor.extract(cdn, true).image().url()).isEqualTo("https://cdn.example/dpr_2x,w_800/a.jpg");
    }

    @Test
    void shouldTakeThePicturesWidestSource() {
        String fragment = "<picture><source type=\"image/webp\" srcset=\"https://cdn.example/a-800.webp 800w, https://cdn.example/a-1600.webp 1600w\">"
                + "<img src=\"https://cdn.example/a-400.jpg\" alt=\"A\"></picture><p>" + STORY + "</p>";

        assertThat(extractor.extract(fragment, true).image().url()).isEqualTo("https://cdn.example/a-1600.webp");
    }

    @Test
    void shouldCutALongCaptionAtAWord() {
        String caption = "word ".repeat(200);
        LeadImage image = extractor.extract("<figure><img src=\"https://cdn.example/a.jpg\"><figcaption>" + caption
                + "</figcaption></figure><p>" + STORY + "</p>", true).image();

        assertThat(image.caption()).endsWith("word…").hasSizeLessThanOrEqualTo(LeadImageFinder.MAX_TEXT_CHARS + 1);
    }
}
