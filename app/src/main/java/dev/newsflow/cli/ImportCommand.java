package dev.newsflow.cli;

import dev.newsflow.ingest.ArticleParser;
import dev.newsflow.ingest.ArticleWriter;
import dev.newsflow.ingest.IngestConfig;
import dev.newsflow.ingest.IngestLimits;
import dev.newsflow.ingest.NdjsonImporter;
import dev.newsflow.ingest.RawArticleProducer;
import dev.newsflow.runtime.LogValues;
import dev.newsflow.runtime.Settings;
import dev.newsflow.runtime.StageStartup;
import dev.newsflow.schemas.Topics;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

// an error that stops the import (Kafka unreachable at start, a bad setting) is 4, not picocli's 1, which here means
// "some lines rejected": a cron job must not read "nothing was imported" as a partial success
// a bad option exits 64 (sysexits' EX_USAGE), not picocli's 2: 2 means "resend the lines in --report", and a retry
// wrapper must not loop on a typo
@Command(name = "import", mixinStandardHelpOptions = true, exitCodeOnExecutionException = 4, exitCodeOnInvalidInput = 64,
        description = {"Import NDJSON article files into news.articles.raw, with the same validation as the API.",
                "Exit code: 0 all lines accepted, 1 some lines rejected, 2 some writes not acknowledged by Kafka, 3 a file cannot be read,"
                        + " 4 the import stopped with an error (Kafka unreachable, a bad setting; the message says which),"
                        + " 64 a bad option."})
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "NDJSON files, one article a line.")
    List<Path> files;

    @Option(names = "--dry-run", description = "Validate only; write nothing.")
    boolean dryRun;

    @Option(names = "--provider", defaultValue = "import", description = "Provider recorded on each article (default: ${DEFAULT-VALUE}).")
    String provider;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Write every line not imported to FILE as NDJSON (file, line, id, status, reasons): the lines to fix or send again.")
    Path report;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path f : files) {
            if (!Files.isReadable(f) || Files.isDirectory(f)) {
                err.println("newsflow import: cannot read " + f + ": " + (!Files.exists(f) ? "no such file"
                        : Files.isDirectory(f) ? "a directory, not a file" : "permission denied") + "; nothing was imported");
                return 3;
            }
        }
        Path reportDir = report == null ? null : report.toAbsolutePath().getParent();
        if (reportDir != null && !Files.isDirectory(reportDir)) {
            err.println("newsflow import: --report " + report + ": its directory " + reportDir
                    + " does not exist; nothing was imported");
            return 3;
        }
        if (report != null && Files.exists(report)) {
            for (Path f : files) {
                if (Files.isSameFile(f, report)) {
                    err.println("newsflow import: --report " + report + " is one of the files to import; nothing was imported");
                    return 3;
                }
            }
        }
        Settings settings = config.load();
        // the API's own settings (max.body.chars, ...): a file and the API accept the same articles
        IngestLimits limits = IngestConfig.limitsOf(settings.newsflow());
        ArticleParser parser = new ArticleParser(limits, Clock.systemUTC());
        NdjsonImporter.Summary summary;
        try (ProblemReport problems = ProblemReport.open(report)) {
            if (dryRun) {
                summary = new NdjsonImporter(parser, null, 0, (int) limits.maxRequestBytes())
                        .importFiles(files, provider, true, p -> progress(err, p), problems);
            } else {
                IngestConfig.TopicSetupView setup = IngestConfig.topicSetupOf(settings.newsflow());
                if (setup.create()) {
                    StageStartup.ensureTopics(settings, setup.timeoutMs());
                } else {
                    // Kafka out of reach must stop the import now (exit 4), not after max.block.ms for every line
                    StageStartup.requireTopic(settings, Topics.ARTICLES_RAW, setup.timeoutMs());
                }
                try (ArticleWriter writer = new ArticleWriter(RawArticleProducer.create(settings, "newsflow-import"))) {
                    summary = new NdjsonImporter(parser, writer, IngestConfig.ackTimeoutOf(settings.newsflow()).toMillis(),
                            (int) limits.maxRequestBytes())
                            .importFiles(files, provider, false, p -> progress(err, p), problems);
                }
            }
        }
        err.println();
        out.printf("%s: %d lines, %d accepted, %d rejected, %d failed%n", dryRun ? "checked" : "imported",
                summary.lines(), summary.accepted(), summary.rejected(), summary.failed());
        // what the file says is printed through LogValues.printable: a field name can hold terminal escapes
        summary.reasons().forEach((reason, count) -> out.printf("  %5d × %s%n", count, LogValues.printable(reason, 300)));
        if (!summary.ignoredFields().isEmpty()) {
            // not fatal, but never silent: a misspelt "embargoedUntil" would publish a story early
            out.printf("  fields ignored (unknown, or in error on a kill or withhold): %s%n", summary.ignoredFields().entrySet().stream()
                    .map(e -> LogValues.printable(e.getKey(), 100) + " (" + e.getValue() + (e.getValue() == 1 ? " line)" : " lines)"))
                    .collect(java.util.stream.Collectors.joining(", ")));
        }
        summary.problems().forEach(p ->
                out.printf("  %s:%d %s%s: %s%n", p.file(), p.line(), p.status(), p.id() == null ? "" : " " + p.id(),
                        LogValues.printable(String.join("; ", p.reasons()), 1_000)));
        int notShown = summary.rejected() + summary.failed() - summary.problems().size();
        if (notShown > 0) {
            out.printf("  ... and %d more%s%n", notShown, report == null ? " (--report FILE lists them all)" : " (in " + report + ")");
        }
        out.flush();
        return summary.failed() > 0 ? 2 : summary.rejected() > 0 ? 1 : 0;
    }

    private static void progress(PrintWriter err, NdjsonImporter.Progress p) {
        err.printf("\r%s: %d lines, %d accepted, %d rejected, %d failed", p.file().getFileName(), p.lines(),
                p.accepted(), p.rejected(), p.failed());
        err.flush();
    }
}
