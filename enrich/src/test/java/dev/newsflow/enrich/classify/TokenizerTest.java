package dev.newsflow.enrich.classify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenizerTest {

    @Test
    void shouldIgnoreCasePunctuationAndApostrophesInsideWords() {
        assertThat(Tokenizer.tokenize("Don't STOP, now!")).containsExactly(Tokenizer.tokenize("dont stop now"));
    }

    @Test
    void shouldFoldDigitsSoThatFiguresMatch() {
        assertThat(Tokenizer.tokenize("2004")).containsExactly(Tokenizer.tokenize("1999"));
        assertThat(Tokenizer.tokenize("2004")).doesNotContain(Tokenizer.tokenize("199")[0]);
    }

    @Test
    void shouldGiveAPhraseTheKeyOfItsTokensCombined() {
        long[] tokens = Tokenizer.tokenize("climate change");

        assertThat(Tokenizer.termKey("Climate  Change")).isEqualTo(Tokenizer.combine(tokens[0], tokens[1]));
    }
}
