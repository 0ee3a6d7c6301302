package dev.newsflow.cli;

import dev.newsflow.enrich.EnrichApp;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = "Run the enrich stage (Kafka Streams) against an external Kafka.")
final class EnrichCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() throws Exception {
        Shutdown.awaitSignalThenClose(List.of(EnrichApp.start(config.load())));
        return 0;
    }
}
