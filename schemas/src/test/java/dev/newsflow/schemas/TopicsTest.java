package dev.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void shouldDefineOnePostsTopicPerMediaTopic() {
        assertThat(Topics.all()).extracting(TopicSpec::name)
                .contains(Topics.postsFor(MediaTopic.SPORT), Topics.postsFor(MediaTopic.WEATHER))
                .doesNotHaveDuplicates()
                .hasSize(6 + MediaTopic.values().length);
    }

    @Test
    void shouldKeepRawArticlesForeverCompacted() {
        TopicSpec raw = Topics.all().stream().filter(t -> t.name().equals(Topics.ARTICLES_RAW)).findFirst().orElseThrow();

        assertThat(raw.configs()).containsEntry("cleanup.policy", "compact").containsEntry("retention.ms", "-1");
    }

    @Test
    void shouldLetEveryTopicHoldTheLargestRecordTheProducersSend() {
        assertThat(Topics.all()).allSatisfy(t -> assertThat(t.configs()).containsEntry("max.message.bytes", "8388608"));
    }

    @Test
    void shouldCompactTheCurrentPostsTopic() {
        TopicSpec current = Topics.all().stream().filter(t -> t.name().equals(Topics.POSTS_CURRENT)).findFirst().orElseThrow();

        assertThat(current.configs()).containsEntry("cleanup.policy", "compact")
                .containsEntry("delete.retention.ms", String.valueOf(30L * 24 * 3600 * 1000));
    }

    @Test
    void shouldCompactAKilledStorysWordsAwayWithinHoursNotWhenTheSegmentIsFull() {
        for (String name : java.util.List.of(Topics.POSTS_CURRENT, Topics.ARTICLES_RAW)) {
            TopicSpec topic = Topics.all().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();

            assertThat(topic.configs()).containsEntry("segment.ms", "3600000")
                    .containsEntry("max.compaction.lag.ms", "3600000");
        }
    }

    @Test
    void shouldFindMediaTopicsByCodeAndSlug() {
        assertThat(MediaTopic.fromCode("medtop:15000000")).contains(MediaTopic.SPORT);
        assertThat(MediaTopic.fromSlug("science-technology")).contains(MediaTopic.SCIENCE_TECHNOLOGY);
        assertThat(MediaTopic.fromCode("medtop:99")).isEmpty();
    }
}
