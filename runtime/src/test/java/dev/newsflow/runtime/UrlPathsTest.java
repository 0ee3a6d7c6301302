package dev.newsflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlPathsTest {

    @Test
    void shouldEncodeEachSegmentAndKeepTheSlashes() {
        assertThat(UrlPaths.encodeSegments("wire/2026/a+b c")).isEqualTo("wire/2026/a%2Bb%20c");
        assertThat(UrlPaths.encodeSegments("urn:cms:4711")).isEqualTo("urn%3Acms%3A4711");
        assertThat(UrlPaths.encodeSegments("é/ü")).isEqualTo("%C3%A9/%C3%BC");
    }
}
