package dev.newsflow.enrich.classify;

import dev.newsflow.schemas.MediaTopic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped model on hand-written texts (none taken from the training data). */
class BundledModelTest {

    private static final TrainedCategorizer CATEGORIZER = TrainedCategorizer.loadDefault();

    private static MediaTopic primaryOf(String title, String body) {
        return CATEGORIZER.categorize(new ClassifierInput(title, body, null, "en")).categories().get(0).topic();
    }

    @Test
    void shouldLoadTheShippedModelWithItsVersion() {
        assertThat(CATEGORIZER.modelVersion()).startsWith(CategoryModel.VERSION_PREFIX).hasSize(CategoryModel.VERSION_PREFIX.length() + 8);
        assertThat(CATEGORIZER.reviewThreshold()).isBetween(0.0, 1.0);
    }

    @Test
    void shouldClassifyHandWrittenArticlesIntoTheTrainedTopics() {
        assertThat(primaryOf("Keeper saves late penalty", "The goalkeeper saved a penalty in injury time as the visitors held on for a draw in the league, leaving the coach pleased with his defence.")).isEqualTo(MediaTopic.SPORT);
        assertThat(primaryOf("Retailer profits fall", "Shares in the retailer fell 8% after it reported lower quarterly profits, blaming weak consumer spending, and analysts cut their forecasts for the year.")).isEqualTo(MediaTopic.ECONOMY_BUSINESS_FINANCE);
        assertThat(primaryOf("Minister defends bill", "The home secretary told MPs the bill would pass before the general election, as the opposition party said it would vote against the government.")).isEqualTo(MediaTopic.POLITICS);
        assertThat(primaryOf("New handset runs faster software", "The mobile phone maker said its new handset has a faster processor and more memory, and users will be able to download software updates over broadband.")).isEqualTo(MediaTopic.SCIENCE_TECHNOLOGY);
        assertThat(primaryOf("Actress wins film award", "The actress won best actress at the film awards for her role in the drama, and the director thanked the cast as the movie took three prizes at the ceremony.")).isEqualTo(MediaTopic.ARTS_CULTURE_ENTERTAINMENT);
    }

    @Test
    void shouldNameADisasterForAShortDisasterItem() {
        Classification c = CATEGORIZER.categorize(new ClassifierInput("", "A strong earthquake shook the region on Sunday, "
                + "triggering landslides; rescue workers pulled survivors from the debris and the death toll rose.", null, null));

        assertThat(c.categories()).extracting(CategoryScore::topic).contains(MediaTopic.DISASTER_ACCIDENT_EMERGENCY);
    }
}
