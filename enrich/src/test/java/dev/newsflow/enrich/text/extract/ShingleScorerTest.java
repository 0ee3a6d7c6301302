package dev.newsflow.enrich.text.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ShingleScorerTest {

    private final ShingleScorer scorer = new ShingleScorer();

    @Test
    void identicalTextsScoreOneWhateverTheCaseAndPunctuation() {
        ShingleScorer.Score s = scorer.score("The quick brown fox jumps over the dog.", "the QUICK, brown fox -- jumps over the dog");
        assertThat(s.precision()).isEqualTo(1.0);
        assertThat(s.recall()).isEqualTo(1.0);
        assertThat(s.f1()).isEqualTo(1.0);
    }

    @Test
    void extraBoilerplateCostsPrecisionButNotRecall() {
        String expected = "one two three four five";                      // 2 shingles
        String extracted = "one two three four five six seven";           // 4 shingles, 2 shared
        ShingleScorer.Score s = scorer.score(extracted, expected);
        assertThat(s.precision()).isCloseTo(0.5, within(1e-9));
        assertThat(s.recall()).isCloseTo(1.0, within(1e-9));
        assertThat(s.f1()).isCloseTo(2 * 0.5 / 1.5, within(1e-9));
    }

    @Test
    void missingTextCostsRecall() {
        ShingleScorer.Score s = scorer.score("a b c d", "a b c d e f g");
        assertThat(s.precision()).isEqualTo(1.0);
        assertThat(s.recall()).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void shinglesCountAsAMultiset() {
        ShingleScorer.Score s = scorer.score("a b c d a b c d", "a b c d");
        // extracted shingles: abcd, bcda, cdab, dabc, abcd -> 5, one match of abcd
        assertThat(s.precision()).isCloseTo(0.2, within(1e-9));
        assertThat(s.recall()).isEqualTo(1.0);
    }

    @Test
    void tokensAreLowercasedLetterAndDigitRunsInAnyScript() {
        assertThat(ShingleScorer.tokens("Über 3,5 Mio. — naïve café's")).containsExactly("über", "3", "5", "mio", "naïve", "café", "s");
    }

    @Test
    void emptyAgainstNonEmptyScoresZeroAndEmptyAgainstEmptyScoresOne() {
        assertThat(scorer.score("", "some text here now").f1()).isZero();
        assertThat(scorer.score("", " ").f1()).isEqualTo(1.0);
    }
}
