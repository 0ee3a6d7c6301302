package dev.newsflow.enrich.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.schemas.MediaTopic;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads labelled NDJSON ({@code {"id","label","title","body"}}) into {@link TrainingExample}s, in file order.
 * Lines whose label {@link LabelMapping} does not know are rejected: silently dropping them would change the model.
 */
public final class LabelledArticles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LabelledArticles() {
    }

    /** The {@code *.jsonl} and {@code *.ndjson} files of a directory, sorted by name so training is reproducible. */
    public static List<Path> dataFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> found = files.filter(p -> {
                String name = p.getFileName().toString();
                return Files.isRegularFile(p) && (name.endsWith(".jsonl") || name.endsWith(".ndjson"));
            }).sorted().toList();
            if (found.isEmpty()) {
                throw new IOException("no *.jsonl or *.ndjson files in " + directory);
            }
            return found;
        }
    }

    public static List<TrainingExample> read(Path file, Vectorizer vectorizer) throws IOException {
        return read(file, vectorizer, Map.of());
    }

    /**
     * As {@link #read(Path, Vectorizer)}, attaching our World label ({@link WorldTopicLabels}) to every item of label
     * {@code World} whose id has one. A label made for another text (its digest differs) is an error: the same id in
     * another sample of AG would otherwise get a wrong label silently.
     */
    public static List<TrainingExample> read(Path file, Vectorizer vectorizer, Map<String, WorldTopicLabels.Label> worldTopics)
            throws IOException {
        String dataset = file.getFileName().toString().replaceFirst("\\.(jsonl|ndjson)$", "");
        List<TrainingExample> examples = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1); // a byte-order mark some editors write
                }
                if (line.isBlank()) {
                    continue;
                }
                int at = lineNumber;
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IOException(file + " line " + at + ": not valid JSON: " + e.getOriginalMessage(), e);
                }
                String label = node.path("label").asText(null);
                var topic = LabelMapping.trainingTopic(label)
                        .orElseThrow(() -> new IOException(file + " line " + at + ": unknown label '" + label + "'"));
                String text = ArticleText.plain(node.path("title").asText(""), node.path("body").asText(""));
                long[] tokens = Tokenizer.tokenize(text);
                if (tokens.length == 0) {
                    // nothing to learn from, and nothing the categoriser would classify (it gives no category)
                    throw new IOException(file + " line " + at + ": no words in title or body (labelled '" + label
                            + "'); remove the line or give it its text");
                }
                WorldTopicLabels.Label world = LabelMapping.isAgWorld(label) ? worldTopics.get(node.path("id").asText("")) : null;
                if (world != null && !world.isFor(node.path("body").asText(""))) {
                    throw new IOException(file + " line " + at + ": our World label for id " + node.path("id").asText()
                            + " was made for another text (digest " + world.textDigest() + "); pass labels for this file "
                            + "with --world-topics");
                }
                MediaTopic worldTopic = world == null ? null : world.topic();
                examples.add(new TrainingExample(tokens, vectorizer.count(text, tokens, Tokenizer.features(text, tokens)),
                        topic, label, dataset, worldTopic));
            }
        }
        return examples;
    }
}
