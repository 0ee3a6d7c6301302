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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Our own Media Topic labels for the AG News {@code World} items ({@value #RESOURCE}: id, primary slug, optional
 * secondary slugs, optional digest of the text; {@code #} comments), which AG files under one label, "World", whatever
 * the story is about. They teach the World refiner ({@link ModelTrainer#trainWorldRefiner}) which of politics,
 * conflict, crime, disaster and the other topics a world-news item is, and measure it in cross-validation. Only the
 * primary is used.
 */
public final class WorldTopicLabels {

    public static final String RESOURCE = "agnews-world-topics.tsv";

    /**
     * One item's label.
     *
     * @param topic      the primary Media Topic
     * @param textDigest the first hex digits of the SHA-256 of the body it was given for ({@link #digest}), or null
     */
    public record Label(MediaTopic topic, String textDigest) {

        /** Whether this label was made for {@code body} (a label without a digest is taken on trust). */
        public boolean isFor(String body) {
            return textDigest == null || digest(body).startsWith(textDigest);
        }
    }

    /** Hex SHA-256 of a body's UTF-8 bytes. */
    static String digest(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    private WorldTopicLabels() {
    }

    /** The bundled labels. */
    public static Map<String, Label> loadDefault() {
        try (InputStream in = WorldTopicLabels.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled World labels missing: " + RESOURCE);
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public static Map<String, Label> load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        }
    }

    /** Id to label, in file order; an unknown slug, a bad digest or a repeated id is an error naming the line. */
    static Map<String, Label> parse(Reader source, String name) throws IOException {
        Map<String, Label> labels = new LinkedHashMap<>();
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
                throw new IOException(name + " line " + number + ": expected id<TAB>topic[<TAB>secondary topics[<TAB>text digest]]");
            }
            String slug = columns[1].trim();
            int at = number;
            MediaTopic topic = MediaTopic.fromSlug(slug)
                    .orElseThrow(() -> new IOException(name + " line " + at + ": unknown Media Topic slug '" + slug + "'"));
            String digest = columns.length > 3 && !columns[3].isBlank() ? columns[3].trim() : null;
            if (digest != null && !digest.matches("[0-9a-f]{8,64}")) {
                throw new IOException(name + " line " + number + ": the text digest must be 8 to 64 lower-case hex digits: " + digest);
            }
            if (labels.put(columns[0].trim(), new Label(topic, digest)) != null) {
                throw new IOException(name + " line " + number + ": id " + columns[0].trim() + " labelled twice");
            }
        }
        return Collections.unmodifiableMap(labels);
    }
}
