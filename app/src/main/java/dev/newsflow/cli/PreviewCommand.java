package dev.newsflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.enrich.ArticleEnricher;
import dev.newsflow.enrich.Enrichers;
import dev.newsflow.ingest.ArticleParser;
import dev.newsflow.ingest.FieldError;
import dev.newsflow.ingest.IngestLimits;
import dev.newsflow.ingest.ParsedArticle;
import dev.newsflow.schemas.avro.EnrichedArticle;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What enrich would make of articles, without Kafka: NDJSON raw articles on stdin ({@code {"id","title","body"}} plus
 * any optional raw-article field), one JSON line per article on stdout, in input order.
 */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = {"Show what the enrich stage computes for NDJSON articles on stdin (no Kafka needed).",
                "Input lines: {\"id\",\"title\",\"body\"} plus any optional raw-article field; version defaults to 1.",
                "Output: one JSON line per input line, fields as in the EnrichedArticle schema;",
                "an unreadable line gives {\"line\":N,\"error\":...} and the exit code 1."})
final class PreviewCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final ObjectMapper json = JsonMapper.builder().build();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ArticleEnricher enricher = Enrichers.defaults();
        ArticleParser parser = new ArticleParser(IngestLimits.defaults(), Clock.systemUTC());
        int lineNo = 0;
        int errors = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                Map<String, Object> result;
                try {
                    ParsedArticle parsed = parser.parse(withDefaultVersion(line), "preview");
                    if (!parsed.valid()) {
                        errors++;
                        result = error(lineNo, parsed.errors().stream().map(FieldError::toString)
                                .collect(Collectors.joining("; ")));
                    } else {
                        EnrichedArticle enriched = enricher.enrich(parsed.article(), Clock.systemUTC().instant());
                        result = new LinkedHashMap<>();
                        result.put("id", enriched.getUri());
                        result.putAll(AvroJson.toMap(enriched));
                    }
                } catch (RuntimeException e) {
                    errors++;
                    result = error(lineNo, e.toString());
                }
                out.println(json.writeValueAsString(result));
            }
        }
        out.flush();
        return errors == 0 ? 0 : 1;
    }

    /** Editors preview drafts that have no version yet. */
    private String withDefaultVersion(String line) throws com.fasterxml.jackson.core.JsonProcessingException {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return line; // the parser reports it, with the same words as the API
        }
        if (node instanceof ObjectNode object && !object.has("version")) {
            object.put("version", 1);
            return json.writeValueAsString(object);
        }
        return line;
    }

    private static Map<String, Object> error(int line, String message) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("line", line);
        result.put("error", message);
        return result;
    }
}
