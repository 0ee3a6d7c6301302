package dev.newsflow.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * The release rules for the shared schemas, as functions that return what is wrong (empty when all holds), so the
 * build can apply them to the real history and tests can prove each one fails on a broken one.
 *
 * <ol>
 *   <li>The schema in use is the newest released version, compared with everything a reader can see: types,
 *       defaults, logical types, enum defaults, aliases (docs are not part of the wire contract and may change).</li>
 *   <li>Each released version reads data written by every older one, and every older one reads data written by
 *       it (fully compatible, transitively): a consumer in another language reads with the reader schema it was
 *       built with, whatever version newsflow writes. An enum may only gain symbols when its default is
 *       {@code UNKNOWN}: an older reader turns a symbol it does not know into the default, and a new post event
 *       read as {@code UPSERT} would put a story back up.</li>
 *   <li>A field never changes its logical type: Avro's fingerprint and its compatibility check both ignore logical
 *       types, so readers of {@code timestamp-millis} would misread {@code timestamp-micros} without any error.</li>
 *   <li>A released file never changes: each is pinned by its SHA-256 in {@code history/released.sha256}.</li>
 *   <li>A field, once released, is never removed or renamed, never loses its default and never changes its type
 *       (not even string to bytes, which Avro promotes), and an enum never loses a symbol: Avro calls all of these
 *       compatible, because a reader still on the older version fills in the field's default or the enum's, so a
 *       site would show posts without their link or body, with no error anywhere. A field no longer used is kept
 *       and its doc says so.</li>
 * </ol>
 */
