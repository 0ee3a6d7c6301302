package dev.newsflow.publish;

import static dev.newsflow.publish.EnrichedArticles.T0;
import static dev.newsflow.publish.EnrichedArticles.anArticle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schemas.MediaTopic;
import dev.newsflow.schemas.Topics;
import dev.newsflow.schemas.avro.Post;
import dev.newsflow.schemas.avro.PostChange;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArticleStateTest {

    private static final String SPORT_TOPIC = Topics.postsFor(MediaTopic.SPORT);
    private final PostBuilder posts = new PostBuilder("https://news.example.com");
    private final Post live = posts.upsert(anArticle("a1").inCategory(MediaTopic.SPORT, 0.9).version(2).build(), null, T0);

    @Test
    void shouldShowALivePostWithItsVersionCategoriesAndSections() {
        ArticleState state = new ArticleState("a1", live, SPORT_TOPIC, null, null);

        assertThat(state.state()).isEqualTo("live");
        assertThat(state.known()).isTrue();
        @SuppressWarnings("unchecked")
        Map<String, Object> post = (Map<String, Object>) state.toJson().get("live");
        assertThat(post).containsEntry("version", 2L).containsEntry("headline", "Headline of a1")
                .containsEntry("sections", List.of(SPORT_TOPIC))
                .containsEntry("sectionSlugs", List.of(MediaTopic.SPORT.slug()))
                .containsEntry("url", live.getUrl()).containsEntry("firstPublishedAt", T0.toString());
        assertThat(post.get("categories").toString()).contains(MediaTopic.SPORT.code());
    }

    @Test
    void shouldShowAHeldVersionByNumberAndReleaseTimeButNeverItsWords() {
        Instant until = T0.plusSeconds(3_600);
        var held = anArticle("a1").version(3).headline("Secret merger agreed").embargoedUntil(until).build();

        ArticleState state = new ArticleState("a1", null, null, held, null);

        assertThat(state.state()).isEqualTo("embargoed");
        assertThat(state.toJson()).containsEntry("embargoed", Map.of("version", 3L, "until", until.toString()));
        assertThat(state.toJson().toString()).doesNotContain("Secret", "merger", "First paragraph");
    }

    @Test
    void shouldSayALiveVersionIsLiveWhileANewerOneIsHeld() {
        var held = anArticle("a1").version(3).embargoedUntil(T0.plusSeconds(60)).build();

        ArticleState state = new ArticleState("a1", live, SPORT_TOPIC, held, null);

        assertThat(state.state()).isEqualTo("live");
        assertThat(state.toJson()).containsKeys("live", "embargoed");
    }

    @Test
    void shouldNameAKillOrWithholdFromTheRememberedDeleteWithoutTheStorysWords() {
        Post killed = posts.remembered(posts.delete("a1", 3, live, T0.plusSeconds(5), PostChange.KILLED));
        Post withheld = posts.remembered(posts.delete("a1", 3, live, T0.plusSeconds(5), PostChange.WITHHELD));

        ArticleState state = new ArticleState("a1", killed, null, null, 3L);

        assertThat(state.state()).isEqualTo("killed");
        assertThat(new ArticleState("a1", withheld, null, null, 3L).state()).isEqualTo("withheld");
        assertThat(state.toJson()).containsEntry("unpublishedUpToVersion", 3L).doesNotContainKey("live");
        assertThat(state.toJson().toString()).contains("takenDown", "KILLED")
                .doesNotContain("Headline of a1", "headline-of-a1", live.getUrl());
        // a withheld post may come back at its URL: shown
        assertThat(new ArticleState("a1", withheld, null, null, 3L).toJson().toString()).contains(live.getUrl());
    }

    @Test
    void shouldSayUnpublishedForAKillThatCameBeforeAnyPostAndUnknownForNothing() {
        assertThat(new ArticleState("a1", null, null, null, 2L).state()).isEqualTo("unpublished");

        ArticleState nothing = new ArticleState("a1", null, null, null, null);

        assertThat(nothing.state()).isEqualTo("unknown");
        assertThat(nothing.known()).isFalse();
        assertThat(nothing.toJson().get("detail").toString()).contains("dead-letters", "lag");
    }

    @Test
    void shouldCallAKillThatCameBeforeAnyPostUnpublishedNotKilled() {
        Post killedFirst = posts.remembered(posts.delete("a9", 1, null, T0, dev.newsflow.schemas.avro.PostChange.KILLED));

        assertThat(new ArticleState("a9", killedFirst, null, null, 1L).state()).isEqualTo("unpublished");
    }

    @Test
    void shouldSayWhetherAHeldVersionsTimeHasPassed() {
        Instant now = Instant.parse("2026-11-28T10:00:00Z");

        assertThat(new HeldEmbargoes.Held("a1", 2, now.plusSeconds(60), 1).toJson(now)).containsEntry("passed", false);
        // past its time and still held: it waits for what was sent before it
        assertThat(new HeldEmbargoes.Held("a1", 2, now, 1).toJson(now)).containsEntry("passed", true)
                .containsEntry("embargoedUntil", now.toString()).containsEntry("partition", 1);
    }
}
