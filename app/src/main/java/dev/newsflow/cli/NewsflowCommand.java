package dev.newsflow.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code newsflow} command: one entry point for the demo, each stage, and the editorial tools. */
@Command(
        name = "newsflow",
        mixinStandardHelpOptions = true,
        versionProvider = NewsflowCommand.Version.class,
        description = "Event-driven article processing on Apache Kafka: ingest, enrich, publish.",
        subcommands = {
                CommandLine.HelpCommand.class,
                DemoCommand.class,
                IngestCommand.class,
                EnrichCommand.class,
                PublishCommand.class,
                ImportCommand.class,
                HealthCommand.class,
                DeadLettersCommand.class,
                PostsCommand.class,
                PreviewCommand.class,
                dev.newsflow.enrich.cli.TrainCommand.class,
                dev.newsflow.enrich.cli.ClassifyCommand.class,
                dev.newsflow.enrich.cli.ExtractCommand.class,
                dev.newsflow.enrich.cli.ExtractScoreCommand.class,
        })
public final class NewsflowCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new NewsflowCommand());
        // UTF-8 whatever the locale: ids and tags must come back as they went in, also under LANG=C (cron, containers)
        commandLine.setOut(new java.io.PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), true));
        commandLine.setErr(new java.io.PrintWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8), true));
        commandLine.setExecutionExceptionHandler(new FailureReport());
        // `newsflow demo -V` says the version too, not only `newsflow -V`
        commandLine.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(new Version()));
        System.exit(commandLine.execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"newsflow " + dev.newsflow.runtime.NewsflowVersion.get()};
        }
    }
}
