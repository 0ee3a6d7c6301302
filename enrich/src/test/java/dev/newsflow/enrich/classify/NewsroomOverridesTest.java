package dev.newsflow.enrich.classify;

import dev.newsflow.schemas.MediaTopic;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NewsroomOverridesTest {

    @Test
    void shouldReadTheBundledExample() throws IOException {
        NewsroomOverrides overrides = NewsroomOverrides.loadExample();

        assertThat(overrides.rules()).extracting(NewsroomOverrides.Rule::id).containsExactly("local-weather", "sports-wire");
        assertThat(overrides.rules().get(1).topic()).isEqualTo(MediaTopic.SPORT);
        assertThat(overrides.rules().get(1).primary()).isTrue();
    }

    @Test
    void shouldMatchSourcesIgnoringCaseAndTermsByCount() throws IOException {
        NewsroomOverrides overrides = NewsroomOverrides.parse(new StringReader("""
                rule.a.source = ESPN
                rule.a.topic = sport
                rule.b.terms = storm warning, flood
                rule.b.min-hits = 2
                rule.b.topic = medtop:17000000
                """), "test");
        long[] oneHit = Tokenizer.tokenize("A storm warning was issued.");
        long[] twoHits = Tokenizer.tokenize("A storm warning was issued; a flood is expected.");

        assertThat(overrides.matching(oneHit, "espn", true)).extracting(NewsroomOverrides.Rule::id).containsExactly("a");
        assertThat(overrides.matching(twoHits, null, true)).extracting(NewsroomOverrides.Rule::id).containsExactly("b");
        assertThat(overrides.matching(twoHits, null, false)).isEmpty();
    }

    @Test
    void shouldCountTheSameWordsListedTwiceOnceTowardMinHits() throws IOException {
        NewsroomOverrides overrides = NewsroomOverrides.parse(new StringReader("""
                rule.summit.terms = G7, G8, Flood, flood
                rule.summit.min-hits = 2
                rule.summit.topic = politics
                """), "test");

        assertThat(overrides.matching(Tokenizer.tokenize("The G7 met."), null, true)).isEmpty();
        assertThat(overrides.matching(Tokenizer.tokenize("The G7 met about the flood."), null, true)).hasSize(1);
    }

    @Test
    void shouldRejectAnUnknownKeyARuleWithoutTopicAndABadConfidence() {
        assertThatThrownBy(() -> NewsroomOverrides.parse(new StringReader("rule.a.colour = red\n"), "test"))
                .hasMessageContaining("unknown key");
        assertThatThrownBy(() -> NewsroomOverrides.parse(new StringReader("rule.a.source = x\n"), "test"))
                .hasMessageContaining("no topic");
        assertThatThrownBy(() -> NewsroomOverrides.parse(new StringReader("rule.a.source = x\nrule.a.topic = sport\nrule.a.confidence = 2\n"), "test"))
                .hasMessageContaining("confidence");
    }

    @Test
    void shouldRefuseValuesThatAreNotNumbersOrBooleansNamingTheRuleAndTheInlineComment() {
        String rule = "rule.wire.source = espn\nrule.wire.topic = sport\n";

        assertThatThrownBy(() -> NewsroomOverrides.parse(new StringReader(rule + "rule.wire.primary = true   # the wire\n"), "f.properties"))
                .hasMessageContaining("f.properties").hasMessageContaining("'wire'").hasMessageContaining("primary")
                .hasMessageContaining("comment");
        assertThatThrownBy(() -> NewsroomOverrides.parse(new StringReader(rule + "rule.wire.primary = yes\n"), "f.properties"))
                .hasMessageContaining("true or false");
        assertThatThrownBy(() -> NewsroomOverrides.parse(new StringReader(rule + "rule.wire.confidence = 0.9 # strong\n"), "f.properties"))
                .hasMessageContaining("'wire'").hasMessageContaining("confidence must be a number");
        assertThatThrownBy(() -> NewsroomOverrides.parse(new StringReader(rule + "rule.wire.min-hits = two\n"), "f.properties"))
                .hasMessageContaining("min-hits must be a whole number");
        assertThatThrownBy(() -> NewsroomOverrides.parse(new StringReader(
                        "rule.wire.source = espn  # sports\nrule.wire.topic = sport\n"), "f.properties"))
                .hasMessageContaining("source").hasMessageContaining("comment");
    }
}
