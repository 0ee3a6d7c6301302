package dev.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schemas.avro.DeadLetter;
import dev.newsflow.schemas.avro.EnrichedArticle;
import dev.newsflow.schemas.avro.Post;
import dev.newsflow.schemas.avro.RawArticle;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The evolution rules, checked in the build: every schema in use is a released version kept in history, and
 * each version can read data written by every older one (backward compatibility, transitively).
 */
class SchemaEvolutionTest {

    static Stream<Schema> currentSchemas() {
        return Stream.of(RawArticle.getClassSchema(), EnrichedArticle.getClassSchema(),
                Post.getClassSchema(), DeadLetter.getClassSchema());
    }

    @ParameterizedTest
    @MethodSource("currentSchemas")
    void shouldKeepTheCurrentSchemaAsTheLatestReleasedVersion(Schema current) {
        List<Schema> released = SchemaHistory.released(current.getName());
        assertThat(released).as("released versions of %s", current.getName()).isNotEmpty();
        Schema latest = released.get(released.size() - 1);
        assertThat(SchemaNormalization.parsingFingerprint64(current))
                .as("%s changed but was not released: save this schema as %s%n%s", current.getName(),
                        SchemaHistory.resource(current.getName(), released.size() + 1), current.toString(true))
                .isEqualTo(SchemaNormalization.parsingFingerprint64(latest));
        // the fingerprint ignores defaults, and a changed default changes what readers fill in: compare them too
        assertThat(current).as("%s changed a default but was not released: save this schema as %s%n%s", current.getName(),
                SchemaHistory.resource(current.getName(), released.size() + 1), current.toString(true)).isEqualTo(latest);
    }

    @ParameterizedTest
    @MethodSource("currentSchemas")
    void shouldReadEveryOlderReleasedVersion(Schema current) {
        List<Schema> released = SchemaHistory.released(current.getName());
        for (int reader = 0; reader < released.size(); reader++) {
            for (int writer = 0; writer <= reader; writer++) {
                var result = SchemaCompatibility.checkReaderWriterCompatibility(released.get(reader), released.get(writer));
                assertThat(result.getType())
                        .as("%s v%d must read data written with v%d: %s", current.getName(), reader + 1, writer + 1,
                                result.getResult().getIncompatibilities())
                        .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void shouldFlagAFieldAddedWithoutADefaultAsIncompatible() {
        Schema v1 = Post.getClassSchema();
        Schema broken = new Schema.Parser().parse(v1.toString().replaceFirst(
                "\\{\"name\":\"id\"", "{\"name\":\"mustHave\",\"type\":\"string\"},{\"name\":\"id\""));

        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(broken, v1).getType())
                .isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }
}
