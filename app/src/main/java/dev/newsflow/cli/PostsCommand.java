package dev.newsflow.cli;

import dev.newsflow.schemas.MediaTopic;
import dev.newsflow.schemas.Serdes;
import dev.newsflow.schemas.Topics;
import dev.newsflow.schemas.avro.Post;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What the sites see: the post events on a publish topic as NDJSON, every field of the Post (as docs/consumers.md
 * describes it) plus where it is in the topic; a tombstone on news.posts.current as {"post":null}.
 */
@Command(name = "posts", mixinStandardHelpOptions = true, exitCodeOnExecutionException = 4,
        description = {"Print the post events of news.posts (or one section topic, or news.posts.current) as NDJSON.",
                "Exit code: 0 when it read what there was (also none), 2 a bad option, 4 when Kafka cannot be read."})
final class PostsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Option(names = "--section", paramLabel = "SLUG",
            description = "A section topic instead of news.posts, by Media Topic slug (e.g. sport, science-technology).")
    String section;

    @Option(names = "--current", description = "news.posts.current instead: the latest post per id, null once killed.")
    boolean current;

    @Option(names = "--id", description = "Only the events of this article id.")
    String id;

    @Mixin
    ReadOptions read;

    @Override
    public Integer call() {
        String topic = topic();
        int printed = TopicReader.printNdjson(config.load().kafkaProperties(), "posts", List.of(topic), read, spec,
                record -> {
                    String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
                    return id == null || id.equals(key) ? describe(record, key) : null;
                });
        spec.commandLine().getErr().printf("%d post event%s%s in %s%n", printed, printed == 1 ? "" : "s",
                id == null ? "" : " of " + id, topic);
        spec.commandLine().getErr().flush();
        return 0;
    }

    private String topic() {
        if (section != null && current) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--section and --current: choose one");
        }
        if (current) {
            return Topics.POSTS_CURRENT;
        }
        if (section == null) {
            return Topics.POSTS;
        }
        return MediaTopic.fromSlug(section).map(Topics::postsFor).orElseThrow(() ->
                new picocli.CommandLine.ParameterException(spec.commandLine(), "--section must be one of "
                        + Arrays.stream(MediaTopic.values()).map(MediaTopic::slug).toList() + ", not " + section));
    }

    static Map<String, Object> describe(ConsumerRecord<byte[], byte[]> record, String key) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("at", TopicReader.position(record));
        line.put("key", key);
        if (record.value() == null) {
            line.put("post", null); // a tombstone: killed
            return line;
        }
        try {
            Post post = Serdes.POST.decode(record.value());
            line.put("post", AvroJson.toMap(post));
        } catch (RuntimeException e) {
            line.put("error", "not a readable Post: " + e.getMessage());
        }
        return line;
    }

}
