package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiKeysTest {

    private static final String CMS_KEY = "cms-key-0123456789abcdef";
    private static final String WIRE_KEY = "wire-key-0123456789abcdef";
    private static final String SHORT_KEY = "tooShort123";

    private final ApiKeys keys = ApiKeys.parse("cms:" + CMS_KEY + ", wire:" + WIRE_KEY);

    @Test
    void shouldReadEveryNameKeyPair() {
        assertThat(keys.size()).isEqualTo(2);
    }

    @Test
    void shouldNameTheKeysThatMayWriteAnyIdWhileOthersExist() {
        ApiKeys keys = ApiKeys.parse("cms:cms-key-0123456789abcdef,wire:wire-key-0123456789abcdef,agency:agency-key-0123456789ab");

        assertThat(keys.unboundedAmongSeveral()).containsExactly("agency", "cms", "wire");
        assertThat(keys.withIdPrefixes(java.util.List.of("wire=urn:wire:", "agency=urn:ag:")).unboundedAmongSeveral())
                .containsExactly("cms");
        assertThat(ApiKeys.parse("cms:cms-key-0123456789abcdef").unboundedAmongSeveral()).isEmpty(); // one sender
    }

    @Test
    void shouldNameTheKeyThatWasPresented() {
        assertThat(keys.authenticate(CMS_KEY)).contains("cms");
        assertThat(keys.authenticate(WIRE_KEY)).contains("wire");
    }

    @Test
    void shouldRefuseAWrongMissingOrEmptyKey() {
        assertThat(keys.authenticate(CMS_KEY + "x")).isEmpty();
        assertThat(keys.authenticate(CMS_KEY.substring(1))).isEmpty();
        assertThat(keys.authenticate(null)).isEmpty();
        assertThat(keys.authenticate("")).isEmpty();
    }

    @Test
    void shouldRejectAKeyShorterThanTheMinimumWithoutShowingIt() {
        assertThatThrownBy(() -> ApiKeys.parse("cms:" + CMS_KEY + ",wire:" + SHORT_KEY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entry 2")
                .hasMessageContaining(String.valueOf(ApiKeys.MIN_KEY_LENGTH))
                .hasMessageNotContaining(SHORT_KEY);
        // written key:name, the key is before the colon: the message must not show it either
        assertThatThrownBy(() -> ApiKeys.parse(CMS_KEY + ":cms"))
                .hasMessageContaining("entry 1").hasMessageContaining("name:key").hasMessageNotContaining(CMS_KEY);
    }

    @Test
    void shouldRejectOneKeyGivenToTwoSystems() {
        // requests would run under whichever name matched, with its unpublish rights and id prefixes
        assertThatThrownBy(() -> ApiKeys.parse("wire:" + CMS_KEY + ",cms:" + CMS_KEY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wire").hasMessageContaining("cms").hasMessageContaining("same key")
                .hasMessageNotContaining(CMS_KEY);
    }

    @Test
    void shouldRejectTheSameNameTwiceWithoutShowingEitherKey() {
        assertThatThrownBy(() -> ApiKeys.parse("cms:" + CMS_KEY + ",cms:" + CMS_KEY)).hasMessageContaining("names cms twice");
        assertThatThrownBy(() -> ApiKeys.parse("cms:" + CMS_KEY + ",cms:" + WIRE_KEY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cms")
                .hasMessageNotContaining(CMS_KEY)
                .hasMessageNotContaining(WIRE_KEY);
    }

    @Test
    void shouldRejectAnEntryThatIsNotNameColonKey() {
        assertThatThrownBy(() -> ApiKeys.parse("cms:" + CMS_KEY + "," + WIRE_KEY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entry 2")
                .hasMessageNotContaining(WIRE_KEY);
        assertThatThrownBy(() -> ApiKeys.parse(":" + CMS_KEY)).hasMessageContaining("entry 1");
        assertThatThrownBy(() -> ApiKeys.parse("cms:")).hasMessageContaining("entry 1");
    }

    @Test
    void shouldRejectAnEmptySpecification() {
        assertThatThrownBy(() -> ApiKeys.parse(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NEWSFLOW_API_KEYS");
        assertThatThrownBy(() -> ApiKeys.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldShowNamesButNeverKeysInToString() {
        assertThat(keys.toString()).contains("cms", "wire").doesNotContain(CMS_KEY, WIRE_KEY);
    }

    @Test
    void shouldLetEveryKeyUnpublishUnlessSomeAreNamed() {
        assertThat(keys.mayUnpublish("wire")).isTrue();
        ApiKeys onlyCms = keys.withUnpublishers(java.util.List.of("cms", " "));

        assertThat(onlyCms.mayUnpublish("cms")).isTrue();
        assertThat(onlyCms.mayUnpublish("wire")).isFalse();
        assertThatThrownBy(() -> keys.withUnpublishers(java.util.List.of("desk")))
                .hasMessageContaining("api.unpublish.keys names desk").hasMessageNotContaining(CMS_KEY);
    }

    @Test
    void shouldParseIdPrefixesAndRefuseOnesForUnknownKeysOrWithoutAPrefix() {
        ApiKeys keys = ApiKeys.parse("cms:0123456789abcdef,wire:fedcba9876543210")
                .withIdPrefixes(java.util.List.of(" wire=urn:wire: ", "wire=ap:", ""));

        org.assertj.core.api.Assertions.assertThat(keys.mayWrite("wire", "urn:wire:1")).isTrue();
        org.assertj.core.api.Assertions.assertThat(keys.mayWrite("wire", "ap:1")).isTrue();
        org.assertj.core.api.Assertions.assertThat(keys.mayWrite("wire", "urn:cms:1")).isFalse();
        org.assertj.core.api.Assertions.assertThat(keys.mayWrite("cms", "anything")).isTrue();
        org.assertj.core.api.Assertions.assertThat(keys.toString()).doesNotContain("0123456789abcdef");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> keys.withIdPrefixes(java.util.List.of("scraper=x:")))
                .hasMessageContaining("scraper");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> keys.withIdPrefixes(java.util.List.of("wire")))
                .hasMessageContaining("name=prefix");
    }
}
