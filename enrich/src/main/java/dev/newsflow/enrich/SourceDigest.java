package dev.newsflow.enrich;

import dev.newsflow.schemas.avro.ContentType;
import dev.newsflow.schemas.avro.RawArticle;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import org.jsoup.Jsoup;

/**
 * A digest of the words the sender wrote: headline, body, byline and editor's teaser, and the lead image the sender
 * named (address, alt text, caption) when it named one. publish compares it to tell a
 * correction sent under the same version number (new words: UPDATED) from the same words enriched again (a replay
 * through a changed classifier or extractor: REENRICHED), which enrich's own output cannot tell apart.
 *
 * <p>Words, not bytes: an HTML body counts by its text as jsoup reads it (no markup, attributes, scripts, styles or
 * comments; white space collapsed), so a scraper's fresh nonce or reformatted markup is not a correction. Not our
 * extractor's text either, which changes when the extractor does. CRC-32C and the length: an identifier of one
 * article's words compared with its own earlier ones, not a defence against forgery, so no cryptographic hash.
 */
final class SourceDigest {

    private SourceDigest() {
    }

    static String of(RawArticle raw) {
        String body = raw.getBody() == null ? "" : raw.getBody();
        String words = raw.getContentType() == ContentType.HTML ? Jsoup.parseBodyFragment(body).text() : collapse(body);
        CRC32C crc = new CRC32C();
        long length = 0;
        java.util.List<CharSequence> parts = new java.util.ArrayList<>(java.util.Arrays.asList(
                raw.getHeadline(), words, raw.getByline(), raw.getDescription()));
        if (raw.getImage() != null) { // only then: an article without one keeps the digest it had before RawArticle v2
            parts.addAll(java.util.Arrays.asList(raw.getImage().getUrl(), raw.getImage().getAlt(), raw.getImage().getCaption()));
        }
        for (CharSequence part : parts) {
            byte[] bytes = (part == null ? "\u0000null" : collapse(part.toString())).getBytes(StandardCharsets.UTF_8);
            crc.update(bytes);
            crc.update(0); // a separator, so moving words between fields changes the digest
            length += bytes.length;
        }
        return String.format("crc32c:%08x:%d", crc.getValue(), length);
    }

    private static String collapse(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
