package dev.newsflow.publish;

import dev.newsflow.runtime.Settings;
import dev.newsflow.runtime.StreamsStage;
import dev.newsflow.schemas.Topics;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The publish stage: reads its config and runs the topology until closed. */
public final class PublishApp {

    private static final Logger log = LoggerFactory.getLogger(PublishApp.class);

    private PublishApp() {
    }

    public static StreamsStage start(Settings settings) {
        PublishConfig config = new PublishConfig(settings.newsflow());
        String applicationServer = settings.kafkaProperties().getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG);
        HostInfo self = applicationServer == null || applicationServer.isBlank() ? null
                : HostInfo.buildFromEndpoint(applicationServer);
        if (self != null && config.httpPort() != 0 && self.port() != config.httpPort()) {
            // other instances redirect article lookups to this address: it must reach this HTTP server
            log.warn("application.server={} names port {} but publish serves HTTP on port {}: article lookups "
                    + "redirected here will fail unless a proxy maps that port", applicationServer, self.port(),
                    config.httpPort());
        }
        String publishGroup = settings.kafkaProperties().getProperty(StreamsConfig.APPLICATION_ID_CONFIG,
                "newsflow-" + PublishTopology.STAGE);
        KafkaUpstreamProgress upstream = new KafkaUpstreamProgress(settings.kafkaProperties(),
                config.enrichApplicationId(), publishGroup, Duration.ofSeconds(2));
        try {
            StreamsStage stage = StreamsStage.start(PublishTopology.STAGE, Topics.PUBLISH_DLQ, config, settings,
                    registry -> new PublishTopology(new PostBuilder(config.siteBaseUrl()),
                            new CategoryRouting(config.routeMinConfidence()), config.embargoCheckInterval(),
                            Clock.systemUTC(), registry, upstream).build(),
                    (app, streams) -> {
                        new ArticleLookup(streams, self).register(app);
                        new HeldEmbargoes(streams).register(app);
                    });
            stage.closeAlso(upstream); // after Streams, whose release timer asks it
            return stage;
        } catch (RuntimeException e) {
            upstream.close();
            throw e;
        }
    }
}