final class SchemaReleaseCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaReleaseCheck() {
    }

    /** Rule 1: what is wrong with using {@code current} when {@code released} are the released versions. */
    static List<String> currentIsReleased(Schema current, List<Schema> released) {
        String name = current.getName();
        String releaseHint = "save the schema below as schemas/src/main/resources" + SchemaHistory.resource(name,
                released.size() + 1) + "; the next run prints the line to add to schemas/src/main/resources"
                + SchemaHistory.LOCK + " (docs/consumers.md, Upgrades)";
        if (released.isEmpty()) {
            return List.of(name + " has no released version: " + releaseHint);
        }
        if (!contract(current).equals(contract(released.get(released.size() - 1)))) {
            return List.of(name + " changed but was not released: " + releaseHint + "\n" + current.toString(true));
        }
        return List.of();
    }

    /** Rules 2 and 3 over every pair of released versions, oldest first. */
    static List<String> versionsEvolveSafely(String name, List<Schema> released) {
        List<String> problems = new ArrayList<>();
        for (int reader = 0; reader < released.size(); reader++) {
            for (int writer = 0; writer < reader; writer++) {
                var result = SchemaCompatibility.checkReaderWriterCompatibility(released.get(reader), released.get(writer));
                if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
                    problems.add("%s v%d cannot read data written with v%d: %s".formatted(name, reader + 1, writer + 1,
                            result.getResult().getIncompatibilities()));
                }
                var forward = SchemaCompatibility.checkReaderWriterCompatibility(released.get(writer), released.get(reader));
                if (forward.getType() != SchemaCompatibilityType.COMPATIBLE) {
                    problems.add(("%s v%d cannot be read by a consumer still on v%d: %s; give every field a default"
                            + " and never remove one without it").formatted(name, reader + 1, writer + 1,
                            forward.getResult().getIncompatibilities()));
                }
                problems.addAll(enumsGrowSafely(name, released.get(writer), writer + 1, released.get(reader), reader + 1));
                problems.addAll(fieldsKept(name, released.get(writer), writer + 1, released.get(reader), reader + 1));
                Map<String, String> older = logicalTypes(released.get(writer));
                int newer = reader + 1;
                logicalTypes(released.get(reader)).forEach((field, type) -> {
                    if (older.containsKey(field) && !older.get(field).equals(type)) {
                        problems.add(("%s v%d changes the logical type of %s from %s to %s: readers would misread the"
                                + " values without an error; add a field with a new name instead").formatted(name,
                                newer, field, older.get(field), type));
                    }
                });
            }
        }
        return problems;
    }

    /** Rule 5: every field and enum symbol of {@code older} is still in {@code newer}, with its type and default. */
    static List<String> fieldsKept(String name, Schema older, int olderVersion, Schema newer, int newerVersion) {
        Map<String, FieldShape> before = fields(older);
        Map<String, FieldShape> after = fields(newer);
        List<String> problems = new ArrayList<>();
        before.forEach((path, was) -> {
            FieldShape now = after.get(path);
            if (now == null) {
                problems.add(("%s v%d removes or renames %s: a consumer still on v%d reads its default without an error;"
                        + " keep the field (say in its doc that it is no longer used)").formatted(name, newerVersion,
                        path, olderVersion));
            } else if (was.hasDefault() && !now.hasDefault()) {
                problems.add(("%s v%d drops the default of %s, which readers on v%d and later rely on when a writer"
                        + " lacks the field").formatted(name, newerVersion, path, olderVersion));
            } else if (!was.types().equals(now.types())) {
                problems.add(("%s v%d changes the type of %s from %s to %s: readers would get other values than they"
                        + " were built for; add a field with a new name instead").formatted(name, newerVersion, path,
                        was.types(), now.types()));
            }
        });
        Map<String, Schema> enumsAfter = enums(newer);
        enums(older).forEach((enumName, schema) -> {
            Schema now = enumsAfter.get(enumName);
            List<String> lost = now == null ? List.of() : schema.getEnumSymbols().stream()
                    .filter(symbol -> !now.hasEnumSymbol(symbol)).toList();
            if (!lost.isEmpty()) {
                problems.add(("%s v%d removes %s from enum %s: data written with v%d holding them would be read as the"
                        + " default").formatted(name, newerVersion, lost, enumName, olderVersion));
            }
        });
        return problems;
    }

    /** A field's types other than null (a field made optional keeps its shape) and whether it has a default. */
    record FieldShape(java.util.SortedSet<String> types, boolean hasDefault) {
    }

    private static Map<String, FieldShape> fields(Schema schema) {
        Map<String, FieldShape> found = new LinkedHashMap<>();
        collectFields(schema, schema.getName(), found, new java.util.HashSet<>());
        return found;
    }

    private static void collectFields(Schema schema, String path, Map<String, FieldShape> found, java.util.Set<String> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (!seen.add(schema.getFullName())) {
                    return;
                }
                for (Schema.Field f : schema.getFields()) {
                    String fieldPath = path + "." + f.name();
                    found.put(fieldPath, new FieldShape(typeNames(f.schema()), f.hasDefaultValue()));
                    collectFields(f.schema(), fieldPath, found, seen);
                }
                seen.remove(schema.getFullName());
            }
            case UNION -> schema.getTypes().forEach(t -> collectFields(t, path, found, seen));
            case ARRAY -> collectFields(schema.getElementType(), path + "[]", found, seen);
            case MAP -> collectFields(schema.getValueType(), path + "{}", found, seen);
            default -> { }
        }
    }

    private static java.util.SortedSet<String> typeNames(Schema schema) {
        java.util.SortedSet<String> names = new java.util.TreeSet<>();
        for (Schema t : schema.getType() == Schema.Type.UNION ? schema.getTypes() : List.of(schema)) {
            switch (t.getType()) {
                case NULL -> { }
                case RECORD, ENUM, FIXED -> names.add(t.getFullName());
                case ARRAY -> names.add("array<" + String.join("|", typeNames(t.getElementType())) + ">");
                case MAP -> names.add("map<" + String.join("|", typeNames(t.getValueType())) + ">");
                default -> names.add(t.getType().getName());
            }
        }
        return names;
    }

    /** Rule 2, enums: symbols added since {@code older} only to an enum whose default readers of it take is UNKNOWN. */
    static List<String> enumsGrowSafely(String name, Schema older, int olderVersion, Schema newer, int newerVersion) {
        Map<String, Schema> before = enums(older);
        List<String> problems = new ArrayList<>();
        enums(newer).forEach((enumName, schema) -> {
            Schema old = before.get(enumName);
            if (old == null) {
                return;
            }
            List<String> added = schema.getEnumSymbols().stream().filter(s -> !old.hasEnumSymbol(s)).toList();
            if (!added.isEmpty() && !"UNKNOWN".equals(old.getEnumDefault())) {
                problems.add(("%s v%d adds %s to enum %s, which a consumer still on v%d reads as %s: only an enum whose"
                        + " default is UNKNOWN may grow; add a new field instead").formatted(name, newerVersion, added,
                        enumName, olderVersion, old.getEnumDefault() == null ? "an error" : old.getEnumDefault()));
            }
        });
        return problems;
    }

    private static Map<String, Schema> enums(Schema schema) {
        Map<String, Schema> found = new TreeMap<>();
        collectEnums(schema, found, new java.util.HashSet<>());
        return found;
    }

    private static void collectEnums(Schema schema, Map<String, Schema> found, java.util.Set<String> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (seen.add(schema.getFullName())) {
                    schema.getFields().forEach(f -> collectEnums(f.schema(), found, seen));
                }
            }
            case ENUM -> found.put(schema.getFullName(), schema);
            case UNION -> schema.getTypes().forEach(t -> collectEnums(t, found, seen));
            case ARRAY -> collectEnums(schema.getElementType(), found, seen);
            case MAP -> collectEnums(schema.getValueType(), found, seen);
            default -> { }
        }
    }

    /** Rule 4: every released file is pinned, unchanged, and every pin has its file. */
    static List<String> releasedFilesUnchanged(Map<String, byte[]> files, String lock) {
        Map<String, String> pinned = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (String line : lock.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+");
            if (parts.length != 2) {
                problems.add("unreadable line in " + SchemaHistory.LOCK + ": " + trimmed);
                continue;
            }
            pinned.put(parts[1], parts[0]);
        }
        files.forEach((path, bytes) -> {
            String hash = sha256(bytes);
            if (!pinned.containsKey(path)) {
                problems.add(path + " is not pinned: once released, add \"" + hash + "  " + path + "\" to " + SchemaHistory.LOCK);
            } else if (!pinned.get(path).equals(hash)) {
                problems.add(path + " was edited after its release (SHA-256 " + hash + ", released as " + pinned.get(path)
                        + "): a released schema never changes, release a new version instead");
            }
        });
        pinned.keySet().stream().filter(path -> !files.containsKey(path))
                .forEach(path -> problems.add(path + " is pinned in " + SchemaHistory.LOCK + " but missing: a released schema is never removed"));
        return problems;
    }

    /** What a reader sees of a schema: its JSON without docs. */
    static JsonNode contract(Schema schema) {
        try {
            JsonNode tree = JSON.readTree(schema.toString());
            stripDocs(tree);
            return tree;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Avro wrote unreadable JSON for " + schema.getFullName(), e);
        }
    }

    private static void stripDocs(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("doc");
        }
        node.forEach(SchemaReleaseCheck::stripDocs);
    }

    /** Logical type per field path and primitive type ({@code Post.publishedAt (long)} → {@code timestamp-millis}). */
    static Map<String, String> logicalTypes(Schema schema) {
        Map<String, String> types = new LinkedHashMap<>();
        collect(schema, schema.getName(), types, new java.util.HashSet<>());
        return types;
    }

    private static void collect(Schema schema, String path, Map<String, String> types, java.util.Set<String> seen) {
        LogicalType logical = schema.getLogicalType();
        switch (schema.getType()) {
            case RECORD -> {
                if (!seen.add(schema.getFullName())) {
                    return;
                }
                schema.getFields().forEach(f -> collect(f.schema(), path + "." + f.name(), types, seen));
                seen.remove(schema.getFullName());
            }
            case UNION -> schema.getTypes().forEach(t -> collect(t, path, types, seen));
            case ARRAY -> collect(schema.getElementType(), path + "[]", types, seen);
            case MAP -> collect(schema.getValueType(), path + "{}", types, seen);
            // keyed by path and primitive type, so making a field optional (a union with null) is not a change
            default -> types.put(path + " (" + schema.getType().getName() + ")", logical == null ? "no logical type"
                    : logical.getName());
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
