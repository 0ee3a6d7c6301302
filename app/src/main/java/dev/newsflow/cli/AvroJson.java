package dev.newsflow.cli;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.IndexedRecord;

/**
 * Plain JSON shapes of Avro records for people and scripts: field names as in the schema, times as ISO-8601,
 * enums as their names. (Avro's own JSON encoding wraps every union value in a type name, which nobody wants to read.)
 */
final class AvroJson {

    private AvroJson() {
    }

    static Map<String, Object> toMap(IndexedRecord record) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Schema.Field field : record.getSchema().getFields()) {
            out.put(field.name(), plain(record.get(field.pos())));
        }
        return out;
    }

    private static Object plain(Object value) {
        if (value instanceof IndexedRecord r) {
            return toMap(r);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(plain(v)));
            return out;
        }
        if (value instanceof Instant || value instanceof Enum<?> || value instanceof GenericEnumSymbol<?>
                || value instanceof CharSequence) {
            return value.toString();
        }
        if (value instanceof ByteBuffer b) {
            return java.util.Base64.getEncoder().encodeToString(b.duplicate().array());
        }
        return value;
    }
}
