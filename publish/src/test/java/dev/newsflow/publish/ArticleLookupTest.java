package dev.newsflow.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

class ArticleLookupTest {

    @Test
    void shouldRedirectWithTheIdsSegmentsEncodedItsSlashesKeptAndAHopMark() {
        assertThat(ArticleLookup.url(new HostInfo("publish-2", 8082), "wire/2026/a+b c"))
                .isEqualTo("http://publish-2:8082/articles/wire/2026/a%2Bb%20c?hop=1");
        assertThat(ArticleLookup.url(new HostInfo("urn-host", 8082), "urn:cms:4711"))
                .isEqualTo("http://urn-host:8082/articles/urn%3Acms%3A4711?hop=1");
    }

    @Test
    void shouldBracketAnIpv6Host() {
        assertThat(ArticleLookup.url(new HostInfo("fd00::12", 8082), "a1")).isEqualTo("http://[fd00::12]:8082/articles/a1?hop=1");
    }
}
