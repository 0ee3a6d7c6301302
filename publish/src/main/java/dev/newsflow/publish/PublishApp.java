package dev.newsflow.publish;

import dev.newsflow.runtime.Settings;
import dev.newsflow.runtime.StreamsStage;
import dev.newsflow.schemas.Topics;
import java.time.Clock;

/** The publish stage: reads its config and runs the topology until closed. */
public final class PublishApp {

    private PublishApp() {
    }

    public static StreamsStage start(Settings settings) {
        PublishConfig config = new PublishConfig(settings.newsflow());
        return StreamsStage.start(PublishTopology.STAGE, Topics.PUBLISH_DLQ, config, settings, registry -> new PublishTopology(
                new PostBuilder(config.siteBaseUrl()), new CategoryRouting(config.routeMinConfidence()),
                config.embargoCheckInterval(), Clock.systemUTC(), registry).build());
    }
}
