package dev.newsflow.publish;

import static dev.newsflow.publish.EnrichedArticles.anArticle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schemas.MediaTopic;
import dev.newsflow.schemas.Serdes;
import dev.newsflow.schemas.avro.EnrichedArticle;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes.StringSerde;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

class EmbargoScheduleTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private final MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
    private final KeyValueStore<String, EnrichedArticle> held = store("held", Serdes.ENRICHED_ARTICLE);
    private final KeyValueStore<String, String> releases = store("releases", new StringSerde());
    private final EmbargoSchedule schedule = new EmbargoSchedule(held, releases);

    @Test
    void shouldIndexWhatAnOlderReleaseHeldSoItIsStillReleased() {
        held.put("old", anArticle("old").inCategory(MediaTopic.SPORT, 0.9).embargoedUntil(NOW.plusSeconds(30)).build());
        assertThat(schedule.dueBy(NOW.plusSeconds(60))).isEmpty();

        assertThat(schedule.indexUnindexed()).isEqualTo(1);
        assertThat(schedule.indexUnindexed()).isZero();
        assertThat(schedule.dueBy(NOW.plusSeconds(60))).extracting(kv -> kv.key).containsExactly("old");
    }

    @Test
    void shouldReleaseInTimeOrderAndForgetWhatWasCancelledOrMoved() {
        schedule.hold(anArticle("b").embargoedUntil(NOW.plusSeconds(20)).build());
        schedule.hold(anArticle("a").embargoedUntil(NOW.plusSeconds(10)).build());
        schedule.hold(anArticle("c").embargoedUntil(NOW.plusSeconds(15)).build());
        schedule.cancel("c");
        schedule.hold(anArticle("b").embargoedUntil(NOW.plusSeconds(90)).build()); // moved

        assertThat(schedule.dueBy(NOW.plusSeconds(30))).extracting(kv -> kv.key).containsExactly("a");
        assertThat(schedule.dueBy(NOW.plusSeconds(90))).extracting(kv -> kv.key).containsExactly("a", "b");
        assertThat(schedule.dueBy(NOW.plusSeconds(9))).isEmpty();
    }

    @Test
    void shouldNeverReleaseEarlyOnAnIndexEntryLeftBehindAndShouldDropIt() {
        // what a rollback to an older publish can leave: the story re-held for later without its old entry removed,
        // and an entry whose story is gone
        held.put("late", anArticle("late").embargoedUntil(NOW.plusSeconds(600)).build());
        releases.put(EmbargoSchedule.releaseKey(NOW.plusSeconds(10), "late"), "late");
        releases.put(EmbargoSchedule.releaseKey(NOW.plusSeconds(10), "gone"), "gone");
        schedule.indexUnindexed();

        assertThat(schedule.dueBy(NOW.plusSeconds(60))).isEmpty();
        assertThat(releases.get(EmbargoSchedule.releaseKey(NOW.plusSeconds(10), "late"))).isNull();
        assertThat(releases.get(EmbargoSchedule.releaseKey(NOW.plusSeconds(10), "gone"))).isNull();
        assertThat(schedule.dueBy(NOW.plusSeconds(600))).extracting(kv -> kv.key).containsExactly("late");
    }

    @Test
    void shouldReleaseTheOthersWhenOneHeldArticleCannotBeRead() {
        // what a newer publish wrote before a rollback: this one cannot decode it, and must not stop every release
        org.apache.kafka.common.serialization.Serde<EnrichedArticle> newerForSome = org.apache.kafka.common.serialization.Serdes
                .serdeFrom(Serdes.ENRICHED_ARTICLE.serializer(), (topic, bytes) -> {
                    EnrichedArticle article = Serdes.ENRICHED_ARTICLE.deserializer().deserialize(topic, bytes);
                    if (article != null && article.getUri().equals("newer")) {
                        throw new org.apache.kafka.common.errors.SerializationException("unknown schema fingerprint");
                    }
                    return article;
                });
        KeyValueStore<String, String> index = store("index-mixed", new StringSerde());
        KeyValueStore<String, EnrichedArticle> heldMixed = store("held-mixed", newerForSome);
        EmbargoSchedule schedule = new EmbargoSchedule(heldMixed, index);
        schedule.hold(anArticle("newer").embargoedUntil(NOW.plusSeconds(10)).build());
        schedule.hold(anArticle("ours").embargoedUntil(NOW.plusSeconds(20)).build());

        assertThat(schedule.dueBy(NOW.plusSeconds(30))).extracting(kv -> kv.key).containsExactly("ours");
        // nor does a task stop at start, where the held versions an older release left are indexed
        assertThat(schedule.indexUnindexed()).isZero();
        assertThat(index.get(EmbargoSchedule.releaseKey(NOW.plusSeconds(10), "newer"))).isEqualTo("newer"); // kept
    }

    private <V> KeyValueStore<String, V> store(String name, org.apache.kafka.common.serialization.Serde<V> values) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), new StringSerde(), values)
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        return store;
    }

}
