package dev.newsflow.enrich;

import dev.newsflow.schemas.avro.RawArticle;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * A digest of what the sender wrote: headline, body, byline and editor's teaser, as received. publish compares it to
 * tell a correction sent under the same version number (new words: UPDATED) from the same text enriched again (a
 * replay through a changed classifier or extractor: REENRICHED), which enrich's own output cannot tell apart.
 *
 * <p>CRC-32C (native, about 1 µs for a 3 KB article) and the length: an identifier of one article's text compared with
 * its own previous version, not a defence against forgery, so no cryptographic hash is needed.
 */
final class SourceDigest {

    private SourceDigest() {
    }

    static String of(RawArticle raw) {
        CRC32C crc = new CRC32C();
        long length = 0;
        for (CharSequence part : new CharSequence[] {raw.getHeadline(), raw.getBody(), raw.getByline(), raw.getDescription()}) {
            byte[] bytes = (part == null ? "\u0000null" : part.toString()).getBytes(StandardCharsets.UTF_8);
            crc.update(bytes);
            crc.update(0); // a separator, so moving words between fields changes the digest
            length += bytes.length;
        }
        return String.format("crc32c:%08x:%d", crc.getValue(), length);
    }
}
