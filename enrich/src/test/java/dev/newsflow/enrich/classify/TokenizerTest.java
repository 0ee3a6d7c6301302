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

    @Test
    void shouldAddWordBigramsAndClustersToTheFeaturesOfShortItemsOnly() {
        String shortItem = "shares in the chip maker rose";
        long[] shortTokens = Tokenizer.tokenize(shortItem);
        String article = (shortItem + " ").repeat(CategoryModel.DEFAULT_SHORT_TEXT_TOKENS / shortTokens.length + 1);
        long[] articleTokens = Tokenizer.tokenize(article);

        // stems, then bigrams, then three GloVe cluster features per known word (all six are known)
        assertThat(Tokenizer.features(shortItem, shortTokens))
                .hasSize(Tokenizer.stems(shortItem).length + shortTokens.length - 1 + 3 * shortTokens.length)
                .startsWith(Tokenizer.stems(shortItem));
        assertThat(Tokenizer.features(article, articleTokens)).containsExactly(Tokenizer.stems(article));
    }

    @Test
    void shouldAddPunctuationRunsAndCapitalisedWordsAsWrittenToShortItems() {
        long[] none = new long[0];
        // the words "IBM", "Corp." and "AT&T." and the runs " (", ".) - ", "&", ". " (a single space gives nothing)
        assertThat(Tokenizer.surfaceFeatures("IBM (Corp.) - buys AT&T. ok", none)).hasSize(7);
        assertThat(Tokenizer.surfaceFeatures("shares rose", none)).isEmpty();
        // case and spacing are what they add: the tokens of these are the same
        assertThat(Tokenizer.surfaceFeatures("Apple", none)).doesNotContain(Tokenizer.surfaceFeatures("APPLE", none));
        assertThat(Tokenizer.surfaceFeatures("a  b", none)).hasSize(1).doesNotContain(Tokenizer.surfaceFeatures("a - b", none));
        String shortItem = "NEW YORK (Reuters) - Shares rose";
        long[] tokens = Tokenizer.tokenize(shortItem);
        assertThat(Tokenizer.features(shortItem, tokens)).contains(Tokenizer.surfaceFeatures(shortItem, none));
    }

    @Test
    void shouldCountTheTokensOfAPrefixAsTokenizeDoes() {
        String text = "Don’t stop, l'été 2004: cafés' über-fast rock'n'roll\n\nnext paragraph here";
        for (int end = 0; end <= text.length(); end++) {
            char next = end < text.length() ? text.charAt(end) : ' ';
            if (Character.isLetterOrDigit(next)) {
                continue; // only where a separator follows
            }
            assertThat(Tokenizer.countTokens(text, end, 100)).as("end %d", end)
                    .isEqualTo(Tokenizer.tokenize(text.substring(0, end)).length);
        }
        assertThat(Tokenizer.countTokens(text, text.length(), 3)).isEqualTo(3);
    }
}
