package dev.newsflow.enrich.classify;

import dev.newsflow.schemas.MediaTopic;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorldTopicLabelsTest {

    @Test
    void shouldReadIdAndPrimaryTopicAndSkipCommentsAndSecondaries() throws IOException {
        Map<String, MediaTopic> labels = WorldTopicLabels.parse(new StringReader(
                "# our labels\nag-1\tconflict-war-peace\tpolitics\n\nag-2\tpolitics\t\n"), "test");

        assertThat(labels).containsExactly(Map.entry("ag-1", MediaTopic.CONFLICT_WAR_PEACE), Map.entry("ag-2", MediaTopic.POLITICS));
    }

    @Test
    void shouldNameTheLineOfAnUnknownTopicOrARepeatedId() {
        assertThatThrownBy(() -> WorldTopicLabels.parse(new StringReader("ag-1\tpolitics\nag-2\twar\n"), "labels.tsv"))
                .isInstanceOf(IOException.class).hasMessageContaining("labels.tsv line 2").hasMessageContaining("'war'");
        assertThatThrownBy(() -> WorldTopicLabels.parse(new StringReader("ag-1\tpolitics\nag-1\tsport\n"), "labels.tsv"))
                .isInstanceOf(IOException.class).hasMessageContaining("line 2").hasMessageContaining("twice");
        assertThatThrownBy(() -> WorldTopicLabels.parse(new StringReader("ag-1 politics\n"), "labels.tsv"))
                .isInstanceOf(IOException.class).hasMessageContaining("line 1");
    }

    @Test
    void shouldBundleALabelForEveryAgWorldItemOfTheTrainingSample() {
        Map<String, MediaTopic> labels = WorldTopicLabels.loadDefault();

        assertThat(labels).hasSize(1995);
        assertThat(labels.keySet()).allMatch(id -> id.startsWith("ag-train-"));
        assertThat(labels.values()).contains(MediaTopic.POLITICS, MediaTopic.CONFLICT_WAR_PEACE,
                MediaTopic.CRIME_LAW_JUSTICE, MediaTopic.DISASTER_ACCIDENT_EMERGENCY);
    }
}
