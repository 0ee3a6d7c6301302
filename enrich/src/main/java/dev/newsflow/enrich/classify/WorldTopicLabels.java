package dev.newsflow.enrich.classify;

import dev.newsflow.schemas.MediaTopic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Our own Media Topic labels for the AG News {@code World} items ({@value #RESOURCE}: id, primary slug, optional
 * secondary slugs; {@code #} comments), which AG files under one label, "World", whatever the story is about. They
 * teach the World refiner ({@link ModelTrainer#trainWorldRefiner}) which of politics, conflict, crime, disaster and the
 * other topics a world-news item is, and measure it in cross-validation. Only the primary is used.
 */
public final class WorldTopicLabels {

    public static final String RESOURCE = "agnews-world-topics.tsv";

    private WorldTopicLabels() {
    }

    /** The bundled labels. */
    public static Map<String, MediaTopic> loadDefault() {
        try (InputStream in = WorldTopicLabels.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled World labels missing: " + RESOURCE);
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public static Map<String, MediaTopic> load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        }
    }

    /** Id to primary topic, in file order; an unknown slug or a repeated id is an error naming the line. */
    static Map<String, MediaTopic> parse(Reader source, String name) throws IOException {
        Map<String, MediaTopic> labels = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(source);
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            if (columns.length < 2 || columns[0].isBlank()) {
                throw new IOException(name + " line " + number + ": expected id<TAB>topic[<TAB>secondary topics]");
            }
            String slug = columns[1].trim();
            int at = number;
            MediaTopic topic = MediaTopic.fromSlug(slug)
                    .orElseThrow(() -> new IOException(name + " line " + at + ": unknown Media Topic slug '" + slug + "'"));
            if (labels.put(columns[0].trim(), topic) != null) {
                throw new IOException(name + " line " + number + ": id " + columns[0].trim() + " labelled twice");
            }
        }
        return Collections.unmodifiableMap(labels);
    }
}
