package dev.newsflow.cli;

import dev.newsflow.enrich.EnrichApp;
import dev.newsflow.runtime.StreamsStage;
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
        StreamsStage stage = EnrichApp.start(config.load());
        return Shutdown.awaitSignalThenClose(List.of(stage), stage.gaveUp());
    }
}
