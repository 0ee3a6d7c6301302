package dev.newsflow.enrich.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class TrainCommandTest {

    private static final String[][] WORDS = {
            {"sport", "match goal striker league coach season cup referee"},
            {"business", "shares profit market investors bank prices sales quarter"},
            {"tech", "software computer internet users phone digital network chip"}};

    /** A generated labelled file: words drawn per label, no real article text. */
    private static void writeCorpus(Path file) throws Exception {
        Files.writeString(file, lines(WORDS, null, 30, new Random(5)));
    }

    /**
     * 20 NDJSON lines per group ({@code {name, words}}), ids {@code name-i}, labelled {@code label} or, if null, the
     * group's name; each body {@code length} words, half of them drawn from the group's words.
     */
    private static String lines(String[][] groups, String label, int length, Random random) {
        StringBuilder lines = new StringBuilder();
        for (String[] group : groups) {
            String[] words = group[1].split(" ");
            for (int i = 0; i < 20; i++) {
                StringBuilder body = new StringBuilder();
                for (int w = 0; w < length; w++) {
                    body.append(random.nextBoolean() ? words[random.nextInt(words.length)] : "the").append(' ');
                }
                lines.append(String.format("{\"id\":\"%s-%d\",\"label\":\"%s\",\"title\":\"\",\"body\":\"%s\"}%n",
                        group[0], i, label == null ? group[0] : label, body));
            }
        }
        return lines.toString();
    }

    private static String train(Path data, Path out, String... more) {
        StringWriter console = new StringWriter();
        List<String> args = new ArrayList<>(List.of("--data", data.toString(), "--out", out.toString(), "--folds", "2", "--hash-bits", "14"));
        args.addAll(List.of(more));
        int exitCode = new CommandLine(new TrainCommand()).setOut(new PrintWriter(console)).execute(args.toArray(String[]::new));
        assertThat(exitCode).isZero();
        return console.toString();
    }

    @Test
    void shouldTrainAndCrossValidateTheWorldRefinerOnOurLabelsOfWorldItems(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        writeCorpus(data.resolve("synthetic.jsonl"));
        String[][] world = {{"politics", "minister election parliament party vote talks"},
                {"conflict-war-peace", "troops militants bomb rebels soldiers army"}};
        StringBuilder labels = new StringBuilder("# our labels\n");
        for (String[] topic : world) {
            for (int i = 0; i < 20; i++) {
                labels.append(topic[0]).append('-').append(i).append('\t').append(topic[0]).append('\n');
            }
        }
        Files.writeString(data.resolve("world.jsonl"), lines(world, "World", 20, new Random(9)));
        Path labelFile = Files.writeString(dir.resolve("world-topics.tsv"), labels);

        String report = train(data, dir.resolve("w.model"), "--world-topics", labelFile.toString());

        assertThat(report).contains("read world.jsonl: 40 articles (40 World items with our Media Topic label)")
                .contains("AG World items, exact Media Topic against our labels (World refiner): n=40")
                .contains("without the World refiner, lexicon rule only").containsPattern("articles [0-9.]+, World refiner [0-9.]+");
        assertThat(dev.newsflow.enrich.classify.CategoryModel.fromBytes(Files.readAllBytes(dir.resolve("w.model"))).worldRefiner())
                .isNotNull();
    }

    @Test
    void shouldNameALabelledLineWithoutWordsInsteadOfFailingInCrossValidation(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        writeCorpus(data.resolve("set.jsonl"));
        Files.writeString(data.resolve("set.jsonl"), "{\"id\":\"img\",\"label\":\"sport\",\"title\":\"\",\"body\":\"<img src=x>\"}\n",
                java.nio.file.StandardOpenOption.APPEND);
        StringWriter err = new StringWriter();

        int exitCode = new CommandLine(new TrainCommand()).setErr(new PrintWriter(err)).setOut(new PrintWriter(new StringWriter()))
                .execute("--data", data.toString(), "--out", dir.resolve("m").toString(), "--folds", "2", "--hash-bits", "14");

        assertThat(exitCode).isNotZero();
        assertThat(err.toString()).contains("set.jsonl line 61: no words");
    }

    @Test
    void shouldWriteByteIdenticalModelsFromTheSameDataAndPrintCrossValidatedScores(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        writeCorpus(data.resolve("synthetic.jsonl"));

        String report = train(data, dir.resolve("a.model"));
        train(data, dir.resolve("b.model"));

        assertThat(Files.readAllBytes(dir.resolve("b.model"))).isEqualTo(Files.readAllBytes(dir.resolve("a.model")));
        assertThat(report).contains("synthetic: n=60 accuracy=").contains("macro-F1=").contains("review threshold")
                .contains("lexicon takes the primary when model confidence < T1").contains("  off ")
                .doesNotContain("World refiner").doesNotContain("World labels matched");
    }
}
