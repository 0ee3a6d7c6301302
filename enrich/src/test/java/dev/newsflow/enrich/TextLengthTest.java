package dev.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextLengthTest {

    @Test
    void shouldCountWordsWithApostrophesAndHyphensAsOne() {
        assertThat(words("The 7-2 vote wasn't close, officials said.")).isEqualTo(7);
        assertThat(words("The U.S. team - well-known - won 'again'.")).isEqualTo(6);
    }

    @Test
    void shouldCountAGroupedNumberAsOneWord() {
        assertThat(words("A crowd of 81,044 saw 1,250,000 dollars change hands, 3, 4 or 5 times.")).isEqualTo(14);
        assertThat(words("45\u202f000 personnes, 120\u00a0000 selon la CGT")).isEqualTo(6);
        assertThat(words("1,2345 and 12,34")).isEqualTo(5);
    }

    @Test
    void shouldCountTheWordsOfAPathologicallyJoinedRunWithoutOverflowingTheStack() {
        String run = "a-".repeat(50_000) + "a";

        assertThat(words(run + " and " + run)).isEqualTo(3);
    }

    @Test
    void shouldCountWordsAsTheWordPatternDoes() {
        // the loop replaced this pattern (which overflows the stack on long joined runs): same answers on short texts
        // outside Chinese and Japanese, which count per character (below)
        // (and a number's groups: "1,250,000")
        java.util.regex.Pattern word = java.util.regex.Pattern.compile(
                "[\\p{L}\\p{N}]+(?:['’.-][\\p{L}\\p{N}]+|(?<=\\p{Nd}),\\p{Nd}{3}(?!\\p{Nd})[\\p{L}\\p{N}]*)*");
        String[] pieces = {"a", "Z", "7", "é", "'", "’", ".", "-", " ", ",", "\uD83D\uDE00", "--", ". ", "½", "Ⅻ",
                "\u0301", "²"};
        java.util.Random random = new java.util.Random(42);
        for (int run = 0; run < 5_000; run++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            long expected = word.matcher(text).results().count();
            assertThat(words(text.toString())).as("words of \"%s\"", text).isEqualTo(expected);
        }
    }

    @Test
    void shouldCountEachChineseOrJapaneseCharacterAsAWordAndReadThemAtTheirOwnSpeed() {
        // 中国经济增长 = six characters; Japanese kana and kanji alike; Korean is written with spaces
        assertThat(TextLength.of("中国经济增长。").words()).isEqualTo(6);
        assertThat(TextLength.of("東京で会議が開かれた").words()).isEqualTo(10);
        assertThat(TextLength.of("서울에서 회의가 열렸다").words()).isEqualTo(3);
        assertThat(TextLength.of("Apple在北京发布iPhone").words()).isEqualTo(7); // Apple, five characters, iPhone

        // 765 Chinese characters: three minutes at 255 a minute; with kana, Japanese, read at 357 (two minutes)
        TextLength chinese = TextLength.of("经".repeat(765));
        assertThat(chinese.unspacedChars()).isEqualTo(765);
        assertThat(chinese.readingMinutes()).isEqualTo(3);
        assertThat(TextLength.of("経".repeat(630) + "が".repeat(84)).readingMinutes()).isEqualTo(2);
        // one Japanese name in a Chinese text leaves it Chinese
        assertThat(TextLength.of("经".repeat(764) + "の").readingMinutes()).isEqualTo(3);
    }

    @Test
    void shouldCutThaiIntoWordsByDictionary() {
        // "Thailand has a population of about sixty-six million": ประเทศ|ไทย|มี|ประชากร|ประมาณ|หก|สิบ|หก|ล้าน|คน
        assertThat(TextLength.of("ประเทศไทยมีประชากรประมาณหกสิบหกล้านคน").words()).isEqualTo(10);
        assertThat(TextLength.of("Bangkok (กรุงเทพ) 2026: ประเทศไทย").words()).isEqualTo(5); // Bangkok, กรุง|เทพ, 2026, ประเทศ|ไทย
        // 2,300 Thai words read like 2,300 English ones: ten minutes
        assertThat(TextLength.of("ประเทศไทย ".repeat(1_150)).readingMinutes()).isEqualTo(10);
    }

    @Test
    void shouldCountALongRunOfThaiWithoutSpacesPieceByPiece() {
        // "news today" 50,000 times without a space: as many words as the phrase has each time, give or take one a
        // piece; whole, the JDK's dictionary search over the run took minutes
        String phrase = "ข่าววันนี้";
        int perPhrase = TextLength.of(phrase).words();
        String run = phrase.repeat(50_000);

        int words = TextLength.of(run).words();

        assertThat(perPhrase).isEqualTo(3); // ข่าว|วัน|นี้
        assertThat(words).isBetween(perPhrase * 50_000, perPhrase * 50_000 + run.length() / TextLength.THAI_PIECE);
    }

    @Test
    void shouldRoundReadingTimeToWholeMinutesWithAtLeastOneAndNoneForNoText() {
        assertThat(new TextLength(0, 0).readingMinutes()).isZero();
        assertThat(new TextLength(1, 0).readingMinutes()).isEqualTo(1);
        assertThat(new TextLength(344, 0).readingMinutes()).isEqualTo(1);
        assertThat(new TextLength(345, 0).readingMinutes()).isEqualTo(2);
        assertThat(new TextLength(460 + 255, 255).readingMinutes()).isEqualTo(3); // 2 minutes of words, 1 of characters
    }

    private static int words(String text) {
        return TextLength.of(text).words();
    }
}
