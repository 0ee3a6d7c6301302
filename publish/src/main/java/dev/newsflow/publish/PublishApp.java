package dev.newsflow.publish;

import dev.newsflow.runtime.Settings;
import dev.newsflow.runtime.StreamsStage;
import dev.newsflow.schemas.Topics;
import java.time.Clock;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/** The publish stage: reads its config and runs the topology until closed. */
public final class PublishApp {

    private PublishApp() {
    }

    public static StreamsStage start(Settings settings) {
        PublishConfig config = new PublishConfig(settings.newsflow());
        String applicationServer = settings.kafkaProperties().getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG);
        HostInfo self = applicationServer == null || applicationServer.isBlank() ? null
                : HostInfo.buildFromEndpoint(applicationServer);
        return StreamsStage.start(PublishTopology.STAGE, Topics.PUBLISH_DLQ, config, settings, registry -> new PublishTopology(
                new PostBuilder(config.siteBaseUrl()), new CategoryRouting(config.routeMinConfidence()),
                config.embargoCheckInterval(), Clock.systemUTC(), registry).build(),
                (app, streams) -> new ArticleLookup(streams, self).register(app));
    }
}
