package dev.newsflow.enrich.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.enrich.text.ExtractedArticle;
import dev.newsflow.enrich.text.extract.ContentEngine;
import dev.newsflow.enrich.text.extract.MainTextExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code newsflow extract}: reads HTML documents (stdin, or the files given) and writes one JSON object per
 * document and line, {@code {"file"?, "title", "byline", "published", "text"}}, paragraphs in {@code text}
 * separated by blank lines, {@code published} as ISO-8601 or null.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract headline, byline, date and main text from HTML pages or fragments (stdin or files).")
public final class ExtractCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "HTML files; stdin when none")
    List<Path> files = List.of();

    @Option(names = "--plain", description = "treat the input as plain text, not HTML")
    boolean plain;

    @Option(names = "--engine", converter = ContentEngineConverter.class,
            description = "whole-page content engine: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    ContentEngine engine = ContentEngine.DEFAULT;

    @Spec
    CommandSpec spec;

    public ExtractCommand() {
        // picocli instantiates it
    }

    @Override
    public Integer call() throws IOException {
        MainTextExtractor extractor = new MainTextExtractor(engine);
        PrintWriter out = spec.commandLine().getOut();
        if (files.isEmpty()) {
            out.println(json(null, extractor.extract(read(System.in), !plain)));
        } else {
            for (Path file : files) {
                out.println(json(file.toString(), extractor.extract(Files.readString(file, StandardCharsets.UTF_8), !plain)));
            }
        }
        out.flush();
        return 0;
    }

    static String json(String file, ExtractedArticle article) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        if (file != null) {
            node.put("file", file);
        }
        node.put("title", article.title());
        node.put("byline", article.byline());
        node.put("published", article.published() == null ? null : article.published().toString());
        node.put("text", article.text());
        return JSON.writeValueAsString(node);
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
