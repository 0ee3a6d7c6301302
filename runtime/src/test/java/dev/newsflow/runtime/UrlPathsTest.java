package dev.newsflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UrlPathsTest {

    @Test
    void shouldEncodeEachSegmentAndKeepTheSlashes() {
        assertThat(UrlPaths.encodeSegments("wire/2026/a+b c")).isEqualTo("wire/2026/a%2Bb%20c");
        assertThat(UrlPaths.encodeSegments("urn:cms:4711")).isEqualTo("urn%3Acms%3A4711");
        assertThat(UrlPaths.encodeSegments("é/ü")).isEqualTo("%C3%A9/%C3%BC");
    }

    @Test
    void shouldTakeOnlyAnHttpUrlASiteCanPutInALinkAsItIs() {
        assertThat(List.of("https://wire.example/2026/11/a-1?ref=feed#top", "HTTP://bücher.example/", "https://my_host.example/a",
                "https://wire.example:8443/a?b=c@d"))
                .allMatch(UrlPaths::isSafeHttpUrl);
        assertThat(List.of("javascript:alert(1)", "https://", "http:///path", "https://x.example/a'b", "https://x.example/a\"b",
                "https://x.example/<b>", "https://x.example/a b", "https://x.example/\u00a0", "https://x.example/\u202egpj.exe",
                "https://x.example/\u200b", "https://user:secret@x.example/a", "https://x.example/`"))
                .noneMatch(UrlPaths::isSafeHttpUrl);
        assertThat(UrlPaths.isSafeHttpUrl(null)).isFalse();
    }
}
