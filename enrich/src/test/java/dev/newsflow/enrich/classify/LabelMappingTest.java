package dev.newsflow.enrich.classify;

import dev.newsflow.schemas.MediaTopic;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LabelMappingTest {

    @Test
    void shouldMapBbcTechToScienceAndTechnology() {
        assertThat(LabelMapping.trainingTopic("tech")).contains(MediaTopic.SCIENCE_TECHNOLOGY);
    }

    @Test
    void shouldMapBbcLabelsToTheirMediaTopics() {
        assertThat(LabelMapping.trainingTopic("business")).contains(MediaTopic.ECONOMY_BUSINESS_FINANCE);
        assertThat(LabelMapping.trainingTopic("entertainment")).contains(MediaTopic.ARTS_CULTURE_ENTERTAINMENT);
        assertThat(LabelMapping.trainingTopic("politics")).contains(MediaTopic.POLITICS);
        assertThat(LabelMapping.trainingTopic("sport")).contains(MediaTopic.SPORT);
    }

    @Test
    void shouldMapAgLabelsWithWorldTrainedAsPolitics() {
        assertThat(LabelMapping.trainingTopic("Sports")).contains(MediaTopic.SPORT);
        assertThat(LabelMapping.trainingTopic("Business")).contains(MediaTopic.ECONOMY_BUSINESS_FINANCE);
        assertThat(LabelMapping.trainingTopic("Sci/Tech")).contains(MediaTopic.SCIENCE_TECHNOLOGY);
        assertThat(LabelMapping.trainingTopic("World")).contains(MediaTopic.POLITICS);
    }

    @Test
    void shouldAcceptMediaTopicCodesAndSlugsAndRejectUnknownLabels() {
        assertThat(LabelMapping.trainingTopic("medtop:17000000")).contains(MediaTopic.WEATHER);
        assertThat(LabelMapping.trainingTopic("crime-law-justice")).contains(MediaTopic.CRIME_LAW_JUSTICE);
        assertThat(LabelMapping.trainingTopic("gossip")).isEmpty();
        assertThat(LabelMapping.trainingTopic(null)).isEmpty();
    }

    @Test
    void shouldScoreAgFilesInBucketsAndBbcFilesOnExactTopics() {
        assertThat(LabelMapping.schemeFor(List.of("Business", "World"))).isEqualTo(LabelMapping.Scheme.AG_BUCKETS);
        assertThat(LabelMapping.schemeFor(List.of("business", "tech", "entertainment"))).isEqualTo(LabelMapping.Scheme.TOPIC);
    }

    @Test
    void shouldCountAnyNonSportBusinessOrScienceTopicAsCorrectForAgWorld() {
        String gold = LabelMapping.goldClass("World", LabelMapping.Scheme.AG_BUCKETS).orElseThrow();

        assertThat(gold).isEqualTo(LabelMapping.BUCKET_OTHER);
        assertThat(LabelMapping.predictedClass(MediaTopic.CONFLICT_WAR_PEACE, LabelMapping.Scheme.AG_BUCKETS)).isEqualTo(gold);
        assertThat(LabelMapping.predictedClass(MediaTopic.POLITICS, LabelMapping.Scheme.AG_BUCKETS)).isEqualTo(gold);
        assertThat(LabelMapping.predictedClass(MediaTopic.SPORT, LabelMapping.Scheme.AG_BUCKETS)).isNotEqualTo(gold);
    }

    @Test
    void shouldScoreBbcEntertainmentOnlyAsArts() {
        String gold = LabelMapping.goldClass("entertainment", LabelMapping.Scheme.TOPIC).orElseThrow();

        assertThat(LabelMapping.predictedClass(MediaTopic.ARTS_CULTURE_ENTERTAINMENT, LabelMapping.Scheme.TOPIC)).isEqualTo(gold);
        assertThat(LabelMapping.predictedClass(MediaTopic.LIFESTYLE_LEISURE, LabelMapping.Scheme.TOPIC)).isNotEqualTo(gold);
    }
}
