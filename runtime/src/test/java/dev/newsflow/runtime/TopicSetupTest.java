package dev.newsflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;

class TopicSetupTest {

    @Test
    void shouldRefuseRawAndEnrichedTopicsWithDifferentPartitionCounts() {
        Map<String, TopicDescription> described = Map.of("raw", topic("raw", 6), "enriched", topic("enriched", 3),
                "posts", topic("posts", 3));

        assertThat(TopicSetup.samePartitionCount(described, "raw", "enriched")).hasValueSatisfying(problem ->
                assertThat(problem).contains("raw has 6 partitions and enriched 3", "must have the same count"));
        assertThat(TopicSetup.samePartitionCount(described, "posts", "enriched")).isEmpty();
        assertThat(TopicSetup.samePartitionCount(described, "raw", "missing")).isEmpty(); // not this stage's to say
    }

    private static TopicDescription topic(String name, int partitions) {
        Node broker = new Node(1, "localhost", 9092);
        return new TopicDescription(name, false, IntStream.range(0, partitions)
                .mapToObj(p -> new TopicPartitionInfo(p, broker, List.of(broker), List.of(broker))).toList());
    }
}
