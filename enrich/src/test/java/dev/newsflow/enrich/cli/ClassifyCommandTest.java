package dev.newsflow.enrich.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClassifyCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int exitCode, String out) {
    }

    private static Run classify(String stdin, String... args) {
        ClassifyCommand command = new ClassifyCommand();
        command.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        StringWriter out = new StringWriter();
        int exitCode = new CommandLine(command).setOut(new PrintWriter(out)).execute(args);
        return new Run(exitCode, out.toString());
    }

    @Test
    void shouldExitTwoForAModelOrEvalFileThatIsNotThere() {
        // 1 means "some lines were errors": a missing file is a bad option
        assertThat(classify("", "--model", "/nonexistent/model.bin").exitCode()).isEqualTo(2);
        assertThat(classify("", "--eval", "/nonexistent/labelled.ndjson").exitCode()).isEqualTo(2);
    }

    @Test
    void shouldWriteOneLinePerArticleInInputOrderWithPrimaryFirst() throws Exception {
        String input = """
                {"id":"s1","title":"Champions win the final","body":"<p>The captain lifted the trophy after his side won the cup final 3-0, with the striker scoring twice.</p>"}
                {"id":7,"title":"","body":"Shares fell sharply as the bank reported lower quarterly profits and cut its dividend."}
                """;

        Run run = classify(input);

        List<String> lines = run.out().lines().toList();
        assertThat(run.exitCode()).isZero();
        assertThat(lines).hasSize(2);
        JsonNode first = JSON.readTree(lines.get(0));
        JsonNode second = JSON.readTree(lines.get(1));
        assertThat(first.get("id").asText()).isEqualTo("s1");
        assertThat(first.get("categories").get(0).get("code").asText()).isEqualTo("medtop:15000000");
        assertThat(first.get("categories").get(0).get("label").asText()).isEqualTo("sport");
        assertThat(first.get("categories").get(0).get("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(first.get("review").isBoolean()).isTrue();
        assertThat(second.get("id").asInt()).isEqualTo(7);
        assertThat(second.get("categories").get(0).get("code").asText()).isEqualTo("medtop:04000000");
    }

    @Test
    void shouldReadTheIngestApisFieldNamesToo() throws Exception {
        Run api = classify("{\"uri\":\"u1\",\"headline\":\"Striker scores hat-trick as United win derby\",\"body\":\"x\"}\n");
        Run classic = classify("{\"id\":\"u1\",\"title\":\"Striker scores hat-trick as United win derby\",\"body\":\"x\"}\n");

        JsonNode line = JSON.readTree(api.out().strip());
        assertThat(line.get("id").asText()).isEqualTo("u1");
        assertThat(line.get("categories").get(0).get("label").asText()).isEqualTo("sport");
        assertThat(api.out()).isEqualTo(classic.out());
    }

    @Test
    void shouldReportAMalformedLineAndGoOnWithANonZeroExitCode() throws Exception {
        Run run = classify("{\"id\":\"a\",\"body\":\"The striker scored in the league match.\"}\nnot json\n[1]\n{\"id\":\"b\",\"body\":\"The minister lost the vote in parliament.\"}\n");

        List<String> lines = run.out().lines().toList();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(lines).hasSize(4);
        assertThat(JSON.readTree(lines.get(1)).get("line").asInt()).isEqualTo(2);
        assertThat(JSON.readTree(lines.get(1)).get("error").asText()).isNotBlank();
        assertThat(JSON.readTree(lines.get(2)).get("line").asInt()).isEqualTo(3);
        assertThat(JSON.readTree(lines.get(3)).get("id").asText()).isEqualTo("b");
    }

    @Test
    void shouldClassifyAnArticleWhoseHtmlIsNestedThousandsDeepAndKeepTheOthers() throws Exception {
        // the extractor walks the tree iteratively: recursion overflowed the stack at about 5,000 levels
        String deep = "<div>".repeat(20_000) + "The striker scored twice in the cup final." + "</div>".repeat(20_000);
        String input = "{\"id\":\"a\",\"body\":\"The striker scored in the league match.\"}\n"
                + "{\"id\":\"deep\",\"body\":\"" + deep + "\"}\n"
                + "{\"id\":\"b\",\"body\":\"The minister lost the vote in parliament.\"}\n";

        Run run = classify(input);

        List<String> lines = run.out().lines().toList();
        assertThat(run.exitCode()).isZero();
        assertThat(lines).hasSize(3);
        assertThat(JSON.readTree(lines.get(1)).get("id").asText()).isEqualTo("deep");
        assertThat(JSON.readTree(lines.get(1)).get("categories").get(0).get("label").asText()).isEqualTo("sport");
        assertThat(JSON.readTree(lines.get(2)).get("id").asText()).isEqualTo("b");
    }

    @Test
    void shouldAnswerALineThatIsTooLongOrNotUtf8WithAnErrorLineAndGoOn() throws Exception {
        java.io.ByteArrayOutputStream input = new java.io.ByteArrayOutputStream();
        input.writeBytes("{\"id\":\"latin1\",\"body\":\"caf".getBytes(StandardCharsets.UTF_8));
        input.write(0xE9); // a Latin-1 export
        input.writeBytes(("\"}\n{\"id\":\"huge\",\"body\":\"" + "a".repeat(ClassifyCommand.MAX_LINE_BYTES) + "\"}\n"
                + "{\"id\":\"b\",\"body\":\"The minister lost the vote in parliament.\"}\n").getBytes(StandardCharsets.UTF_8));
        ClassifyCommand command = new ClassifyCommand();
        command.stdin = new java.io.ByteArrayInputStream(input.toByteArray());
        StringWriter out = new StringWriter();

        int exitCode = new CommandLine(command).setOut(new PrintWriter(out)).execute();

        List<String> lines = out.toString().lines().toList();
        assertThat(exitCode).isEqualTo(1);
        assertThat(lines).hasSize(3);
        assertThat(JSON.readTree(lines.get(0)).get("error").asText()).contains("not valid UTF-8");
        assertThat(JSON.readTree(lines.get(1)).get("line").asInt()).isEqualTo(2);
        assertThat(JSON.readTree(lines.get(1)).get("error").asText()).contains("longer than " + ClassifyCommand.MAX_LINE_BYTES);
        assertThat(JSON.readTree(lines.get(2)).get("id").asText()).isEqualTo("b");
    }

    @Test
    void shouldRefuseTwoDocumentsOnOneLineAndReadPastAByteOrderMark() throws Exception {
        Run run = classify("\uFEFF{\"id\":\"a\",\"body\":\"The striker scored in the league match.\"}\n"
                + "{\"id\":\"b\",\"body\":\"x\"} {\"id\":\"c\",\"body\":\"y\"}\n");

        List<String> lines = run.out().lines().toList();
        assertThat(JSON.readTree(lines.get(0)).get("id").asText()).isEqualTo("a");
        assertThat(JSON.readTree(lines.get(1)).get("line").asInt()).isEqualTo(2);
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void shouldNameTheLineOfALabelledFileThatIsNotJsonAndRefuseAnEmptyOne(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.ndjson"), "{\"label\":\"Sports\",\"body\":\"goal\"}\n{oops\n");
        Path empty = Files.writeString(dir.resolve("empty.ndjson"), "\n");
        StringWriter err = new StringWriter();

        int brokenExit = new CommandLine(new ClassifyCommand()).setErr(new PrintWriter(err)).execute("--eval", broken.toString());
        int emptyExit = new CommandLine(new ClassifyCommand()).setErr(new PrintWriter(err)).execute("--eval", empty.toString());

        assertThat(brokenExit).isEqualTo(2);
        assertThat(emptyExit).isEqualTo(2);
        assertThat(err.toString()).contains("broken.ndjson line 2: not valid JSON").contains("holds no labelled articles");
    }

    @Test
    void shouldExplainDecisionsAndFlagUnsupportedLanguages() throws Exception {
        Run run = classify("{\"id\":\"fr\",\"title\":\"Le match\",\"body\":\"Le club a gagné le match.\",\"language\":\"fr\"}\n", "--explain");

        JsonNode line = JSON.readTree(run.out().lines().findFirst().orElseThrow());
        assertThat(line.get("review").asBoolean()).isTrue();
        assertThat(line.get("reviewReasons").get(0).asText()).isEqualTo("unsupported-language");
        assertThat(line.get("categories")).isEmpty();
    }

    @Test
    void shouldScoreALabelledFileWithAccuracyMacroF1AndConfusionMatrix(@TempDir Path dir) throws Exception {
        Path labelled = dir.resolve("labelled.ndjson");
        Files.writeString(labelled, """
                {"id":"1","label":"Sports","title":"","body":"The striker scored twice as the home side won the league match."}
                {"id":"2","label":"Business","title":"","body":"Shares in the carmaker rose after quarterly profits beat forecasts."}
                {"id":"3","label":"World","title":"","body":"Rebels and government troops agreed a ceasefire after talks brokered by the United Nations."}
                """);

        Run run = classify("", "--eval", labelled.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("AG buckets").contains("accuracy=").contains("macro-F1=").contains("gold\\pred")
                .contains("other").contains("sport");
    }

    @Test
    void shouldReadTheThresholdFromTheEnvironmentLetAFlagWinAndNameABadSetting() throws Exception {
        String input = "{\"id\":\"a\",\"body\":\"The striker scored in the league match.\"}\n";

        Run strict = classifyWith(Map.of("NEWSFLOW_CLASSIFIER_REVIEW_THRESHOLD", "1.0"), input);
        Run flagWins = classifyWith(Map.of("NEWSFLOW_CLASSIFIER_REVIEW_THRESHOLD", "1.0"), input, "--review-threshold", "0");
        StringWriter err = new StringWriter();
        ClassifyCommand bad = new ClassifyCommand();
        bad.environment = Map.of("NEWSFLOW_CLASSIFIER_REVIEW_THRESHOLD", "2");
        bad.stdin = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
        int badExit = new CommandLine(bad).setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err)).execute();

        assertThat(JSON.readTree(strict.out().strip()).get("review").asBoolean()).isTrue(); // nothing is 1.0 sure
        assertThat(JSON.readTree(flagWins.out().strip()).get("review").asBoolean()).isFalse();
        assertThat(badExit).isEqualTo(2); // a usage error, not "some lines failed"
        assertThat(err.toString()).contains("classifier.review.threshold").contains("must be in [0, 1]");
    }

    private static Run classifyWith(Map<String, String> environment, String stdin, String... args) {
        ClassifyCommand command = new ClassifyCommand();
        command.environment = environment;
        command.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        StringWriter out = new StringWriter();
        int exitCode = new CommandLine(command).setOut(new PrintWriter(out)).execute(args);
        return new Run(exitCode, out.toString());
    }
}
