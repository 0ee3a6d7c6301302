package dev.newsflow.enrich.classify;

import dev.newsflow.schemas.MediaTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorldTopicLabelsTest {

    @Test
    void shouldReadIdPrimaryTopicAndDigestAndSkipCommentsAndSecondaries() throws IOException {
        Map<String, WorldTopicLabels.Label> labels = WorldTopicLabels.parse(new StringReader(
                "# our labels\nag-1\tconflict-war-peace\tpolitics\t0123456789ab\n\nag-2\tpolitics\t\n"), "test");

        assertThat(labels).containsExactly(
                Map.entry("ag-1", new WorldTopicLabels.Label(MediaTopic.CONFLICT_WAR_PEACE, "0123456789ab")),
                Map.entry("ag-2", new WorldTopicLabels.Label(MediaTopic.POLITICS, null)));
    }

    @Test
    void shouldTellWhetherALabelWasMadeForAText() {
        String body = "Rebels attacked a convoy near the border.";
        WorldTopicLabels.Label label = new WorldTopicLabels.Label(MediaTopic.CONFLICT_WAR_PEACE, WorldTopicLabels.digest(body).substring(0, 12));

        assertThat(label.isFor(body)).isTrue();
        assertThat(label.isFor(body + " ")).isFalse();
        assertThat(new WorldTopicLabels.Label(MediaTopic.POLITICS, null).isFor("anything")).isTrue();
    }

    @Test
    void shouldNameTheLineOfAnUnknownTopicOrARepeatedId() {
        assertThatThrownBy(() -> WorldTopicLabels.parse(new StringReader("ag-1\tpolitics\nag-2\twar\n"), "labels.tsv"))
                .isInstanceOf(IOException.class).hasMessageContaining("labels.tsv line 2").hasMessageContaining("'war'");
        assertThatThrownBy(() -> WorldTopicLabels.parse(new StringReader("ag-1\tpolitics\nag-1\tsport\n"), "labels.tsv"))
                .isInstanceOf(IOException.class).hasMessageContaining("line 2").hasMessageContaining("twice");
        assertThatThrownBy(() -> WorldTopicLabels.parse(new StringReader("ag-1 politics\n"), "labels.tsv"))
                .isInstanceOf(IOException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> WorldTopicLabels.parse(new StringReader("ag-1\tpolitics\t\tXYZ\n"), "labels.tsv"))
                .isInstanceOf(IOException.class).hasMessageContaining("line 1").hasMessageContaining("digest");
    }

    @Test
    void shouldBundleALabelForEveryAgWorldItemOfTheTrainingSample() {
        Map<String, WorldTopicLabels.Label> labels = WorldTopicLabels.loadDefault();

        assertThat(labels).hasSize(1995);
        assertThat(labels.keySet()).allMatch(id -> id.startsWith("ag-train-"));
        assertThat(labels.values()).allMatch(l -> l.textDigest() != null);
        assertThat(labels.values()).extracting(WorldTopicLabels.Label::topic).contains(MediaTopic.POLITICS,
                MediaTopic.CONFLICT_WAR_PEACE, MediaTopic.CRIME_LAW_JUSTICE, MediaTopic.DISASTER_ACCIDENT_EMERGENCY);
    }

    @Test
    void shouldRefuseALabelMadeForAnotherTextWithTheSameId(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("ag.jsonl"),
                "{\"id\":\"ag-7\",\"label\":\"World\",\"title\":\"\",\"body\":\"Talks on the border dispute resumed.\"}\n");
        Map<String, WorldTopicLabels.Label> made = Map.of("ag-7",
                new WorldTopicLabels.Label(MediaTopic.POLITICS, WorldTopicLabels.digest("Talks on the border dispute resumed.").substring(0, 12)));
        Map<String, WorldTopicLabels.Label> other = Map.of("ag-7",
                new WorldTopicLabels.Label(MediaTopic.POLITICS, WorldTopicLabels.digest("Another story").substring(0, 12)));

        assertThat(LabelledArticles.read(file, new Vectorizer(14), made).get(0).worldTopic()).isEqualTo(MediaTopic.POLITICS);
        assertThatThrownBy(() -> LabelledArticles.read(file, new Vectorizer(14), other)).isInstanceOf(IOException.class)
                .hasMessageContaining("line 1").hasMessageContaining("ag-7").hasMessageContaining("another text");
    }
}
