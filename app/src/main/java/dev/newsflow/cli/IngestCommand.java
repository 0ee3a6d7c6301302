package dev.newsflow.cli;

import dev.newsflow.ingest.IngestApp;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Run the ingest stage (HTTP API) against an external Kafka. Needs NEWSFLOW_API_KEYS.")
final class IngestCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() throws Exception {
        IngestApp app = IngestApp.start(config.load());
        Shutdown.awaitSignalThenClose(List.of(app));
        return 0;
    }
}
