package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ImportCommandTest {

    /** Whether the import creates the topics or only checks the raw one, Kafka out of reach stops it with 4. */
    @ParameterizedTest
    @ValueSource(strings = {"topics.create.timeout.ms=1000\n", "topics.create=false\ntopics.create.timeout.ms=1000\n"})
    void shouldExitFourNotOneWhenKafkaCannotBeReachedSoNothingWasImported(String settings, @TempDir Path dir) throws Exception {
        Path articles = Files.writeString(dir.resolve("a.ndjson"), "{\"uri\":\"a-1\",\"version\":1,\"title\":\"T\",\"body\":\"B\"}\n");
        Path config = Files.writeString(dir.resolve("newsflow.properties"), settings);
        StringWriter err = new StringWriter();

        int exit = new CommandLine(new ImportCommand()).setExecutionExceptionHandler(new FailureReport())
                .setErr(new PrintWriter(err)).setOut(new PrintWriter(new StringWriter()))
                .execute("--config", config.toString(), "--bootstrap-servers", "127.0.0.1:1", articles.toString());

        assertThat(exit).isEqualTo(4);
        assertThat(err.toString()).contains("127.0.0.1:1");
    }

    @Test
    void shouldListEveryLineNotImportedInTheReportWithItsIdAndNameIgnoredFields(@TempDir Path dir) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 60; i++) {
            lines.append("{\"uri\":\"bad-").append(i).append("\",\"version\":1,\"title\":\"T\"}\n"); // no body
        }
        lines.append("{\"uri\":\"good\",\"version\":1,\"title\":\"T\",\"body\":\"B\",\"embargo\":\"2026-12-01T00:00:00Z\"}\n");
        Path articles = Files.writeString(dir.resolve("a.ndjson"), lines);
        Path report = dir.resolve("report.ndjson");
        StringWriter out = new StringWriter();

        int exit = new CommandLine(new ImportCommand()).setErr(new PrintWriter(new StringWriter()))
                .setOut(new PrintWriter(out)).execute("--dry-run", "--report", report.toString(), articles.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("61 lines, 1 accepted, 60 rejected")
                .contains("60 × body: is required")
                .contains("fields ignored (unknown, or in error on a kill or withhold): embargo (1 line)")
                .contains("... and 10 more (in " + report + ")");
        java.util.List<String> reported = Files.readAllLines(report);
        assertThat(reported).hasSize(60);
        com.fasterxml.jackson.databind.JsonNode last = new com.fasterxml.jackson.databind.ObjectMapper().readTree(reported.get(59));
        assertThat(last.get("line").asInt()).isEqualTo(60);
        assertThat(last.get("id").asText()).isEqualTo("bad-60");
        assertThat(last.get("status").asText()).isEqualTo("rejected");
        assertThat(last.get("reasons").get(0).asText()).isEqualTo("body: is required");
    }

    @Test
    void shouldReportALineWhoseErrorQuotesHalfASurrogatePairAndGoOn(@TempDir Path dir) throws Exception {
        // Jackson's "Duplicate field" quotes the key it read; once that ended the import with 4 and lost the report
        Path articles = Files.writeString(dir.resolve("a.ndjson"),
                "{\"uri\":\"a-1\",\"version\":1,\"title\":\"T\",\"body\":\"B\"}\n"
                        + "{\"uri\":\"a-2\",\"version\":1,\"title\":\"T\",\"body\":\"B\",\"\\uD800\":1,\"\\uD800\":2}\n"
                        + "{\"uri\":\"a-3\",\"version\":1,\"title\":\"T\"}\n");
        Path report = dir.resolve("report.ndjson");
        StringWriter out = new StringWriter();

        int exit = new CommandLine(new ImportCommand()).setExecutionExceptionHandler(new FailureReport())
                .setErr(new PrintWriter(new StringWriter())).setOut(new PrintWriter(out))
                .execute("--dry-run", "--report", report.toString(), articles.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("3 lines, 1 accepted, 2 rejected");
        assertThat(Files.readAllLines(report)).hasSize(2);
    }

    @Test
    void shouldWriteAReasonTheReportCannotEncodeWithAReplacementNotFail(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("report.ndjson");
        try (ProblemReport problems = ProblemReport.open(report)) {
            problems.accept(new dev.newsflow.ingest.NdjsonImporter.LineProblem(dir.resolve("a.ndjson"), 2, null,
                    "rejected", java.util.List.of("$: half \uD800 a pair")));
            problems.accept(new dev.newsflow.ingest.NdjsonImporter.LineProblem(dir.resolve("a.ndjson"), 3, "a-3",
                    "rejected", java.util.List.of("body: is required")));
        }
        assertThat(Files.readAllLines(report)).hasSize(2);
    }

    @Test
    void shouldRefuseAReportFileThatIsOneOfTheInputs(@TempDir Path dir) throws Exception {
        Path articles = Files.writeString(dir.resolve("a.ndjson"), "{\"uri\":\"a-1\",\"version\":1,\"title\":\"T\",\"body\":\"B\"}\n");
        StringWriter err = new StringWriter();

        int exit = new CommandLine(new ImportCommand()).setErr(new PrintWriter(err)).setOut(new PrintWriter(new StringWriter()))
                .execute("--dry-run", "--report", articles.toString(), articles.toString());

        assertThat(exit).isEqualTo(3);
        assertThat(Files.readString(articles)).contains("a-1"); // not truncated
    }

    @Test
    void shouldExitWithItsOwnCodesForABadOptionAndAReportNobodyCanWrite(@TempDir Path dir) throws Exception {
        Path articles = Files.writeString(dir.resolve("a.ndjson"), "{\"uri\":\"a-1\",\"version\":1,\"title\":\"T\",\"body\":\"B\"}\n");
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new ImportCommand()).setErr(new PrintWriter(err))
                .setOut(new PrintWriter(new StringWriter()));

        // 2 tells a retry wrapper to resend the lines in --report: a typo must not look like that
        assertThat(command.execute("--bogus", articles.toString())).isEqualTo(64);
        assertThat(command.execute("--dry-run", "--report", dir.resolve("missing/r.ndjson").toString(), articles.toString()))
                .isEqualTo(3);
        assertThat(err.toString()).contains("--report", "does not exist");
    }
}
