package dev.newsflow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.ingest.NdjsonImporter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** {@code newsflow import --report FILE}: every line not imported, one JSON object a line, as it is known. */
final class ProblemReport implements Consumer<NdjsonImporter.LineProblem>, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final BufferedWriter out;

    private ProblemReport(BufferedWriter out) {
        this.out = out;
    }

    /** A report to {@code file}, or one that keeps nothing when there is no file. */
    static ProblemReport open(Path file) throws IOException {
        // what it cannot encode (half a surrogate pair quoted from a line) is replaced, never a failed import
        return new ProblemReport(file == null ? null : new BufferedWriter(new java.io.OutputStreamWriter(
                Files.newOutputStream(file), StandardCharsets.UTF_8)));
    }

    @Override
    public void accept(NdjsonImporter.LineProblem problem) {
        if (out == null) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("file", problem.file().toString());
        line.put("line", problem.line());
        line.put("id", problem.id());
        line.put("status", problem.status());
        line.put("reasons", problem.reasons());
        try {
            out.write(JSON.writeValueAsString(line));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the import report", e);
        }
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
