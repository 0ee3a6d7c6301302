package dev.newsflow.enrich;

import dev.newsflow.runtime.Settings;
import dev.newsflow.runtime.StreamsStage;
import dev.newsflow.schemas.Topics;
import java.time.Clock;

/** The enrich stage: reads its config, loads the models once, and runs the topology until closed. */
public final class EnrichApp {

    private EnrichApp() {
    }

    public static StreamsStage start(Settings settings) {
        EnrichConfig config = new EnrichConfig(settings.newsflow());
        return start(config, settings, Enrichers.create(config.teaserLimits(), config.classifierConfig()));
    }

    /** With an enricher built elsewhere (the demo loads the models while the broker starts). */
    public static StreamsStage start(Settings settings, ArticleEnricher enricher) {
        return start(new EnrichConfig(settings.newsflow()), settings, enricher);
    }

    private static StreamsStage start(EnrichConfig config, Settings settings, ArticleEnricher enricher) {
        return StreamsStage.start(EnrichTopology.STAGE, Topics.ENRICH_DLQ, config, settings,
                registry -> new EnrichTopology(enricher, Clock.systemUTC(), registry).build());
    }
}
