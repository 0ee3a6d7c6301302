package dev.newsflow.publish;

import static dev.newsflow.publish.EnrichedArticles.anArticle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.newsflow.runtime.DeadLetters;
import dev.newsflow.schemas.MediaTopic;
import dev.newsflow.schemas.Serdes;
import dev.newsflow.schemas.Topics;
import dev.newsflow.schemas.avro.DeadLetter;
import dev.newsflow.schemas.avro.EnrichedArticle;
import dev.newsflow.schemas.avro.Post;
import dev.newsflow.schemas.avro.PostChange;
import dev.newsflow.schemas.avro.PostEventType;
import dev.newsflow.schemas.avro.PubStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishTopologyTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<String, EnrichedArticle> enriched;
    private TestInputTopic<String, byte[]> enrichedBytes;
    private TestOutputTopic<String, Post> posts;
    private TestOutputTopic<String, Post> current;
    private TestOutputTopic<String, Post> sport;
    private TestOutputTopic<String, Post> politics;
    private TestOutputTopic<String, DeadLetter> deadLetters;
    private SimpleMeterRegistry registry;
    /** What Kafka would say of the raw and enriched partitions: everything sent so far has reached publish. */
    private final java.util.concurrent.atomic.AtomicBoolean upstreamCaughtUp = new java.util.concurrent.atomic.AtomicBoolean(true);
    private final List<Instant> upstreamAsked = new java.util.ArrayList<>();

    @TempDir
    Path stateDir;

    @BeforeEach
    void startDriver() throws Exception {
        registry = new SimpleMeterRegistry();
        var topology = new PublishTopology(new PostBuilder("https://news.example.com/"), new CategoryRouting(0.35),
                Duration.ofSeconds(1), Clock.fixed(NOW, ZoneOffset.UTC), registry, (partition, time) -> {
                    upstreamAsked.add(time);
                    return upstreamCaughtUp.get();
                }).build();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "publish-test");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(topology, props, NOW);
        enriched = driver.createInputTopic(Topics.ARTICLES_ENRICHED, new StringSerializer(), Serdes.ENRICHED_ARTICLE.serializer());
        enrichedBytes = driver.createInputTopic(Topics.ARTICLES_ENRICHED, new StringSerializer(), new ByteArraySerializer());
        posts = driver.createOutputTopic(Topics.POSTS, new StringDeserializer(), Serdes.POST.deserializer());
        current = driver.createOutputTopic(Topics.POSTS_CURRENT, new StringDeserializer(), Serdes.POST.deserializer());
        sport = driver.createOutputTopic(Topics.postsFor(MediaTopic.SPORT), new StringDeserializer(), Serdes.POST.deserializer());
        politics = driver.createOutputTopic(Topics.postsFor(MediaTopic.POLITICS), new StringDeserializer(), Serdes.POST.deserializer());
        deadLetters = driver.createOutputTopic(Topics.PUBLISH_DLQ, new StringDeserializer(), Serdes.DEAD_LETTER.deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private void send(EnrichedArticle article) {
        enriched.pipeInput(article.getUri(), article);
    }

    @Test
    void shouldRouteSportToSportTopicAndPublishToAllAndCurrent() {
        send(anArticle("a1").inCategory(MediaTopic.SPORT, 0.97).build());

        Post post = sport.readValue();
        assertThat(post.getEvent()).isEqualTo(PostEventType.UPSERT);
        assertThat(post.getId()).isEqualTo("a1");
        assertThat(post.getUrl()).startsWith("https://news.example.com/2026/11/28/headline-of-a1-");
        assertThat(post.getBodyHtml()).isEqualTo("<p>First paragraph.</p><p>Second paragraph.</p>");
        assertThat(posts.readValue().getId()).isEqualTo("a1");
        assertThat(current.readKeyValue().key).isEqualTo("a1");
        assertThat(politics.isEmpty()).isTrue();
    }

    @Test
    void shouldStampEveryPostEventWithTheTimeItWasPublishedNotTheTimeTheArticleCameIn() {
        Instant monthsAgo = NOW.minus(Duration.ofDays(90)); // a replay through a new enrich of an old article
        enriched.pipeInput("r1", anArticle("r1").inCategory(MediaTopic.SPORT, 0.9).build(), monthsAgo);
        enriched.pipeInput("r1", anArticle("r1").status(PubStatus.CANCELED).version(2).build(), monthsAgo);

        // retention and compaction lag work on record timestamps: 90-day-old ones would be deleted at once
        List<TestRecord<String, Post>> events = posts.readRecordsToList();
        assertThat(events).hasSize(2).allSatisfy(r -> {
            assertThat(r.getRecordTime()).isEqualTo(NOW);
            assertThat(r.getValue().getPublishedAt()).isEqualTo(NOW);
        });
        assertThat(current.readRecordsToList()).extracting(TestRecord::getRecordTime).containsOnly(NOW);
        assertThat(sport.readRecordsToList()).extracting(TestRecord::getRecordTime).containsOnly(NOW);
    }

    @Test
    void shouldSayWhatHappenedToThePostInEveryEvent() {
        send(anArticle("c1").inCategory(MediaTopic.POLITICS, 0.6).inCategory(MediaTopic.SPORT, 0.5).build());
        send(anArticle("c1").inCategory(MediaTopic.POLITICS, 0.6).version(2).build());          // sport dropped
        send(anArticle("c1").inCategory(MediaTopic.SPORT, 0.9).version(2).build());             // a new classifier
        send(anArticle("c1").status(PubStatus.WITHHELD).version(3).build());
        send(anArticle("c1").inCategory(MediaTopic.SPORT, 0.9).version(4).build());
        send(anArticle("c1").status(PubStatus.CANCELED).version(5).build());

        assertThat(posts.readValuesToList()).extracting(Post::getChange).containsExactly(
                PostChange.PUBLISHED, PostChange.UPDATED, PostChange.REENRICHED, PostChange.WITHHELD,
                PostChange.REPUBLISHED, PostChange.KILLED);
        assertThat(sport.readValuesToList()).extracting(Post::getChange).containsExactly(
                PostChange.PUBLISHED, PostChange.LEFT_SECTION, PostChange.REENRICHED, PostChange.WITHHELD,
                PostChange.REPUBLISHED, PostChange.KILLED);
    }

    @Test
    void shouldCallTheSameVersionWithTheSendersWordsChangedAnUpdateAndTheSameWordsEnrichedAgainAReEnrichment() {
        send(anArticle("s1").inCategory(MediaTopic.SPORT, 0.9).sourceDigest("d1").build());
        send(anArticle("s1").inCategory(MediaTopic.SPORT, 0.7).sourceDigest("d1").build());          // a replay
        send(anArticle("s1").inCategory(MediaTopic.SPORT, 0.7).text("Corrected.").sourceDigest("d2").build());
        send(anArticle("s1").inCategory(MediaTopic.SPORT, 0.7).text("Corrected.").sourceDigest("d2").build()); // twice
        send(anArticle("s1").inCategory(MediaTopic.SPORT, 0.7).sourceDigest("d1").build());  // a replay of the old words
        send(anArticle("s1").inCategory(MediaTopic.SPORT, 0.5).text("Corrected.").sourceDigest("d2").build()); // replay
        send(anArticle("s1").inCategory(MediaTopic.SPORT, 0.5).text("Changed by a new extractor.").build()); // old enrich

        // a CMS that corrects without a new version number still gets its readers an "updated" badge, and a replay
        // of the words it corrected never brings them back
        List<Post> events = posts.readValuesToList();
        assertThat(events).extracting(Post::getChange).containsExactly(
                PostChange.PUBLISHED, PostChange.REENRICHED, PostChange.UPDATED, PostChange.REENRICHED,
                PostChange.REENRICHED);
        assertThat(events.get(3).getBodyHtml()).contains("Corrected.");
        // the old words skipped have a reason of their own: an editor's revert must be visible, not a "duplicate"
        assertThat(registry.counter("newsflow.publish.skipped", "reason", "superseded-words").count()).isEqualTo(1.0);
        assertThat(registry.counter("newsflow.publish.skipped", "reason", "duplicate-version").count()).isEqualTo(1.0);
    }

    @Test
    void shouldNeverReleaseOrBringBackWordsCorrectedWhileTheStoryWasHeld() {
        Instant until = NOW.plusSeconds(60);
        // corrected under embargo without a new version number, then a late retry of the first words: held, the
        // correction stays the copy to be released
        send(anArticle("e1").inCategory(MediaTopic.SPORT, 0.9).text("Wrong score 2-1.").sourceDigest("d1")
                .embargoedUntil(until).build());
        send(anArticle("e1").inCategory(MediaTopic.SPORT, 0.9).text("Right score 3-1.").sourceDigest("d2")
                .embargoedUntil(until).build());
        send(anArticle("e1").inCategory(MediaTopic.SPORT, 0.9).text("Wrong score 2-1.").sourceDigest("d1")
                .embargoedUntil(until).build());
        driver.advanceWallClockTime(Duration.ofSeconds(61));
        // released, the words seen while held are those of the live version: a retry after release is skipped too
        send(anArticle("e1").inCategory(MediaTopic.SPORT, 0.9).text("Wrong score 2-1.").sourceDigest("d1")
                .embargoedUntil(until).build());
        send(anArticle("e1").inCategory(MediaTopic.SPORT, 0.9).text("Right score 3-1.").sourceDigest("d2")
                .embargoedUntil(until).build());

        List<Post> events = posts.readValuesToList();
        assertThat(events).extracting(Post::getChange).containsExactly(PostChange.PUBLISHED);
        assertThat(events.get(0).getBodyHtml()).isEqualTo("<p>Right score 3-1.</p>");
        assertThat(registry.counter("newsflow.publish.skipped", "reason", "superseded-words").count()).isEqualTo(2.0);
    }

    @Test
    void shouldSkipALateRetryOfHeldWordsThatArrivesAfterTheEmbargoButBeforeTheReleaseTimer() {
        // the timer runs every embargo.check.interval.ms, and a restarted publish works through its backlog first
        Instant until = NOW.minusSeconds(1); // passed by the time the retry is read
        send(anArticle("e3").inCategory(MediaTopic.SPORT, 0.9).text("Wrong score 2-1.").sourceDigest("d1")
                .embargoedUntil(NOW.plusSeconds(60)).build());
        send(anArticle("e3").inCategory(MediaTopic.SPORT, 0.9).text("Right score 3-1.").sourceDigest("d2")
                .embargoedUntil(NOW.plusSeconds(60)).build());
        send(anArticle("e3").inCategory(MediaTopic.SPORT, 0.9).text("Wrong score 2-1.").sourceDigest("d1")
                .embargoedUntil(until).build());
        driver.advanceWallClockTime(Duration.ofSeconds(61));

        List<Post> events = posts.readValuesToList();
        assertThat(events).extracting(Post::getBodyHtml).containsExactly("<p>Right score 3-1.</p>");
    }

    @Test
    void shouldKeepTheWordsOfAHeldVersionThroughAKillOfTheLiveOneItDoesNotCover() {
        send(anArticle("e2").inCategory(MediaTopic.SPORT, 0.9).sourceDigest("a1").build());
        Instant until = NOW.plusSeconds(60);
        send(anArticle("e2").inCategory(MediaTopic.SPORT, 0.9).version(3).text("Wrong.").sourceDigest("d1")
                .embargoedUntil(until).build());
        send(anArticle("e2").inCategory(MediaTopic.SPORT, 0.9).version(3).text("Right.").sourceDigest("d2")
                .embargoedUntil(until).build());
        // a withhold of an older version, received before the held one: it takes down the live post, not the held one
        send(anArticle("e2").status(PubStatus.WITHHELD).version(2).receivedAt(EnrichedArticles.T0.minusSeconds(60)).build());
        send(anArticle("e2").inCategory(MediaTopic.SPORT, 0.9).version(3).text("Wrong.").sourceDigest("d1")
                .embargoedUntil(until).build());
        driver.advanceWallClockTime(Duration.ofSeconds(61));

        List<Post> events = posts.readValuesToList();
        assertThat(events).extracting(Post::getChange)
                .containsExactly(PostChange.PUBLISHED, PostChange.WITHHELD, PostChange.REPUBLISHED);
        assertThat(events.get(2).getBodyHtml()).isEqualTo("<p>Right.</p>");
    }

    @Test
    void shouldRememberTheFirstDigestOfAPostAnOlderEnrichPublishedSoItsCorrectionStays() {
        send(anArticle("m1").inCategory(MediaTopic.SPORT, 0.9).text("Wrong score 2-1.").build());   // no digest
        send(anArticle("m1").inCategory(MediaTopic.SPORT, 0.9).text("Wrong score 2-1.").sourceDigest("d1").build());
        send(anArticle("m1").inCategory(MediaTopic.SPORT, 0.9).text("Right score 3-1.").sourceDigest("d2").build());
        send(anArticle("m1").inCategory(MediaTopic.SPORT, 0.9).text("Wrong score 2-1.").sourceDigest("d1").build());

        assertThat(posts.readValuesToList()).extracting(Post::getChange)
                .containsExactly(PostChange.PUBLISHED, PostChange.UPDATED);
    }

    @Test
    void shouldTakeOtherBytesOfTheSameWordsAsTheLiveOnesWithoutAnEvent() {
        send(anArticle("s2").inCategory(MediaTopic.SPORT, 0.9).sourceDigest("d1").build());
        send(anArticle("s2").inCategory(MediaTopic.SPORT, 0.9).sourceDigest("d1b").build()); // same post, other digest
        send(anArticle("s2").inCategory(MediaTopic.SPORT, 0.7).sourceDigest("d1b").build()); // then a replay

        assertThat(posts.readValuesToList()).extracting(Post::getChange)
                .containsExactly(PostChange.PUBLISHED, PostChange.REENRICHED);
    }

    @Test
    void shouldRouteToConfidentSecondaryCategoriesButNotLongShots() {
        send(anArticle("a2").inCategory(MediaTopic.POLITICS, 0.6).inCategory(MediaTopic.SPORT, 0.4)
                .inCategory(MediaTopic.WEATHER, 0.1).build());

        assertThat(politics.readValuesToList()).hasSize(1);
        assertThat(sport.readValuesToList()).hasSize(1);
        assertThat(driver.createOutputTopic(Topics.postsFor(MediaTopic.WEATHER), new StringDeserializer(),
                Serdes.POST.deserializer()).isEmpty()).isTrue();
        // the post itself says where it went, on every topic, so a reload of news.posts.current can rebuild sections
        assertThat(posts.readValue().getSections()).containsExactly("politics", "sport");
        assertThat(current.readValue().getSections()).containsExactly("politics", "sport");
    }

    @Test
    void shouldSayOnThePostWhichSectionsItIsOnAfterAMoveAndNoneOnADelete() {
        send(anArticle("s1").inCategory(MediaTopic.POLITICS, 0.6).inCategory(MediaTopic.SPORT, 0.4).build());
        send(anArticle("s1").inCategory(MediaTopic.POLITICS, 0.9).version(2).build());
        send(anArticle("s1").status(PubStatus.CANCELED).version(3).build());

        assertThat(posts.readValuesToList()).extracting(Post::getChange, Post::getSections).containsExactly(
                tuple(PostChange.PUBLISHED, List.of("politics", "sport")),
                tuple(PostChange.UPDATED, List.of("politics")),
                tuple(PostChange.KILLED, List.of()));
        assertThat(sport.readValuesToList()).extracting(Post::getChange, Post::getSections).containsExactly(
                tuple(PostChange.PUBLISHED, List.of("politics", "sport")),
                tuple(PostChange.LEFT_SECTION, List.of()));
    }

    @Test
    void shouldStayADuplicateWhenTheSameVersionComesAgainWithItsSections() {
        send(anArticle("s2").inCategory(MediaTopic.SPORT, 0.9).build());
        send(anArticle("s2").inCategory(MediaTopic.SPORT, 0.9).build());

        assertThat(posts.readValuesToList()).hasSize(1);
    }

    @Test
    void shouldSendAKillToEveryCategoryThePostNamedWhateverTheRoutingThreshold() {
        // the weather topic may have had the post before the threshold was raised: a kill must reach it anyway
        send(anArticle("k0").inCategory(MediaTopic.POLITICS, 0.6).inCategory(MediaTopic.WEATHER, 0.1).build());
        send(anArticle("k0").status(PubStatus.CANCELED).version(2).build());

        assertThat(driver.createOutputTopic(Topics.postsFor(MediaTopic.WEATHER), new StringDeserializer(),
                Serdes.POST.deserializer()).readValuesToList()).extracting(Post::getEvent).containsExactly(PostEventType.DELETE);
        assertThat(politics.readValuesToList()).extracting(Post::getEvent)
                .containsExactly(PostEventType.UPSERT, PostEventType.DELETE);
    }

    @Test
    void shouldWriteDeleteEventAndTombstoneWhenAnArticleIsKilled() {
        send(anArticle("k1").inCategory(MediaTopic.SPORT, 0.9).version(3).build());
        send(anArticle("k1").status(PubStatus.CANCELED).version(0).text("").receivedAt(NOW.plusSeconds(1)).build());

        List<Post> events = posts.readValuesToList();
        assertThat(events).extracting(Post::getEvent).containsExactly(PostEventType.UPSERT, PostEventType.DELETE);
        assertThat(events.get(1).getVersion()).isEqualTo(3);
        assertThat(events.get(1).getBodyHtml()).isNull();
        List<TestRecord<String, Post>> currentRecords = current.readRecordsToList();
        assertThat(currentRecords).hasSize(2);
        assertThat(currentRecords.get(1).value()).isNull();
        assertThat(sport.readValuesToList()).extracting(Post::getEvent)
                .containsExactly(PostEventType.UPSERT, PostEventType.DELETE);
    }

    @Test
    void shouldKeepNoneOfAKilledPostsWordsInItsStateButKeepItsUrlForARepublish() {
        send(anArticle("k3").inCategory(MediaTopic.SPORT, 0.9).headline("A story a court ordered down").build());
        send(anArticle("k3").status(PubStatus.CANCELED).version(2).build());
        Post remembered = driver.<String, Post>getKeyValueStore(PublishProcessor.POSTS_STORE).get("k3");
        send(anArticle("k3").inCategory(MediaTopic.SPORT, 0.9).headline("Corrected story").version(3).build());

        assertThat(remembered.getHeadline()).isNull();
        assertThat(remembered.getTeaser()).isNull();
        assertThat(remembered.getTags()).isEmpty();
        List<Post> events = posts.readValuesToList();
        assertThat(events.get(1).getHeadline()).isEqualTo("A story a court ordered down"); // the event says what went
        assertThat(events.get(2).getUrl()).isEqualTo(events.get(0).getUrl());
    }

    @Test
    void shouldIgnoreARepeatedKill() {
        send(anArticle("k2").inCategory(MediaTopic.SPORT, 0.9).build());
        send(anArticle("k2").status(PubStatus.CANCELED).build());
        send(anArticle("k2").status(PubStatus.CANCELED).build());

        assertThat(posts.readValuesToList()).hasSize(2);
    }

    @Test
    void shouldNotLetAKillDeliveredAgainTakeDownAVersionRepublishedAfterIt() {
        send(anArticle("r1").inCategory(MediaTopic.SPORT, 0.9).version(1).build());
        send(anArticle("r1").status(PubStatus.WITHHELD).version(2).build());
        send(anArticle("r1").inCategory(MediaTopic.SPORT, 0.9).version(3).build());
        send(anArticle("r1").status(PubStatus.WITHHELD).version(2).build()); // the CMS retries, or a re-import

        assertThat(posts.readValuesToList()).extracting(Post::getEvent, Post::getVersion).containsExactly(
                org.assertj.core.groups.Tuple.tuple(PostEventType.UPSERT, 1L),
                org.assertj.core.groups.Tuple.tuple(PostEventType.DELETE, 2L),
                org.assertj.core.groups.Tuple.tuple(PostEventType.UPSERT, 3L));
        assertThat(current.readRecordsToList()).last().extracting(TestRecord::value).isNotNull();
        assertThat(registry.counter("newsflow.publish.skipped", "reason", "stale-unpublish").count()).isEqualTo(1.0);
    }

    @Test
    void shouldKeepAHeldEmbargoedVersionWhenAnOldKillIsDeliveredAgain() {
        send(anArticle("r2").inCategory(MediaTopic.SPORT, 0.9).version(1).build());
        send(anArticle("r2").status(PubStatus.CANCELED).version(2).build());
        send(anArticle("r2").inCategory(MediaTopic.SPORT, 0.9).version(3).embargoedUntil(NOW.plusSeconds(60)).build());
        send(anArticle("r2").status(PubStatus.CANCELED).version(2).build());
        driver.advanceWallClockTime(Duration.ofSeconds(120));

        assertThat(posts.readValuesToList()).extracting(Post::getVersion).containsExactly(1L, 2L, 3L);
    }

    @Test
    void shouldApplyAKillSentWithoutAVersionToWhatWasPublishedBeforeIt() {
        send(anArticle("r4").inCategory(MediaTopic.SPORT, 0.9).version(3).build());
        // DELETE with no ?version=, received after the post went out
        send(anArticle("r4").status(PubStatus.CANCELED).version(0).receivedAt(NOW.plusSeconds(1)).build());
        driver.advanceWallClockTime(Duration.ofSeconds(10));
        send(anArticle("r4").inCategory(MediaTopic.SPORT, 0.9).version(4).receivedAt(NOW.plusSeconds(10)).build()); // republished
        send(anArticle("r4").status(PubStatus.CANCELED).version(0).receivedAt(NOW.plusSeconds(20)).build()); // killed again

        assertThat(posts.readValuesToList()).extracting(Post::getEvent).containsExactly(PostEventType.UPSERT,
                PostEventType.DELETE, PostEventType.UPSERT, PostEventType.DELETE);
        assertThat(current.readRecordsToList()).last().extracting(TestRecord::value).isNull();
    }

    @Test
    void shouldTellSitesAWithheldStoryWasKilled() {
        send(anArticle("wd").inCategory(MediaTopic.SPORT, 0.9).version(1).build());
        send(anArticle("wd").status(PubStatus.WITHHELD).version(2).build());
        send(anArticle("wd").status(PubStatus.CANCELED).version(1).build()); // the legal team decides: killed (any version)
        send(anArticle("wd").status(PubStatus.CANCELED).version(1).build()); // delivered again

        assertThat(posts.readValuesToList()).extracting(Post::getChange).containsExactly(
                PostChange.PUBLISHED, PostChange.WITHHELD, PostChange.KILLED);
        assertThat(current.readRecordsToList()).last().extracting(TestRecord::value).isNull();
        // a section site that keeps a withheld story for its return is told too, once
        assertThat(sport.readValuesToList()).extracting(Post::getChange)
                .containsExactly(PostChange.PUBLISHED, PostChange.WITHHELD, PostChange.KILLED);
    }

    @Test
    void shouldNotLetAnOldKillDeliveredAgainTurnALaterWithholdIntoAKill() {
        send(anArticle("ow").inCategory(MediaTopic.SPORT, 0.9).version(1).receivedAt(NOW).build());
        send(anArticle("ow").status(PubStatus.CANCELED).version(1).receivedAt(NOW.plusSeconds(1)).build());
        send(anArticle("ow").inCategory(MediaTopic.SPORT, 0.9).version(2).receivedAt(NOW.plusSeconds(2)).build());
        send(anArticle("ow").status(PubStatus.WITHHELD).version(2).receivedAt(NOW.plusSeconds(3)).build());
        // the CMS retries the old kill (received at NOW + 1 s): the story is withheld, not killed
        send(anArticle("ow").status(PubStatus.CANCELED).version(1).receivedAt(NOW.plusSeconds(1)).build());

        assertThat(posts.readValuesToList()).extracting(Post::getChange).containsExactly(
                PostChange.PUBLISHED, PostChange.KILLED, PostChange.REPUBLISHED, PostChange.WITHHELD);
    }

    @Test
    void shouldNotReleaseAHeldVersionAKillCancelledWhenItIsDeliveredAgain() {
        send(anArticle("hk").inCategory(MediaTopic.SPORT, 0.9).version(1).build());
        send(anArticle("hk").inCategory(MediaTopic.SPORT, 0.9).version(3).embargoedUntil(NOW.plusSeconds(60))
                .receivedAt(NOW.plusSeconds(1)).build());
        send(anArticle("hk").status(PubStatus.CANCELED).version(0).receivedAt(NOW.plusSeconds(2)).build());
        send(anArticle("hk").inCategory(MediaTopic.SPORT, 0.9).version(3).embargoedUntil(NOW.plusSeconds(60))
                .receivedAt(NOW.plusSeconds(1)).build()); // a replay of the raw topic
        driver.advanceWallClockTime(Duration.ofSeconds(120));

        assertThat(posts.readValuesToList()).extracting(Post::getEvent, Post::getVersion).containsExactly(
                org.assertj.core.groups.Tuple.tuple(PostEventType.UPSERT, 1L),
                org.assertj.core.groups.Tuple.tuple(PostEventType.DELETE, 1L));
    }

    @Test
    void shouldNotPublishAVersionANewerKillOfAPostAlreadyDownCovered() {
        send(anArticle("nk").inCategory(MediaTopic.SPORT, 0.9).version(3).build());
        send(anArticle("nk").status(PubStatus.CANCELED).version(5).build());
        send(anArticle("nk").status(PubStatus.CANCELED).version(7).build()); // already down: recorded as 7
        send(anArticle("nk").inCategory(MediaTopic.SPORT, 0.9).version(6).build());
        send(anArticle("nk").inCategory(MediaTopic.SPORT, 0.9).version(8).build());

        assertThat(posts.readValuesToList()).extracting(Post::getEvent, Post::getVersion).containsExactly(
                org.assertj.core.groups.Tuple.tuple(PostEventType.UPSERT, 3L),
                org.assertj.core.groups.Tuple.tuple(PostEventType.DELETE, 5L),
                org.assertj.core.groups.Tuple.tuple(PostEventType.UPSERT, 8L));
    }

    @Test
    void shouldCountAndLeaveLiveAVersionSentAgainWithAnEmbargo() {
        send(anArticle("em").inCategory(MediaTopic.SPORT, 0.9).build());
        send(anArticle("em").inCategory(MediaTopic.SPORT, 0.9).embargoedUntil(NOW.plusSeconds(3_600)).build());

        // readers have seen it: only a withhold takes it down, and the newsroom is told (WARN, and the counter)
        assertThat(posts.readValuesToList()).extracting(Post::getChange).containsExactly(PostChange.PUBLISHED);
        assertThat(registry.counter("newsflow.publish.skipped", "reason", "embargo-after-publication").count()).isEqualTo(1.0);
    }

    @Test
    void shouldRecordAVersionlessKillAsTheVersionItTookDownSoAnOlderKillCannotTakeDownTheRepublishedOne() {
        send(anArticle("wk").inCategory(MediaTopic.SPORT, 0.9).version(1).build());
        send(anArticle("wk").status(PubStatus.CANCELED).version(0).receivedAt(NOW.plusSeconds(1)).build()); // took down v1
        driver.advanceWallClockTime(Duration.ofSeconds(10));
        send(anArticle("wk").inCategory(MediaTopic.SPORT, 0.9).version(2).receivedAt(NOW.plusSeconds(10)).build());
        // a kill of v1 from a CMS queue, or a re-import: v1 is down already, v2 must stay
        send(anArticle("wk").status(PubStatus.CANCELED).version(1).receivedAt(NOW.plusSeconds(20)).build());

        assertThat(posts.readValuesToList()).extracting(Post::getEvent, Post::getVersion).containsExactly(
                org.assertj.core.groups.Tuple.tuple(PostEventType.UPSERT, 1L),
                org.assertj.core.groups.Tuple.tuple(PostEventType.DELETE, 1L),
                org.assertj.core.groups.Tuple.tuple(PostEventType.UPSERT, 2L));
        assertThat(registry.counter("newsflow.publish.skipped", "reason", "stale-unpublish").count()).isEqualTo(1.0);
    }

    @Test
    void shouldNotLetAReplayedVersionlessKillTakeDownTheVersionRepublishedAfterIt() {
        send(anArticle("r5").inCategory(MediaTopic.SPORT, 0.9).version(1).build());
        send(anArticle("r5").status(PubStatus.CANCELED).version(0).receivedAt(NOW.plusSeconds(1)).build());
        driver.advanceWallClockTime(Duration.ofSeconds(10));
        send(anArticle("r5").inCategory(MediaTopic.SPORT, 0.9).version(2).receivedAt(NOW.plusSeconds(10)).build()); // republished
        // the raw topic replayed (or the CMS retrying the old request): the same kill, received at NOW + 1 s
        send(anArticle("r5").status(PubStatus.CANCELED).version(0).receivedAt(NOW.plusSeconds(1)).build());

        assertThat(posts.readValuesToList()).extracting(Post::getEvent)
                .containsExactly(PostEventType.UPSERT, PostEventType.DELETE, PostEventType.UPSERT);
        assertThat(registry.counter("newsflow.publish.skipped", "reason", "stale-unpublish").count()).isEqualTo(1.0);
    }

    @Test
    void shouldApplyAVersionlessKillSentAfterTheLiveVersionEvenWhenPublishIsBehind() {
        // ingest received v3 at NOW and the kill 300 ms later; publish runs a minute behind (a restart, a backlog)
        driver.advanceWallClockTime(Duration.ofMinutes(1));
        send(anArticle("lag").inCategory(MediaTopic.SPORT, 0.9).version(3).receivedAt(NOW).build());
        send(anArticle("lag").status(PubStatus.CANCELED).version(0).receivedAt(NOW.plusMillis(300)).build());

        assertThat(posts.readValuesToList()).extracting(Post::getEvent)
                .containsExactly(PostEventType.UPSERT, PostEventType.DELETE);
        assertThat(current.readRecordsToList()).last().extracting(TestRecord::value).isNull();
    }

    @Test
    void shouldCancelAHeldNewerVersionWhenAKillWithTheLiveVersionNumberIsSentAfterIt() {
        send(anArticle("lk").inCategory(MediaTopic.SPORT, 0.9).version(1).receivedAt(NOW).build());
        send(anArticle("lk").inCategory(MediaTopic.SPORT, 0.9).version(2).receivedAt(NOW.plusSeconds(1))
                .embargoedUntil(NOW.plusSeconds(60)).build());
        send(anArticle("lk").status(PubStatus.CANCELED).version(1).receivedAt(NOW.plusSeconds(2)).build()); // legal kill
        driver.advanceWallClockTime(Duration.ofSeconds(120));

        assertThat(posts.readValuesToList()).extracting(Post::getEvent, Post::getVersion).containsExactly(
                org.assertj.core.groups.Tuple.tuple(PostEventType.UPSERT, 1L),
                org.assertj.core.groups.Tuple.tuple(PostEventType.DELETE, 1L));
    }

    @Test
    void shouldSendAKillOfAnArticlePublishHasNeverSeenToEverySectionTopic() {
        // e.g. after a reset of publish's state: a section site may still hold it, and nothing says which
        send(anArticle("unseen").status(PubStatus.CANCELED).version(4).build());

        assertThat(posts.readValuesToList()).extracting(Post::getEvent).containsExactly(PostEventType.DELETE);
        for (MediaTopic topic : MediaTopic.values()) {
            assertThat(driver.createOutputTopic(Topics.postsFor(topic), new StringDeserializer(), Serdes.POST.deserializer())
                    .readValuesToList()).as(topic.slug()).extracting(Post::getId).containsExactly("unseen");
        }
    }

    @Test
    void shouldCarryNoneOfAKilledStorysContentButItsHeadlineInTheDeleteEvent() {
        send(anArticle("slim").inCategory(MediaTopic.SPORT, 0.9).byline("A. Reporter").build());
        send(anArticle("slim").status(PubStatus.CANCELED).version(2).build());

        Post delete = posts.readValuesToList().get(1);
        assertThat(delete.getEvent()).isEqualTo(PostEventType.DELETE);
        assertThat(delete.getHeadline()).isEqualTo("Headline of slim");
        assertThat(delete.getUrl()).isNotNull();
        assertThat(delete.getTeaser()).isNull();
        assertThat(delete.getByline()).isNull();
        assertThat(delete.getBodyHtml()).isNull();
        assertThat(delete.getCategories()).isEmpty();
        assertThat(delete.getTags()).isEmpty();
    }

    @Test
    void shouldDeadLetterAnEmbargoedArticleThatCannotBeReleasedAndReleaseTheOthers() {
        driver.close();
        registry = new SimpleMeterRegistry();
        PostBuilder failingOnOne = new PostBuilder("https://news.example.com/") {
            @Override
            public Post upsert(EnrichedArticle article, Post previous, Instant now) {
                if (article.getUri().equals("broken") && !now.isBefore(NOW.plusSeconds(60))) {
                    throw new IllegalStateException("cannot build the post");
                }
                return super.upsert(article, previous, now);
            }
        };
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "publish-test");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve("failing").toString());
        driver = new TopologyTestDriver(new PublishTopology(failingOnOne, new CategoryRouting(0.35), Duration.ofSeconds(1),
                Clock.fixed(NOW, ZoneOffset.UTC), registry).build(), props, NOW);
        enriched = driver.createInputTopic(Topics.ARTICLES_ENRICHED, new StringSerializer(), Serdes.ENRICHED_ARTICLE.serializer());
        posts = driver.createOutputTopic(Topics.POSTS, new StringDeserializer(), Serdes.POST.deserializer());
        deadLetters = driver.createOutputTopic(Topics.PUBLISH_DLQ, new StringDeserializer(), Serdes.DEAD_LETTER.deserializer());

        send(anArticle("broken").inCategory(MediaTopic.SPORT, 0.9).embargoedUntil(NOW.plusSeconds(30)).build());
        send(anArticle("fine").inCategory(MediaTopic.SPORT, 0.9).embargoedUntil(NOW.plusSeconds(30)).build());
        driver.advanceWallClockTime(Duration.ofSeconds(60));
        driver.advanceWallClockTime(Duration.ofSeconds(60)); // no second attempt: it left the store

        assertThat(posts.readValuesToList()).extracting(Post::getId).containsExactly("fine");
        List<DeadLetter> letters = deadLetters.readValuesToList();
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.getReason()).isEqualTo("embargo-release-failed");
            assertThat(letter.getSourceTopic()).isEqualTo(PublishProcessor.EMBARGO_STORE);
            assertThat(letter.getDetail()).contains("cannot build the post");
            assertThat(Serdes.ENRICHED_ARTICLE.decode(letter.getValue().array()).getUri()).isEqualTo("broken");
        });
        assertThat(driver.<String, EnrichedArticle>getKeyValueStore(PublishProcessor.EMBARGO_STORE).get("broken")).isNull();
        assertThat(registry.counter("newsflow.dead.letters", "stage", "publish", "reason", "embargo-release-failed")
                .count()).isEqualTo(1.0);
    }

    @Test
    void shouldPublishAHeldVersionAtOnceWhenItComesBackWithAPassedEmbargo() {
        send(anArticle("e4").inCategory(MediaTopic.SPORT, 0.9).embargoedUntil(NOW.plusSeconds(60)).build());
        // the same version, the embargo ended early by the desk
        send(anArticle("e4").inCategory(MediaTopic.SPORT, 0.9).embargoedUntil(NOW.minusSeconds(1)).build());

        assertThat(posts.readValuesToList()).extracting(Post::getEvent).containsExactly(PostEventType.UPSERT);
        driver.advanceWallClockTime(Duration.ofSeconds(120)); // the release timer must not trip over anything
        assertThat(posts.readValuesToList()).isEmpty();
        // an embargo ended early is on the record
        assertThat(registry.counter("newsflow.publish.embargoes.lifted").count()).isEqualTo(1.0);
    }

    @Test
    void shouldNotReleaseAnEmbargoWhileAKillSentBeforeItIsStillOnItsWay() {
        send(anArticle("w1").inCategory(MediaTopic.SPORT, 0.9).embargoedUntil(NOW.plusSeconds(60)).build());
        upstreamCaughtUp.set(false); // a bulk import in enrich: the desk's kill waits behind it
        driver.advanceWallClockTime(Duration.ofSeconds(61));

        assertThat(posts.readValuesToList()).isEmpty();
        assertThat(upstreamAsked).contains(NOW.plusSeconds(60));
        assertThat(registry.get("newsflow.publish.embargoes.waiting").gauge().value()).isEqualTo(1.0);

        // the kill, sent 30 s before the embargo, arrives; then the backlog is through
        send(anArticle("w1").status(PubStatus.CANCELED).receivedAt(NOW.plusSeconds(30)).build());
        upstreamCaughtUp.set(true);
        driver.advanceWallClockTime(Duration.ofSeconds(5));

        assertThat(posts.readValuesToList()).extracting(Post::getEvent).containsExactly(PostEventType.DELETE);
        assertThat(registry.get("newsflow.publish.embargoes.waiting").gauge().value()).isZero();
    }

    @Test
    void shouldReleaseAWaitingEmbargoOnceWhatWasSentBeforeItHasArrived() {
        send(anArticle("w2").inCategory(MediaTopic.SPORT, 0.9).embargoedUntil(NOW.plusSeconds(60)).build());
        send(anArticle("w3").inCategory(MediaTopic.SPORT, 0.9).embargoedUntil(NOW.plusSeconds(90)).build());
        upstreamCaughtUp.set(false);
        driver.advanceWallClockTime(Duration.ofSeconds(95));
        assertThat(posts.readValuesToList()).isEmpty();
        // both are asked about (the answers come off the stream thread: the latest first can clear both at once)
        assertThat(upstreamAsked).contains(NOW.plusSeconds(60), NOW.plusSeconds(90));

        upstreamCaughtUp.set(true);
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        assertThat(posts.readValuesToList()).extracting(Post::getId).containsExactly("w2", "w3");
    }

    @Test
    void shouldReleaseWithoutAskingKafkaOnceAnArticleSentAfterTheEmbargoHasArrived() {
        send(anArticle("w4").inCategory(MediaTopic.SPORT, 0.9).embargoedUntil(NOW.plusSeconds(60)).build());
        upstreamCaughtUp.set(false); // Kafka would not say, or is slow to
        // an article received after the embargo has been through: everything sent before it has too (log order)
        send(anArticle("other").inCategory(MediaTopic.SPORT, 0.9).receivedAt(NOW.plusSeconds(61)).build());
        driver.advanceWallClockTime(Duration.ofSeconds(61));

        assertThat(posts.readValuesToList()).extracting(Post::getId).containsExactly("other", "w4");
        assertThat(upstreamAsked).isEmpty();
    }

    @Test
    void shouldSayWhenReadersLastSawTheStoryChangeNotWhenItWasEnrichedAgain() {
        send(anArticle("u1").inCategory(MediaTopic.SPORT, 0.9).sourceDigest("d1").build());
        driver.advanceWallClockTime(Duration.ofMinutes(5));
        send(anArticle("u1").inCategory(MediaTopic.POLITICS, 0.9).sourceDigest("d1").build()); // a replay, new classifier
        driver.advanceWallClockTime(Duration.ofMinutes(5));
        send(anArticle("u1").inCategory(MediaTopic.POLITICS, 0.9).text("Corrected.").sourceDigest("d2").build());
        driver.advanceWallClockTime(Duration.ofMinutes(5));
        send(anArticle("u1").status(PubStatus.CANCELED).build());

        List<Post> events = posts.readValuesToList();
        assertThat(events).extracting(Post::getChange).containsExactly(PostChange.PUBLISHED, PostChange.REENRICHED,
                PostChange.UPDATED, PostChange.KILLED);
        assertThat(events).extracting(Post::getUpdatedAt).containsExactly(NOW, NOW, NOW.plus(Duration.ofMinutes(10)), null);
        assertThat(events.get(1).getPublishedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    }

    @Test
    void shouldHoldAVersionThatArrivesAfterItsEmbargoWhileAKillSentBeforeItIsStillOnItsWay() {
        upstreamCaughtUp.set(false); // a bulk import in enrich, or publish restarting: the kill is still on its way
        driver.advanceWallClockTime(Duration.ofSeconds(120)); // the embargo (NOW + 60 s) has passed meanwhile
        // sent 60 s before its embargo, it reaches publish only now, behind the backlog; then the kill
        send(anArticle("r1").inCategory(MediaTopic.SPORT, 0.9).embargoedUntil(NOW.plusSeconds(60)).receivedAt(NOW).build());
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        assertThat(posts.readValuesToList()).as("published before the kill sent before its embargo").isEmpty();
        send(anArticle("r1").status(PubStatus.CANCELED).receivedAt(NOW.plusSeconds(30)).build());
        upstreamCaughtUp.set(true);
        driver.advanceWallClockTime(Duration.ofSeconds(5));

        assertThat(posts.readValuesToList()).extracting(Post::getEvent).containsExactly(PostEventType.DELETE);
    }

    @Test
    void shouldHoldANewerVersionOfAWaitingHeldOneAndReleaseItOnceCaughtUp() {
        send(anArticle("r2").inCategory(MediaTopic.SPORT, 0.9).embargoedUntil(NOW.plusSeconds(60)).build());
        upstreamCaughtUp.set(false);
        driver.advanceWallClockTime(Duration.ofSeconds(61));
        assertThat(posts.readValuesToList()).isEmpty(); // the held one waits, as it should
        // a fix sent while the embargo held (no embargo of its own, so it keeps the held one's)
        send(anArticle("r2").inCategory(MediaTopic.SPORT, 0.9).version(2).receivedAt(NOW.plusSeconds(30)).build());
        assertThat(posts.readValuesToList()).as("published before what was sent before its embargo").isEmpty();

        upstreamCaughtUp.set(true);
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        assertThat(posts.readValuesToList()).extracting(Post::getVersion).containsExactly(2L);
    }

    @Test
    void shouldNotHoldAVersionWhoseEmbargoEndedBeforeItWasSent() {
        upstreamCaughtUp.set(false); // never asked: an early lift is clear by its own receipt time
        send(anArticle("r3").inCategory(MediaTopic.SPORT, 0.9).embargoedUntil(NOW.minusSeconds(60)).receivedAt(NOW).build());

        assertThat(posts.readValuesToList()).extracting(Post::getId).containsExactly("r3");
    }

    @Test
    void shouldKeepAnEmbargoWhenAFixIsSentWithoutOne() {
        // many CMSs send the embargo with the first push only; a typo fixed during it must not break it
        send(anArticle("e8").inCategory(MediaTopic.SPORT, 0.9).version(1).headline("Rate decision")
                .embargoedUntil(NOW.plusSeconds(60)).build());
        send(anArticle("e8").inCategory(MediaTopic.SPORT, 0.9).version(2).headline("Rate decision, fixed").build());
        send(anArticle("e8").inCategory(MediaTopic.SPORT, 0.9).version(2).headline("Rate decision, fixed again")
                .sourceDigest("fixed-again").build()); // and the same version corrected in place

        assertThat(posts.readValuesToList()).isEmpty();
        assertThat(registry.counter("newsflow.publish.embargoes.lifted").count()).isZero();
        driver.advanceWallClockTime(Duration.ofSeconds(61));

        assertThat(posts.readValuesToList()).singleElement().satisfies(post -> {
            assertThat(post.getVersion()).isEqualTo(2L);
            assertThat(post.getHeadline()).isEqualTo("Rate decision, fixed again");
        });
    }

    @Test
    void shouldCountTheKilledVersionSentAgainAsStaleNotADuplicate() {
        send(anArticle("k9").inCategory(MediaTopic.SPORT, 0.9).version(1).build());
        send(anArticle("k9").status(PubStatus.CANCELED).version(1).receivedAt(NOW.plusSeconds(1)).build());
        send(anArticle("k9").inCategory(MediaTopic.SPORT, 0.9).version(1).receivedAt(NOW.plusSeconds(2)).build());

        assertThat(posts.readValuesToList()).extracting(Post::getEvent).containsExactly(PostEventType.UPSERT,
                PostEventType.DELETE);
        assertThat(registry.counter("newsflow.publish.skipped", "reason", "stale-version").count()).isEqualTo(1.0);
        assertThat(registry.counter("newsflow.publish.skipped", "reason", "duplicate-version").count()).isZero();
    }

    @Test
    void shouldCountAnEmbargoLiftedByANewerVersionButNotAReleaseOnTime() {
        send(anArticle("e6").inCategory(MediaTopic.SPORT, 0.9).version(1).embargoedUntil(NOW.plusSeconds(60)).build());
        send(anArticle("e6").inCategory(MediaTopic.SPORT, 0.9).version(2).embargoedUntil(NOW).build());
        send(anArticle("e7").inCategory(MediaTopic.SPORT, 0.9).embargoedUntil(NOW.plusSeconds(60)).build());
        driver.advanceWallClockTime(Duration.ofSeconds(120));

        assertThat(posts.readValuesToList()).extracting(Post::getId, Post::getVersion).containsExactly(
                org.assertj.core.groups.Tuple.tuple("e6", 2L), org.assertj.core.groups.Tuple.tuple("e7", 1L));
        assertThat(registry.counter("newsflow.publish.embargoes.lifted").count()).isEqualTo(1.0);
    }

    @Test
    void shouldKeepAHeldRepublishWhenTheKillOfTheOldVersionIsRetried() {
        send(anArticle("e5").inCategory(MediaTopic.SPORT, 0.9).version(1).build());
        send(anArticle("e5").status(PubStatus.CANCELED).version(0).receivedAt(NOW.plusSeconds(1)).build());
        send(anArticle("e5").inCategory(MediaTopic.SPORT, 0.9).version(2).receivedAt(NOW.plusSeconds(5))
                .embargoedUntil(NOW.plusSeconds(60)).build());
        send(anArticle("e5").status(PubStatus.CANCELED).version(0).receivedAt(NOW.plusSeconds(1)).build()); // retried
        driver.advanceWallClockTime(Duration.ofSeconds(120));

        assertThat(posts.readValuesToList()).extracting(Post::getEvent, Post::getVersion).containsExactly(
                org.assertj.core.groups.Tuple.tuple(PostEventType.UPSERT, 1L),
                org.assertj.core.groups.Tuple.tuple(PostEventType.DELETE, 1L),
                org.assertj.core.groups.Tuple.tuple(PostEventType.UPSERT, 2L));
    }

    @Test
    void shouldApplyANewerKillAfterARepublish() {
        send(anArticle("r3").inCategory(MediaTopic.SPORT, 0.9).version(1).build());
        send(anArticle("r3").status(PubStatus.CANCELED).version(2).build());
        send(anArticle("r3").inCategory(MediaTopic.SPORT, 0.9).version(3).build());
        send(anArticle("r3").status(PubStatus.CANCELED).version(4).build());

        assertThat(posts.readValuesToList()).extracting(Post::getEvent).containsExactly(PostEventType.UPSERT,
                PostEventType.DELETE, PostEventType.UPSERT, PostEventType.DELETE);
    }

    @Test
    void shouldUpdateALivePostWhenTheSameVersionIsEnrichedAgainDifferently() {
        send(anArticle("re1").inCategory(MediaTopic.POLITICS, 0.6).version(2).build());
        // pushed twice without versionCreated: ingest stamps each copy with its own receive time, still a duplicate
        send(anArticle("re1").inCategory(MediaTopic.POLITICS, 0.6).version(2).versionCreated(NOW.plusSeconds(30)).build());
        send(anArticle("re1").inCategory(MediaTopic.SPORT, 0.9).version(2).build()); // replayed through a new model

        assertThat(posts.readValuesToList()).extracting(p -> p.getCategories().get(0).getCode())
                .containsExactly(MediaTopic.POLITICS.code(), MediaTopic.SPORT.code());
        assertThat(sport.readValuesToList()).extracting(Post::getEvent).containsExactly(PostEventType.UPSERT);
        assertThat(registry.counter("newsflow.publish.skipped", "reason", "duplicate-version").count()).isEqualTo(1.0);
        assertThat(registry.counter("newsflow.publish.reenriched").count()).isEqualTo(1.0);
    }

    @Test
    void shouldShowEverySkipAndDeadLetterReasonAtZeroBeforeTheFirstRecord() {
        for (String reason : PublishProcessor.SKIP_REASONS) {
            // find, not counter(): counter() would create the series the test looks for
            assertThat(registry.find("newsflow.publish.skipped").tag("reason", reason).counter()).as(reason).isNotNull()
                    .satisfies(c -> assertThat(c.count()).isZero());
        }
        assertThat(registry.find("newsflow.dead.letters").counters()).hasSize(dev.newsflow.runtime.DeadLetterReason.of("publish").size());
        assertThat(registry.find("newsflow.dead.letters").tag("reason", "embargo-release-failed").counter()).isNotNull();
        // every section topic, and all of news.posts, for both events: 2 × (17 + 1)
        assertThat(registry.find("newsflow.posts.out").counters()).hasSize(2 * (MediaTopic.values().length + 1))
                .allSatisfy(c -> assertThat(c.count()).isZero());
        assertThat(registry.find("newsflow.publish.embargoed").counter()).isNotNull();
    }

    @Test
    void shouldTimeOnlyNewVersionsFromIngestToPostAndCountHeldOnes() {
        send(anArticle("m1").inCategory(MediaTopic.SPORT, 0.9).receivedAt(NOW.minusSeconds(3)).build());
        send(anArticle("m1").inCategory(MediaTopic.POLITICS, 0.9).receivedAt(NOW.minusSeconds(3)).build()); // re-enriched
        send(anArticle("m2").inCategory(MediaTopic.SPORT, 0.9).embargoedUntil(NOW.plusSeconds(60)).build());
        driver.advanceWallClockTime(Duration.ofSeconds(61)); // released: time held is not the pipeline's

        assertThat(posts.readValuesToList()).extracting(Post::getId).containsExactly("m1", "m1", "m2");
        io.micrometer.core.instrument.Timer endToEnd = registry.find("newsflow.publish.end.to.end").timer();
        assertThat(endToEnd).isNotNull();
        assertThat(endToEnd.count()).isEqualTo(1);
        assertThat(endToEnd.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(3_000.0);
        assertThat(registry.counter("newsflow.publish.embargoed").count()).isEqualTo(1.0);
    }

    @Test
    void shouldSkipDuplicateAndStaleVersions() {
        send(anArticle("d1").inCategory(MediaTopic.SPORT, 0.9).version(2).build());
        send(anArticle("d1").inCategory(MediaTopic.SPORT, 0.9).version(2).build());
        send(anArticle("d1").inCategory(MediaTopic.SPORT, 0.9).version(1).build());

        assertThat(posts.readValuesToList()).extracting(Post::getVersion).containsExactly(2L);
        assertThat(registry.counter("newsflow.publish.skipped", "reason", "duplicate-version").count()).isEqualTo(1.0);
        assertThat(registry.counter("newsflow.publish.skipped", "reason", "stale-version").count()).isEqualTo(1.0);
    }

    @Test
    void shouldReplaceThePostAndKeepItsUrlWhenTheHeadlineIsCorrected() {
        send(anArticle("u1").inCategory(MediaTopic.SPORT, 0.9).headline("Teh match").build());
        send(anArticle("u1").inCategory(MediaTopic.SPORT, 0.9).headline("The match").version(2).build());

        List<Post> events = current.readValuesToList();
        assertThat(events).hasSize(2);
        assertThat(events.get(1).getHeadline()).isEqualTo("The match");
        assertThat(events.get(1).getUrl()).isEqualTo(events.get(0).getUrl());
    }

    @Test
    void shouldSendADeleteToACategoryTheUpdateNoLongerHas() {
        send(anArticle("c1").inCategory(MediaTopic.SPORT, 0.9).build());
        send(anArticle("c1").inCategory(MediaTopic.POLITICS, 0.9).version(2).build());

        assertThat(sport.readValuesToList()).extracting(Post::getEvent)
                .containsExactly(PostEventType.UPSERT, PostEventType.DELETE);
        assertThat(politics.readValuesToList()).extracting(Post::getEvent).containsExactly(PostEventType.UPSERT);
    }

    @Test
    void shouldTellASectionThePostLeftEvenAfterTheRoutingThresholdWasRaised() {
        send(anArticle("c3").inCategory(MediaTopic.POLITICS, 0.6).inCategory(MediaTopic.SPORT, 0.2).build());
        // as if it went to sport under an older, lower threshold: what publish remembers is where it went
        driver.<String, String>getKeyValueStore(PublishProcessor.ROUTED_STORE)
                .put("c3", Topics.postsFor(MediaTopic.POLITICS) + "," + Topics.postsFor(MediaTopic.SPORT));
        send(anArticle("c3").inCategory(MediaTopic.POLITICS, 0.6).version(2).build());

        assertThat(sport.readValuesToList()).extracting(Post::getChange).containsExactly(PostChange.LEFT_SECTION);
        assertThat(driver.<String, String>getKeyValueStore(PublishProcessor.ROUTED_STORE).get("c3"))
                .isEqualTo(Topics.postsFor(MediaTopic.POLITICS));
    }

    @Test
    void shouldNotTellASectionThePostNeverWentToThatItLeft() {
        send(anArticle("c2").inCategory(MediaTopic.POLITICS, 0.6).inCategory(MediaTopic.WEATHER, 0.1).build());
        send(anArticle("c2").inCategory(MediaTopic.POLITICS, 0.6).inCategory(MediaTopic.WEATHER, 0.1).version(2).build());

        assertThat(driver.createOutputTopic(Topics.postsFor(MediaTopic.WEATHER), new StringDeserializer(),
                Serdes.POST.deserializer()).isEmpty()).isTrue();
        assertThat(politics.readValuesToList()).extracting(Post::getChange)
                .containsExactly(PostChange.PUBLISHED, PostChange.UPDATED);
    }

    @Test
    void shouldHoldAnEmbargoedArticleUntilItsEmbargoPasses() {
        send(anArticle("e1").inCategory(MediaTopic.SPORT, 0.9).embargoedUntil(NOW.plusSeconds(60)).build());

        assertThat(posts.isEmpty()).isTrue();
        driver.advanceWallClockTime(Duration.ofSeconds(30));
        assertThat(posts.isEmpty()).isTrue();
        driver.advanceWallClockTime(Duration.ofSeconds(31));
        assertThat(posts.readValue().getId()).isEqualTo("e1");
    }

    @Test
    void shouldReleaseEachHeldArticleAtItsOwnTimeAndFollowAMovedEmbargo() {
        send(anArticle("late").inCategory(MediaTopic.SPORT, 0.9).embargoedUntil(NOW.plusSeconds(90)).build());
        send(anArticle("early").inCategory(MediaTopic.SPORT, 0.9).embargoedUntil(NOW.plusSeconds(30)).build());
        send(anArticle("moved").inCategory(MediaTopic.SPORT, 0.9).embargoedUntil(NOW.plusSeconds(30)).build());
        // the same version sent again with its embargo pushed back an hour
        send(anArticle("moved").inCategory(MediaTopic.SPORT, 0.9).embargoedUntil(NOW.plusSeconds(3600)).build());

        driver.advanceWallClockTime(Duration.ofSeconds(31));
        assertThat(posts.readValuesToList()).extracting(Post::getId).containsExactly("early");
        driver.advanceWallClockTime(Duration.ofSeconds(60));
        assertThat(posts.readValuesToList()).extracting(Post::getId).containsExactly("late");
        driver.advanceWallClockTime(Duration.ofSeconds(3600));
        assertThat(posts.readValuesToList()).extracting(Post::getId).containsExactly("moved");
        assertThat(driver.<String, String>getKeyValueStore(PublishProcessor.EMBARGO_TIMES_STORE).approximateNumEntries())
                .isZero();
    }

    @Test
    void shouldOrderReleaseKeysByTime() {
        assertThat(EmbargoSchedule.releaseKey(java.time.Instant.ofEpochMilli(9), "z"))
                .isLessThan(EmbargoSchedule.releaseKey(java.time.Instant.ofEpochMilli(10), "a"));
    }

    @Test
    void shouldReleaseTheNewestEnrichmentOfAHeldVersion() {
        send(anArticle("e3").inCategory(MediaTopic.POLITICS, 0.6).embargoedUntil(NOW.plusSeconds(60)).build());
        send(anArticle("e3").inCategory(MediaTopic.SPORT, 0.9).embargoedUntil(NOW.plusSeconds(60)).build()); // a replay
        driver.advanceWallClockTime(Duration.ofSeconds(120));

        assertThat(posts.readValuesToList()).singleElement()
                .satisfies(p -> assertThat(p.getCategories().get(0).getCode()).isEqualTo(MediaTopic.SPORT.code()));
    }

    @Test
    void shouldNeverReleaseAnEmbargoedArticleThatWasKilled() {
        send(anArticle("e2").inCategory(MediaTopic.SPORT, 0.9).embargoedUntil(NOW.plusSeconds(60)).build());
        send(anArticle("e2").status(PubStatus.CANCELED).build());
        driver.advanceWallClockTime(Duration.ofSeconds(120));

        assertThat(posts.readValuesToList()).extracting(Post::getEvent).containsExactly(PostEventType.DELETE);
    }

    @Test
    void shouldCallTheFirstPublicationOfAStoryKilledWhileHeldPublishedNotRepublished() {
        send(anArticle("e6").inCategory(MediaTopic.SPORT, 0.9).embargoedUntil(NOW.plusSeconds(60)).build());
        send(anArticle("e6").status(PubStatus.CANCELED).build());
        send(anArticle("e6").inCategory(MediaTopic.SPORT, 0.9).version(2).build());

        assertThat(posts.readValuesToList()).extracting(Post::getChange)
                .containsExactly(PostChange.KILLED, PostChange.PUBLISHED);
    }

    @Test
    void shouldSayWhatATombstoneOnTheInputIsAndWhatToSendInstead() {
        enrichedBytes.pipeInput("t1", (byte[]) null);

        DeadLetter dead = deadLetters.readValue();
        assertThat(dead.getReason()).isEqualTo("null-value");
        assertThat(dead.getDetail()).contains("tombstone", "send a kill");
    }

    @Test
    void shouldSendUndecodableBytesToTheDeadLetterTopicAndCarryOn() {
        // written long ago (a replay): the dead letter is stamped now, so its topic's 30-day retention keeps it
        enrichedBytes.pipeInput("bad", "garbage".getBytes(StandardCharsets.UTF_8), NOW.minus(Duration.ofDays(60)));
        send(anArticle("g1").inCategory(MediaTopic.SPORT, 0.9).build());

        TestRecord<String, DeadLetter> letter = deadLetters.readRecord();
        assertThat(letter.getRecordTime()).isEqualTo(NOW);
        DeadLetter dead = letter.getValue();
        assertThat(dead.getReason()).isEqualTo("undecodable-record");
        assertThat(dead.getStage()).isEqualTo("publish");
        assertThat(dead.getSourceTopic()).isEqualTo(Topics.ARTICLES_ENRICHED);
        assertThat(StandardCharsets.UTF_8.decode(dead.getValue()).toString()).isEqualTo("garbage");
        assertThat(posts.readValue().getId()).isEqualTo("g1");
        assertThat(registry.counter("newsflow.dead.letters", "stage", "publish", "reason", "undecodable-record").count())
                .isEqualTo(1.0);
    }

    @Test
    void shouldDeadLetterARecordWhoseKeyIsNotItsId() {
        enriched.pipeInput("other-key", anArticle("m1").build());

        assertThat(deadLetters.readValue().getReason()).isEqualTo("key-mismatch");
        assertThat(posts.isEmpty()).isTrue();
    }
}
