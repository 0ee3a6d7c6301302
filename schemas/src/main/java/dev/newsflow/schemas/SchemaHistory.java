package dev.newsflow.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * Every released version of a record schema, kept as resources {@code /dev/newsflow/schemas/history/<Name>/v<N>.avsc}.
 * Readers register them all, so records written by any released producer stay readable; the build checks that
 * each new version can read every older one.
 */
public final class SchemaHistory {

    private static final String ROOT = "/dev/newsflow/schemas/history/";
    /** SHA-256 of every released file: a released schema never changes (checked in the build). */
    public static final String LOCK = ROOT + "released.sha256";

    private SchemaHistory() {
    }

    /** Released versions of the named record, oldest first (v1, v2, ...). */
    public static List<Schema> released(String recordName) {
        List<Schema> versions = new ArrayList<>();
        for (int v = 1; ; v++) {
            try (InputStream in = SchemaHistory.class.getResourceAsStream(resource(recordName, v))) {
                if (in == null) {
                    return List.copyOf(versions);
                }
                versions.add(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read released schema " + resource(recordName, v), e);
            }
        }
    }

    /** The released version whose wire form (Avro's parsing fingerprint) is {@code schema}'s, or 0 when none is. */
    public static int versionOf(Schema schema) {
        return versionOf(schema, released(schema.getName()));
    }

    /** As {@link #versionOf(Schema)}, among versions already read. */
    static int versionOf(Schema schema, List<Schema> versions) {
        long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
        for (int i = versions.size() - 1; i >= 0; i--) {
            if (SchemaNormalization.parsingFingerprint64(versions.get(i)) == fingerprint) {
                return i + 1;
            }
        }
        return 0;
    }

    static String resource(String recordName, int version) {
        return ROOT + recordName + "/v" + version + ".avsc";
    }
}
