package dev.newsflow.cli;

import dev.newsflow.publish.PublishApp;
import dev.newsflow.runtime.StreamsStage;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Run the publish stage (Kafka Streams) against an external Kafka.")
final class PublishCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() throws Exception {
        StreamsStage stage = PublishApp.start(config.load());
        return Shutdown.awaitSignalThenClose(List.of(stage), stage.gaveUp());
    }
}
