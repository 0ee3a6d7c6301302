package dev.newsflow.enrich.classify;

import dev.newsflow.schemas.MediaTopic;
import java.util.List;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicLexiconTest {

    private static final TopicLexicon LEXICON = TopicLexicon.loadDefault();

    @Test
    void shouldFindWeatherInAStormForecast() {
        var scores = LEXICON.score(Tokenizer.tokenize(
                "Forecasters at the Met Office warned of heavy rain and gales, with snowfall on high ground overnight."));

        assertThat(scores).isNotEmpty();
        assertThat(scores.get(0).topic()).isEqualTo(MediaTopic.WEATHER);
        assertThat(scores.get(0).confidence()).isBetween(0.5, 1.0);
    }

    @Test
    void shouldFindHealthAndCrimeInTheirOwnTexts() {
        assertThat(LEXICON.score(Tokenizer.tokenize("Hospitals reported more flu patients as doctors urged vaccination.")).get(0).topic())
                .isEqualTo(MediaTopic.HEALTH);
        assertThat(LEXICON.score(Tokenizer.tokenize("Police arrested two suspects after the robbery; prosecutors said they would be charged with murder.")).get(0).topic())
                .isEqualTo(MediaTopic.CRIME_LAW_JUSTICE);
    }

    @Test
    void shouldIgnoreATopicNamedByOneTermOnly() {
        assertThat(LEXICON.score(Tokenizer.tokenize("The weather was fine for the final.")))
                .noneMatch(s -> s.topic() == MediaTopic.WEATHER);
    }

    @Test
    void shouldNeedMoreEvidenceInALongArticleThanInAShortItem() throws IOException {
        TopicLexicon lexicon = TopicLexicon.parse(new StringReader("[weather]\n2: rain, snow\n"));
        String item = "rain and snow";
        String article = item + " filler".repeat(400);

        double shortConfidence = lexicon.score(Tokenizer.tokenize(item)).get(0).confidence();
        double longConfidence = lexicon.score(Tokenizer.tokenize(article)).get(0).confidence();

        assertThat(longConfidence).isLessThan(shortConfidence);
    }

    @Test
    void shouldCountATermListedUnderTwoTopicsForBoth() throws IOException {
        TopicLexicon lexicon = TopicLexicon.parse(new StringReader(
                "[disaster-accident-emergency]\n1: killed, flood\n[conflict-war-peace]\n2: killed, troops\n"));

        List<TopicLexicon.Score> scores = lexicon.score(Tokenizer.tokenize("Troops killed in the flood"));

        assertThat(scores).extracting(TopicLexicon.Score::topic)
                .contains(MediaTopic.DISASTER_ACCIDENT_EMERGENCY, MediaTopic.CONFLICT_WAR_PEACE);
    }

    @Test
    void shouldCountATermListedTwiceForOneTopicOnce() throws IOException {
        TopicLexicon once = TopicLexicon.parse(new StringReader("[weather]\n2: rain, snow\n"));
        TopicLexicon twice = TopicLexicon.parse(new StringReader("[weather]\n2: rain, snow\n2: rain\n"));
        long[] text = Tokenizer.tokenize("rain and snow");

        assertThat(twice.score(text)).isEqualTo(once.score(text));
    }

    @Test
    void shouldRejectAnUnknownTopicInTheFile() {
        assertThatThrownBy(() -> TopicLexicon.parse(new StringReader("[gossip]\n1: rumour\n")))
                .isInstanceOf(IOException.class).hasMessageContaining("gossip");
    }
}
