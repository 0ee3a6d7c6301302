package dev.newsflow.enrich.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExtractCommandTest {

    private static final String PARAGRAPH = "The harbour authority confirmed on Friday that the ferry service to the "
            + "islands will resume next week, after repairs to the pier took longer than the engineers had expected.";

    @TempDir
    Path dir;

    @Test
    void shouldWriteOneJsonObjectPerFileWithParagraphsSeparatedByBlankLines() throws Exception {
        Path page = dir.resolve("story.html");
        Files.writeString(page, """
                <html><head><title>Ferry to resume | Coast News</title>
                <meta property="article:published_time" content="2025-06-01T08:00:00Z"></head>
                <body><article><p>%s</p><p>Post by : Jane Doe</p><p>%s</p></article></body></html>
                """.formatted(PARAGRAPH, PARAGRAPH));
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new ExtractCommand());
        cli.setOut(new PrintWriter(out));

        int exit = cli.execute(page.toString(), page.toString());

        String[] lines = out.toString().strip().split("\n");
        assertThat(exit).isZero();
        assertThat(lines).hasSize(2);
        JsonNode json = new ObjectMapper().readTree(lines[0]);
        assertThat(json.get("file").asText()).isEqualTo(page.toString());
        assertThat(json.get("title").asText()).isEqualTo("Ferry to resume");
        assertThat(json.get("byline").asText()).isEqualTo("Jane Doe");
        assertThat(json.get("published").asText()).isEqualTo("2025-06-01T08:00:00Z");
        assertThat(json.get("text").asText()).isEqualTo(PARAGRAPH + "\n\n" + PARAGRAPH);
    }

    @Test
    void shouldScoreAPageDirectoryAndPrintOverallFigures() throws Exception {
        Path page = Files.createDirectories(dir.resolve("pages").resolve("one"));
        Files.writeString(page.resolve("source.html"),
                "<html><body><nav><a href='/'>Home</a></nav><article><p>" + PARAGRAPH + "</p></article></body></html>");
        Files.writeString(page.resolve("expected.html"), "<div><p>" + PARAGRAPH + "</p></div>");
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new ExtractScoreCommand());
        cli.setOut(new PrintWriter(out));

        int exit = cli.execute(dir.resolve("pages").toString(), "--warmup", "0");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("one ").contains("pages=1 mean P=1.0000 R=1.0000 F1=1.0000");
    }
}
