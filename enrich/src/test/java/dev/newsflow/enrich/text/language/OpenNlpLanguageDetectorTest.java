package dev.newsflow.enrich.text.language;

import dev.newsflow.enrich.text.DetectedLanguage;
import opennlp.tools.langdetect.LanguageDetectorME;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OpenNlpLanguageDetectorTest {

    private static final String TEST_SET = "/language/paragraphs.tsv";

    private static OpenNlpLanguageDetector detector;
    private static LanguageDetectorME reference;
    private static List<String[]> samples;

    @org.junit.jupiter.api.Test
    void shouldNameHebrewAndIndonesianByTheirCurrentCodesAndWeighADeclaredNorwegian() {
        String hebrew = "הממשלה הודיעה היום על תוכנית חדשה לכלכלה, עם צעדים להורדת האינפלציה ולעידוד התעסוקה באזורים"
                + " העניים של המדינה, כך אמר השר בישיבת הממשלה.";
        String indonesian = "Pemerintah mengumumkan rencana baru untuk ekonomi pada hari Senin, dengan langkah-langkah"
                + " untuk menurunkan inflasi dan mendorong lapangan kerja di daerah-daerah miskin, kata menteri.";
        String norwegian = "Regjeringen la i dag fram en ny plan for økonomien, med tiltak for å få ned prisveksten og"
                + " skape flere arbeidsplasser i distriktene, sa statsråden til pressen etter møtet.";

        org.assertj.core.api.Assertions.assertThat(detector.detect(hebrew).code()).isEqualTo("he");
        // never a withdrawn code (the JDK lists iw, in, ji beside he, id, yi)
        for (String text : List.of(hebrew, indonesian, norwegian)) {
            org.assertj.core.api.Assertions.assertThat(detector.detect(text).code())
                    .isNotIn(dev.newsflow.enrich.text.DetectedLanguage.WITHDRAWN.keySet());
        }
        for (String[] sample : samples) {
            org.assertj.core.api.Assertions.assertThat(detector.detect(sample[1]).code()).as(sample[0])
                    .isNotIn(dev.newsflow.enrich.text.DetectedLanguage.WITHDRAWN.keySet());
        }
        // a sender's "no", "he" or "id" weighs the language the detector names by another code
        org.assertj.core.api.Assertions.assertThat(detector.confidenceIn(norwegian, "no")).isPositive();
        org.assertj.core.api.Assertions.assertThat(detector.confidenceIn(hebrew, "he")).isPositive();
    }

    @BeforeAll
    static void loadModelAndTestSet() throws IOException {
        var model = OpenNlpLanguageDetector.loadBundledModel();
        detector = new OpenNlpLanguageDetector(model, OpenNlpLanguageDetector.DEFAULT_MAX_CHARS,
                OpenNlpLanguageDetector.DEFAULT_MIN_CONFIDENCE);
        reference = new LanguageDetectorME(model);
        samples = new ArrayList<>();
        try (var reader = new BufferedReader(new InputStreamReader(
                OpenNlpLanguageDetectorTest.class.getResourceAsStream(TEST_SET), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    samples.add(line.split("\t", 2));
                }
            }
        }
    }

    @Test
    void shouldHaveATestSetOfAtLeastAHundredParagraphsInTenLanguages() {
        Map<String, Long> perLanguage = samples.stream()
                .collect(Collectors.groupingBy(s -> s[0], TreeMap::new, Collectors.counting()));

        assertThat(samples).hasSizeGreaterThanOrEqualTo(100);
        assertThat(perLanguage).hasSizeGreaterThanOrEqualTo(10);
        assertThat(perLanguage.values()).allMatch(n -> n >= 10);
    }

    @Test
    void shouldTellChineseFromJapaneseByTheirScripts() {
        // the model alone scored these 0.036 and 0.029: "undetermined", and the English classifier filed them as sport
        assertThat(detector.detect("中国国家主席周三在北京会见了来访的法国总统。双方就贸易和气候变化等问题交换了意见。").code())
                .isEqualTo("zh");
        assertThat(detector.detect("東京都内の小学校で水曜日、大きな地震を想定した避難訓練が行われました。").code()).isEqualTo("ja");
        assertThat(detector.detect("きょうは あさから あめが ふって いました。").code()).isEqualTo("ja");
        assertThat(detector.detect("東京五輪の開幕").code()).isEqualTo("ja");
        assertThat(detector.detect("北京国际马拉松").code()).isEqualTo("zh");
        // a brand name's "の" in a long Chinese text does not make it Japanese
        assertThat(detector.detect("台北市政府週三宣布，「生活の良品」連鎖店將在明年擴大營業，並在全市增設二十家門市，市民反應熱烈。").code())
                .isEqualTo("zh");
        // a few characters in an English story, and Korean, stay with the model
        assertThat(detector.detect("The Beijing office (北京办事处) said on Tuesday that the talks with the French delegation"
                + " had ended without an agreement on tariffs.").code()).isEqualTo("en");
        assertThat(detector.detect("서울시장 선거가 다음 달에 열릴 예정이며 후보들은 교통과 주택 문제를 놓고 토론을 벌였다.").code())
                .isEqualTo("ko");
    }

    @Test
    void shouldDetectAtLeastNinetyNinePercentOfTheTestSet() {
        List<String> wrong = new ArrayList<>();
        for (String[] sample : samples) {
            DetectedLanguage detected = detector.detect(sample[1]);
            if (!detected.code().equals(sample[0])) {
                wrong.add(sample[0] + " as " + detected + ": " + sample[1]);
            }
        }
        double accuracy = 1.0 - (double) wrong.size() / samples.size();

        assertThat(accuracy).as("misdetected: %s", wrong).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void shouldAgreeWithOpenNlpsOwnDetectorOnTheTestSet() {
        int agree = 0;
        for (String[] sample : samples) {
            String ours = detector.detect(sample[1]).code();
            String theirs = detector.toIso1(reference.predictLanguage(sample[1]).getLang());
            if (ours.equals(theirs)) {
                agree++;
            }
        }

        assertThat((double) agree / samples.size()).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void shouldGiveTheSameProbabilitiesAsOpenNlpsMaxentModel() {
        var model = OpenNlpLanguageDetector.loadBundledModel().getMaxentModel();
        var compiled = new CompiledLanguageModel(model);
        for (String[] sample : samples) {
            String normal = NGramContext.normalise(sample[1]);

            assertThat(compiled.eval(normal)).containsExactly(model.eval(NGramContext.of(normal)), within(1e-6));
        }
    }

    @Test
    void shouldReadOnlyTheStartOfALongText() {
        String english = samples.stream().filter(s -> s[0].equals("en")).map(s -> s[1])
                .collect(Collectors.joining(" "));
        String german = samples.stream().filter(s -> s[0].equals("de")).map(s -> s[1])
                .collect(Collectors.joining(" "));

        assertThat(detector.detect(english + " " + german).code()).isEqualTo("en");
        String sample = OpenNlpLanguageDetector.sample(english, OpenNlpLanguageDetector.DEFAULT_MAX_CHARS);

        assertThat(sample).hasSizeLessThanOrEqualTo(OpenNlpLanguageDetector.DEFAULT_MAX_CHARS);
        assertThat(english).startsWith(sample);
        assertThat(english.charAt(sample.length())).isEqualTo(' ');
    }

    @Test
    void shouldAnswerUndeterminedForTextWithoutEnoughLetters() {
        assertThat(detector.detect("").code()).isEqualTo(DetectedLanguage.UNDETERMINED);
        assertThat(detector.detect(null).code()).isEqualTo(DetectedLanguage.UNDETERMINED);
        assertThat(detector.detect("12:30 — 3-1 (2-0) 🎉").code()).isEqualTo(DetectedLanguage.UNDETERMINED);
    }

    @Test
    void shouldMapTheModelsIsoSixThreeNineThreeCodes() {
        assertThat(detector.toIso1("eng")).isEqualTo("en");
        assertThat(detector.toIso1("deu")).isEqualTo("de");
        assertThat(detector.toIso1("cmn")).isEqualTo("zh");
        assertThat(detector.toIso1("pes")).isEqualTo("fa");
        assertThat(detector.toIso1("xxx")).isNull();
    }

    @Test
    void shouldSendArticlesNotInEnglishToReview() {
        ClassifierLanguages classifier = ClassifierLanguages.ENGLISH_ONLY;

        assertThat(classifier.needsReview(detector.detect(samples.get(0)[1]))).isFalse();
        assertThat(samples.stream().filter(s -> !s[0].equals("en"))
                .map(s -> classifier.needsReview(detector.detect(s[1])))).containsOnly(true);
        assertThat(classifier.needsReview(new DetectedLanguage(DetectedLanguage.UNDETERMINED, 0.0))).isFalse();
        assertThat(classifier.classifyAs(new DetectedLanguage(DetectedLanguage.UNDETERMINED, 0.0))).isNull();
        assertThat(classifier.classifyAs(new DetectedLanguage("de", 0.4))).isEqualTo("de");
    }

    @Test
    void shouldStripUrlsHandlesDigitsAndEmojiLikeOpenNlpsNormalisers() {
        assertThat(NGramContext.normalise("Seeee  https://x.org/a @bob #news 2024 🎉 Wow!!!"))
                .isEqualTo("see wow!!");
    }
}
