package dev.newsflow.enrich.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class WordEmbeddingsTest {

    private final WordEmbeddings embeddings = WordEmbeddings.bundled();

    private long[] clusters(String word) {
        return embeddings.withClusterFeatures(Tokenizer.tokenize(word), new long[0]);
    }

    @Test
    void shouldGiveRelatedWordsTheSameClusterFeatures() {
        assertThat(clusters("Monday")).hasSize(3).containsExactly(clusters("tuesday"));
        assertThat(clusters("striker")).doesNotContain(clusters("monday"));
    }

    @Test
    void shouldGiveNoClusterFeaturesForUnknownWords() {
        assertThat(clusters("qqzxvw")).isEmpty();
        long[] features = {1L, 2L};
        assertThat(embeddings.withClusterFeatures(Tokenizer.tokenize("qqzxvw monday"), features))
                .hasSize(5).startsWith(1L, 2L);
    }

    @Test
    void shouldGiveAShortItemAMeanVectorOfTheDenseScaleLength() {
        float[] mean = embeddings.meanVector(Tokenizer.tokenize("Shares in the chip maker rose on Monday"));
        double norm = 0;
        for (float x : mean) {
            norm += x * x;
        }

        assertThat(mean).hasSize(WordEmbeddings.DIMENSIONS);
        assertThat(Math.sqrt(norm)).isCloseTo(WordEmbeddings.DENSE_SCALE, within(1e-4));
        assertThat(embeddings.meanVector(Tokenizer.tokenize("qqzxvw"))).isNull();
    }

    @Test
    void shouldGiveDenseFeaturesToShortItemsOnly() {
        String item = "shares in the chip maker rose ";
        Vectorizer vectorizer = new Vectorizer(18);
        TermCounts shortCounts = vectorizer.count(Tokenizer.tokenize(item));
        TermCounts articleCounts = vectorizer.count(Tokenizer.tokenize(item.repeat(20)));

        assertThat(shortCounts.dense()).hasSize(WordEmbeddings.DIMENSIONS);
        assertThat(articleCounts.dense()).isNull();
        SparseVector x = vectorizer.weigh(shortCounts, new float[vectorizer.dimensions()]);
        assertThat(x.indices()).endsWith(vectorizer.dimensions() + WordEmbeddings.DIMENSIONS - 1);
    }

    @Test
    void shouldGiveAnArticleTheMeanVectorOfItsHeadlineAndFirstParagraph() {
        String lead = "Chip maker's shares rise\nShares in the chip maker rose on Monday after strong sales.";
        String text = lead + "\n\n" + "The company said demand for its processors was higher than expected. ".repeat(20);
        long[] tokens = Tokenizer.tokenize(text);
        Vectorizer vectorizer = new Vectorizer(18);

        TermCounts counts = vectorizer.count(text, tokens, Tokenizer.features(text, tokens));

        assertThat(tokens.length).isGreaterThanOrEqualTo(CategoryModel.DEFAULT_SHORT_TEXT_TOKENS);
        assertThat(counts.dense()).containsExactly(embeddings.meanVector(Tokenizer.tokenize(lead)));
        assertThat(counts.indices()).containsExactly(vectorizer.count(tokens, Tokenizer.features(text, tokens)).indices());
        String noParagraphs = text.replace("\n\n", " ");
        long[] all = Tokenizer.tokenize(noParagraphs);
        assertThat(vectorizer.count(noParagraphs, all, Tokenizer.features(noParagraphs, all)).dense()) // the first 100 tokens
                .containsExactly(embeddings.meanVector(java.util.Arrays.copyOf(all, Vectorizer.LEAD_TOKENS)));
    }

    @Test
    void shouldNameTheTableAndLineOfABadClusterLine() throws Exception {
        byte[] clusters = gzip("# word\tc256\tc1024\tc4096\nthe\t1\t2\t3\nbroken line without tabs\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> WordEmbeddings.load(new ByteArrayInputStream(clusters), new ByteArrayInputStream(vectors(1))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(WordEmbeddings.CLUSTERS_RESOURCE).hasMessageContaining("line 3");
    }

    @Test
    void shouldRefuseAVectorTableWithoutVectors() throws Exception {
        byte[] clusters = gzip("the\t1\t2\t3\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> WordEmbeddings.load(new ByteArrayInputStream(clusters), new ByteArrayInputStream(vectors(0))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(WordEmbeddings.VECTORS_RESOURCE).hasMessageContaining("no vectors");
    }

    @Test
    void shouldLoadAWellFormedTinyTable() throws Exception {
        byte[] clusters = gzip("the\t1\t2\t3\nmarket\t4\t5\t6\n".getBytes(StandardCharsets.UTF_8));

        assertThat(WordEmbeddings.load(new ByteArrayInputStream(clusters), new ByteArrayInputStream(vectors(2)))).isNotNull();
    }

    /** A vector table as word-clusters.py writes it: magic, count, dimensions, then per word a float scale and bytes. */
    private static byte[] vectors(int count) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(raw);
        out.writeInt(0x4E465756);
        out.writeInt(count);
        out.writeInt(WordEmbeddings.DIMENSIONS);
        for (int w = 0; w < count; w++) {
            out.write(new byte[] {0, 0, (byte) 0x80, 0x3F}); // 1.0f little-endian
            out.write(new byte[WordEmbeddings.DIMENSIONS]);
        }
        out.flush();
        return gzip(raw.toByteArray());
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
