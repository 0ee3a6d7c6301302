package dev.newsflow.bench;

import dev.newsflow.enrich.text.ExtractedArticle;
import dev.newsflow.enrich.text.extract.MainTextExtractor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Main-text extraction: cleaning a ~3 KB CMS fragment (the stream's hot path, budget ~20-40 µs) and extracting a
 * synthetic ~60 KB whole page with navigation, sidebars, comments and related posts (budget: median 25 ms).
 * Inputs are built here, never copied from real pages.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ExtractionBenchmark {

    private static final String[] SENTENCES = {
            "The regional council approved the new budget on Thursday after a debate that lasted well into the night.",
            "Officials said the plan would fund three new schools, a hospital wing and repairs to the northern bridge.",
            "Opposition members argued that the tax rise, the first in six years, would hurt small businesses.",
            "The mayor, who has held office since 2019, said the spending was needed to keep up with a growing population.",
            "Residents interviewed outside the town hall were divided, with some welcoming the investment and others worried.",
            "A spokesperson for the chamber of commerce said it would study the details before commenting further.",
    };

    private MainTextExtractor extractor;
    private String fragment;
    private String page;
    private String plain;
    private String wrapped;

    @Setup
    public void setUp() {
        extractor = new MainTextExtractor();
        fragment = buildFragment();
        page = buildPage();
        plain = buildPlainText();
        wrapped = wrap(plain, 72);
    }

    /** About 3 KB of plain text as wire copy sends it: paragraphs between blank lines, a bullet list inside. */
    static String buildPlainText() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; b.length() < 3_000; i++) {
            b.append(paragraph(i, 2)).append("\n\n");
            if (i == 3) {
                b.append(" - ").append(SENTENCES[1]).append(" \n - ").append(SENTENCES[2]).append(" \n\n");
            }
        }
        return b.toString();
    }

    /** The same, hard-wrapped at a width as email and older wire feeds do (list lines are not wrapped). */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder(text.length() + 100);
        for (String line : text.split("\n", -1)) {
            if (line.startsWith(" - ")) {
                out.append(line).append('\n');
                continue;
            }
            int column = 0;
            for (String word : line.split(" ")) {
                if (column > 0 && column + 1 + word.length() > width) {
                    out.append('\n');
                    column = 0;
                } else if (column > 0) {
                    out.append(' ');
                    column++;
                }
                out.append(word);
                column += word.length();
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String paragraph(int i, int sentences) {
        StringBuilder p = new StringBuilder();
        for (int s = 0; s < sentences; s++) {
            if (s > 0) {
                p.append(' ');
            }
            p.append(SENTENCES[(i + s) % SENTENCES.length]);
        }
        return p.toString();
    }

    static String buildFragment() {
        StringBuilder b = new StringBuilder();
        b.append("<p>Post by : Jane Doe</p>\n<p>You have not yet added any article to your bookmarks!</p>\n");
        int i = 0;
        while (b.length() < 2700) {
            b.append("<p>").append(paragraph(i++, 2).replace("new budget", "<strong>new budget</strong>")
                    .replace("three new schools", "<a href=\"/schools\">three new schools</a>")).append("</p>\n");
        }
        b.append("<p>Join 10k+ people to get notified about new posts</p>\n<p>Do not worry we don't spam!</p>\n");
        return b.toString();
    }

    static String buildPage() {
        StringBuilder b = new StringBuilder(70_000);
        b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Council approves budget | Daily Bench</title>")
                .append("<meta property=\"og:title\" content=\"Council approves budget\">")
                .append("<meta property=\"article:published_time\" content=\"2026-03-05T10:15:00Z\">")
                .append("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Council approves budget\",")
                .append("\"author\":{\"name\":\"Jane Doe\"},\"datePublished\":\"2026-03-05T10:15:00Z\"}</script>");
        for (int s = 0; s < 6; s++) {
            b.append("<script>window.tracker").append(s).append(" = function(){ return ").append("'x'.repeat(40); };</script>");
            b.append("<style>.c").append(s).append("{margin:0;padding:0;font-size:14px;color:#333}</style>");
        }
        b.append("</head><body><header class=\"site-header\"><nav class=\"menu\"><ul>");
        for (int i = 0; i < 40; i++) {
            b.append("<li><a href=\"/section/").append(i).append("\">Section ").append(i).append("</a></li>");
        }
        b.append("</ul></nav></header><div id=\"cookie-consent\">We use cookies to improve your experience.</div>");
        b.append("<div class=\"layout\"><main><article class=\"story\"><h1>Council approves budget</h1>")
                .append("<div class=\"byline\">By Jane Doe</div><div class=\"story-body\">");
        for (int i = 0; i < 30; i++) {
            b.append("<p>").append(paragraph(i, 3)).append(" <a href=\"/more/").append(i).append("\">More</a></p>");
            if (i % 8 == 7) {
                b.append("<div class=\"ad-slot advertisement\"><span>Advertisement</span><iframe src=\"/ad\"></iframe></div>");
            }
        }
        b.append("</div><div class=\"share-bar\"><a href=\"#\">Share on Facebook</a><a href=\"#\">Tweet</a></div>")
                .append("</article><section class=\"comments\"><h2>42 comments</h2>");
        for (int i = 0; i < 25; i++) {
            b.append("<div class=\"comment\"><span class=\"author\">reader").append(i).append("</span><p>")
                    .append(paragraph(i + 2, 1)).append("</p></div>");
        }
        b.append("</section><section class=\"related\"><h2>Related posts</h2><ul>");
        for (int i = 0; i < 30; i++) {
            b.append("<li><a href=\"/story/").append(i).append("\"><img src=\"/t").append(i).append(".jpg\">Headline of related story number ")
                    .append(i).append("</a></li>");
        }
        b.append("</ul></section></main><aside class=\"sidebar\"><h3>Most read</h3><ol>");
        for (int i = 0; i < 40; i++) {
            b.append("<li><a href=\"/popular/").append(i).append("\">Popular story headline ").append(i).append(" about the city</a></li>");
        }
        b.append("</ol></aside></div><footer class=\"site-footer\">");
        while (b.length() < 60_000) {
            b.append("<p><a href=\"/about\">About us</a> <a href=\"/contact\">Contact</a> <a href=\"/privacy\">Privacy</a></p>");
        }
        b.append("</footer></body></html>");
        return b.toString();
    }

    @Benchmark
    public ExtractedArticle cleanFragment() {
        return extractor.extract(fragment, true);
    }

    @Benchmark
    public ExtractedArticle plainText() {
        return extractor.extract(plain, false);
    }

    @Benchmark
    public ExtractedArticle hardWrappedPlainText() {
        return extractor.extract(wrapped, false);
    }

    @Benchmark
    public ExtractedArticle extractWholePage() {
        return extractor.extract(page, true);
    }
}
