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
        // no real address is longer: every stage that sends one on (ingest, enrich's links and images, publish) agrees
        String base = "https://cdn.example/";
        assertThat(UrlPaths.isSafeHttpUrl(base + "a".repeat(UrlPaths.MAX_CHARS - base.length()))).isTrue();
        assertThat(UrlPaths.isSafeHttpUrl(base + "a".repeat(UrlPaths.MAX_CHARS - base.length() + 1))).isFalse();
    }

    @Test
    void shouldRefuseAnInternalHostOrASecretInTheQuery() {
        assertThat(List.of("http://intranet.local:8443/drafts/a", "https://cms/a", "http://localhost/a",
                "http://10.1.2.3/a", "http://192.168.0.7:8080/a", "http://172.20.1.1/a", "http://[::1]/a",
                "https://cms.corp/a", "https://wire.example/a?token=abc123&preview=1",
                "https://wire.example/a?ref=x&API_KEY=k", "https://s3.example/a?X-Amz-Signature=ab",
                "https://wire.example/a#access_token=t", "http://127.1/a", "http://0x7f.0.0.1/a", "http://10.0.0.1./a",
                "http://[::ffff:127.0.0.1]/a", "http://[0:0:0:0:0:0:0:1]/a", "http://[fd00::1]/a",
                "https://wire.example/a;jsessionid=ABC", "https://s.example/a?X-Goog-Signature=ab",
                "https://wire.example/a?auth=x", "https://wire.example/a?access-token=x", "https://wire.example/a?jwt=x",
                "https://wire.example/a?%74oken=x", "https://p%D0%B0ypal.example/", "https://wire.example/%zz",
                "https://cdn.example/a.jpg?private_token=glpat-x", "https://cdn.example/a.jpg?access_key=AKIA",
                "https://maps.example/embed?key=AIzaSy", "https://cdn.example/a.jpg?upload-sig=ab",
                "https://cdn.example/a.jpg?aws_secret_access_key=x", "https://cdn.example/a.jpg?X-Amz-Security-Token=x",
                "https://cdn.example/a.jpg?oauth_access_token=x"))
                .noneMatch(UrlPaths::isSafeHttpUrl);
        assertThat(List.of("https://wire.example/a?ref=feed&page=2", "https://news.example:8443/a?tokens_left=2",
                "http://172.32.0.1/a", "https://local.example/a", "https://example.com./a",
                "https://slashdot.example/story/04/08/12/1234?sid=04/08/12/1234", "http://8.8.8.8/a",
                "http://[2001:db8::1]/a", "https://wire.example/caf%C3%A9?q=a+b",
                "https://shop.example/a?keyword=x&monkey=1&tokenized=2", "https://news.example/a?code=US"))
                .allMatch(UrlPaths::isSafeHttpUrl);
    }

    @Test
    void shouldRefuseAHostThatMixesScriptsToLookLikeAnother() {
        // a Cyrillic "а" (U+0430) in "paypal", as written and as Punycode; a Greek "ο" in "google"
        assertThat(List.of("https://p\u0430ypal.example/login", "https://xn--pypal-4ve.example/login",
                "https://g\u03bfogle.example/", "https://ru-\u043f\u0440\u0430\u0432\u0434\u0430.example/", "https://news.example.p\u0430ypal.example:8443/a"))
                .noneMatch(UrlPaths::isSafeHttpUrl);
        // one script a label, or Japanese, Chinese or Korean with Latin; digits and hyphens belong to every script
        assertThat(List.of("https://\u03b5\u03c5\u03c1\u03ce\u03c0\u03b7.example/", "https://\u043f\u0440\u0430\u0432\u0434\u0430.ru/a",
                "https://xn--bcher-kva.example/", "https://\u6771\u4eac\u30cb\u30e5\u30fc\u30b9-tv24.example/",
                "https://news-\ub274\uc2a4.example/"))
                .allMatch(UrlPaths::isSafeHttpUrl);
    }
}
