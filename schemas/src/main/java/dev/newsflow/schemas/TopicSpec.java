package dev.newsflow.schemas;

import java.util.Map;

/**
 * A topic and the settings it is created with.
 *
 * @param name       topic name
 * @param partitions partition count
 * @param configs    topic-level configs (cleanup.policy, retention.ms, ...)
 */
public record TopicSpec(String name, int partitions, Map<String, String> configs) {
    public TopicSpec {
        configs = Map.copyOf(configs);
    }
}
