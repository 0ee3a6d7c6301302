package dev.newsflow.enrich;

import dev.newsflow.runtime.Settings;
import dev.newsflow.runtime.StreamsStage;
import java.time.Clock;

/** The enrich stage: reads its config, loads the models once, and runs the topology until closed. */
public final class EnrichApp {

    private EnrichApp() {
    }

    public static StreamsStage start(Settings settings) {
        EnrichConfig config = new EnrichConfig(settings.newsflow());
        ArticleEnricher enricher = Enrichers.create(config.teaserLimits(), config.classifierConfig());
        return StreamsStage.start(EnrichTopology.STAGE, config, settings,
                registry -> new EnrichTopology(enricher, Clock.systemUTC(), registry).build());
    }
}
