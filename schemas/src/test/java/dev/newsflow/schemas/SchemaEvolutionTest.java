package dev.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The evolution rules, checked in the build on the real history ({@link SchemaReleaseCheck} says what they are), and
 * each rule shown to fail on a broken history.
 */
class SchemaEvolutionTest {

    /**
     * Every record type the pipeline writes: the type argument of each serde in {@link Serdes}, so a new one is
     * checked without being listed here. Read without initialising {@code Serdes}, whose serdes refuse an
     * unreleased schema: this test is what explains how to release it.
     */
    static Stream<Schema> currentSchemas() throws ClassNotFoundException {
        Class<?> serdes = Class.forName(Serdes.class.getName(), false, SchemaEvolutionTest.class.getClassLoader());
        return Arrays.stream(serdes.getDeclaredFields())
                .filter(f -> f.getType() == AvroSerde.class)
                .map(SchemaEvolutionTest::recordSchema);
    }

    private static Schema recordSchema(Field serde) {
        Class<?> type = (Class<?>) ((ParameterizedType) serde.getGenericType()).getActualTypeArguments()[0];
        try {
            return (Schema) type.getMethod("getClassSchema").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " is not an Avro record class", e);
        }
    }

    @Test
    void shouldFindEveryRecordTypeThePipelineWrites() throws ClassNotFoundException {
        assertThat(currentSchemas().map(Schema::getName)).containsExactlyInAnyOrder("RawArticle", "EnrichedArticle",
                "Post", "DeadLetter");
    }

    @ParameterizedTest
    @MethodSource("currentSchemas")
    void shouldKeepTheCurrentSchemaAsTheLatestReleasedVersion(Schema current) {
        assertThat(SchemaReleaseCheck.currentIsReleased(current, SchemaHistory.released(current.getName()))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("currentSchemas")
    void shouldReadEveryOlderReleasedVersionAndKeepLogicalTypes(Schema current) {
        assertThat(SchemaReleaseCheck.versionsEvolveSafely(current.getName(), SchemaHistory.released(current.getName())))
                .isEmpty();
    }

    @Test
    void shouldNeverChangeAReleasedFile() throws IOException, URISyntaxException {
        Path root = Path.of(SchemaHistory.class.getResource(SchemaHistory.LOCK).toURI()).getParent();
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.filter(p -> p.toString().endsWith(".avsc")).forEach(p -> files.put(
                    root.relativize(p).toString().replace('\\', '/'), read(p)));
        }
        assertThat(files).isNotEmpty();
        assertThat(SchemaReleaseCheck.releasedFilesUnchanged(files, Files.readString(root.resolve("released.sha256"))))
                .isEmpty();
    }

    @Test
    void shouldRefuseToWriteAnUnreleasedSchema() {
        assertThat(SchemaHistory.versionOf(Serdes.POST.schema())).isEqualTo(SchemaHistory.released("Post").size());
        Schema unreleased = parse(Serdes.POST.schema().toString().replace("\"name\":\"slug\"", "\"name\":\"path\""));
        assertThat(SchemaHistory.versionOf(unreleased)).isZero();
    }

    // --- each rule fails on a broken history ---

    private static final String V1 = """
            {"type":"record","name":"Story","namespace":"t","fields":[
              {"name":"id","type":"string","doc":"the id"},
              {"name":"at","type":{"type":"long","logicalType":"timestamp-millis"}},
              {"name":"kind","type":{"type":"enum","name":"Kind","symbols":["A","B"],"default":"A"},"default":"A"},
              {"name":"note","type":["null","string"],"default":null}]}""";

    @Test
    void shouldAcceptAChangedDocWithoutARelease() {
        assertThat(SchemaReleaseCheck.currentIsReleased(parse(V1.replace("the id", "the story's id")), List.of(parse(V1))))
                .isEmpty();
    }

    @Test
    void shouldAskForAReleaseWhenOnlyADefaultChanged() {
        // Avro's fingerprint ignores defaults, yet readers fill them in
        assertThat(SchemaReleaseCheck.currentIsReleased(parse(V1.replace("\"default\":null", "\"default\":null,\"order\":\"ignore\"")
                .replace("[\"null\",\"string\"],\"default\":null", "[\"string\",\"null\"],\"default\":\"\"")), List.of(parse(V1))))
                .singleElement().asString().contains("Story changed but was not released", "Story/v2.avsc");
    }

    @Test
    void shouldAskForAReleaseWhenOnlyAnEnumDefaultChanged() {
        assertThat(SchemaReleaseCheck.currentIsReleased(parse(V1.replace("\"B\"],\"default\":\"A\"", "\"B\"],\"default\":\"B\"")),
                List.of(parse(V1)))).singleElement().asString().contains("not released");
    }

    @Test
    void shouldAskForAFirstRelease() {
        assertThat(SchemaReleaseCheck.currentIsReleased(parse(V1), List.of()))
                .singleElement().asString().contains("Story has no released version", "Story/v1.avsc");
    }

    @Test
    void shouldRefuseAFieldAddedWithoutADefault() {
        Schema v2 = parse(V1.replace("\"fields\":[", "\"fields\":[{\"name\":\"mustHave\",\"type\":\"string\"},"));
        assertThat(SchemaReleaseCheck.versionsEvolveSafely("Story", List.of(parse(V1), v2)))
                .singleElement().asString().contains("v2 cannot read data written with v1", "mustHave");
    }

    @Test
    void shouldRefuseALogicalTypeChangeThatAvroCallsCompatible() {
        Schema v2 = parse(V1.replace("timestamp-millis", "timestamp-micros"));
        Schema v3 = parse(V1.replace("\"doc\":\"the id\"", "\"doc\":\"x\""));
        assertThat(SchemaReleaseCheck.versionsEvolveSafely("Story", List.of(parse(V1), v2, v3)))
                .hasSize(2) // v2 and v3 against v1
                .allSatisfy(p -> assertThat(p).contains("changes the logical type of Story.at (long)"));
    }

    @Test
    void shouldAcceptAnOptionalFieldAddedAndARenamedDocButRefuseMakingARequiredFieldOptional() {
        Schema added = parse(V1.replace("\"fields\":[", "\"fields\":[{\"name\":\"extra\",\"type\":[\"null\",\"string\"],\"default\":null},"));
        assertThat(SchemaReleaseCheck.versionsEvolveSafely("Story", List.of(parse(V1), added))).isEmpty();

        // a consumer still on v1 expects a long and would fail on the first null
        Schema optional = parse(V1.replace("{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}}",
                "[\"null\",{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}],\"default\":null}"));
        assertThat(SchemaReleaseCheck.versionsEvolveSafely("Story", List.of(parse(V1), optional)))
                .singleElement().asString().contains("v2 cannot be read by a consumer still on v1");
    }

    @Test
    void shouldRefuseAFieldRemovedThatOlderReadersNeed() {
        Schema v2 = parse(V1.replace("{\"name\":\"id\",\"type\":\"string\",\"doc\":\"the id\"},", ""));
        assertThat(SchemaReleaseCheck.versionsEvolveSafely("Story", List.of(parse(V1), v2))).satisfiesExactly(
                p -> assertThat(p).contains("v2 cannot be read by a consumer still on v1", "message:id"),
                p -> assertThat(p).contains("v2 removes or renames Story.id"));
    }

    @Test
    void shouldRefuseWhatAvroCallsCompatibleButBlanksAFieldForOlderReaders() {
        List<Schema> removed = List.of(parse(V1), parse(V1.replace(",\n  {\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}", "")));
        List<Schema> renamed = List.of(parse(V1), parse(V1.replace("\"note\"", "\"remark\",\"aliases\":[\"note\"]")));
        List<Schema> noDefault = List.of(parse(V1), parse(V1.replace("\"symbols\":[\"A\",\"B\"],\"default\":\"A\"},\"default\":\"A\"",
                "\"symbols\":[\"A\",\"B\"],\"default\":\"A\"}")));
        List<Schema> bytes = List.of(parse(V1), parse(V1.replace("[\"null\",\"string\"]", "[\"null\",\"bytes\"]")));
        List<Schema> lostSymbol = List.of(parse(V1), parse(V1.replace("\"symbols\":[\"A\",\"B\"]", "\"symbols\":[\"A\"]")));

        // Avro's own check passes each of these, in both directions
        for (List<Schema> pair : List.of(removed, renamed, noDefault, bytes, lostSymbol)) {
            assertThat(SchemaCompatibility.checkReaderWriterCompatibility(pair.get(0), pair.get(1)).getType())
                    .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
            assertThat(SchemaCompatibility.checkReaderWriterCompatibility(pair.get(1), pair.get(0)).getType())
                    .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
        }
        assertThat(SchemaReleaseCheck.versionsEvolveSafely("Story", removed))
                .singleElement().asString().contains("v2 removes or renames Story.note", "still on v1");
        assertThat(SchemaReleaseCheck.versionsEvolveSafely("Story", renamed))
                .singleElement().asString().contains("v2 removes or renames Story.note");
        assertThat(SchemaReleaseCheck.versionsEvolveSafely("Story", noDefault))
                .singleElement().asString().contains("v2 drops the default of Story.kind");
        assertThat(SchemaReleaseCheck.versionsEvolveSafely("Story", bytes))
                .singleElement().asString().contains("v2 changes the type of Story.note from [string] to [bytes]");
        assertThat(SchemaReleaseCheck.versionsEvolveSafely("Story", lostSymbol))
                .singleElement().asString().contains("v2 removes [B] from enum t.Kind");
    }

    @Test
    void shouldLetOnlyAnEnumWhoseDefaultIsUnknownGainSymbols() {
        Schema grown = parse(V1.replace("\"symbols\":[\"A\",\"B\"]", "\"symbols\":[\"A\",\"B\",\"C\"]"));
        assertThat(SchemaReleaseCheck.versionsEvolveSafely("Story", List.of(parse(V1), grown)))
                .singleElement().asString().contains("v2 adds [C] to enum t.Kind", "still on v1 reads as A");

        String withUnknown = V1.replace("\"symbols\":[\"A\",\"B\"],\"default\":\"A\"",
                "\"symbols\":[\"UNKNOWN\",\"A\",\"B\"],\"default\":\"UNKNOWN\"");
        Schema unknownGrown = parse(withUnknown.replace("\"B\"]", "\"B\",\"C\"]"));
        assertThat(SchemaReleaseCheck.versionsEvolveSafely("Story", List.of(parse(withUnknown), unknownGrown))).isEmpty();
    }

    @Test
    void shouldRefuseAnEditedUnpinnedOrMissingReleasedFile() {
        byte[] v1 = V1.getBytes(StandardCharsets.UTF_8);
        String lock = "# comment\n" + SchemaReleaseCheck.sha256(v1) + "  Story/v1.avsc\n";
        assertThat(SchemaReleaseCheck.releasedFilesUnchanged(Map.of("Story/v1.avsc", v1), lock)).isEmpty();

        assertThat(SchemaReleaseCheck.releasedFilesUnchanged(Map.of("Story/v1.avsc", (V1 + " ").getBytes(StandardCharsets.UTF_8)), lock))
                .singleElement().asString().contains("Story/v1.avsc was edited after its release");
        assertThat(SchemaReleaseCheck.releasedFilesUnchanged(Map.of("Story/v1.avsc", v1, "Story/v2.avsc", v1), lock))
                .singleElement().asString().contains("Story/v2.avsc is not pinned", SchemaReleaseCheck.sha256(v1));
        assertThat(SchemaReleaseCheck.releasedFilesUnchanged(Map.of(), lock))
                .singleElement().asString().contains("Story/v1.avsc is pinned", "but missing");
    }

    @Test
    void shouldRefuseToBuildASerdeForAnUnreleasedSchema() {
        assertThatThrownBy(() -> AvroSerde.of(dev.newsflow.schemas.avro.Subject.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Subject is not a released schema version");
    }

    private static Schema parse(String json) {
        return new Schema.Parser().parse(json);
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
