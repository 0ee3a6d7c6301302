package dev.newsflow.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The API keys newsroom systems present, from the environment ({@code NEWSFLOW_API_KEYS=cms:KEY,wire:KEY2}).
 * A key is known by its name in logs and in the article's {@code provider}; the key itself is never logged.
 */
public final class ApiKeys {

    static final int MIN_KEY_LENGTH = 16;

    private final Map<String, byte[]> keysByName;
    /** Names of the keys that may kill or withhold articles; empty: every key may. */
    private final Set<String> unpublishers;
    /** The id prefixes a key may write; a key not named may write any id. */
    private final Map<String, java.util.List<String>> idPrefixes;

    private ApiKeys(Map<String, byte[]> keysByName, Set<String> unpublishers, Map<String, java.util.List<String>> idPrefixes) {
        this.keysByName = keysByName;
        this.unpublishers = unpublishers;
        this.idPrefixes = idPrefixes;
    }

    /**
     * Restricts keys to ids under their own prefixes ({@code wire=urn:wire:}, one entry per prefix): a leaked wire
     * key must not be able to overwrite, republish or kill the CMS's stories. A key not named writes any id.
     *
     * @throws IllegalArgumentException for an entry that is not name=prefix, or names no key
     */
    public ApiKeys withIdPrefixes(java.util.Collection<String> entries) {
        Map<String, java.util.List<String>> prefixes = new LinkedHashMap<>();
        for (String entry : entries) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            int eq = e.indexOf('=');
            if (eq <= 0 || eq == e.length() - 1) {
                throw new IllegalArgumentException("api.id.prefixes entry '" + e + "' is not name=prefix");
            }
            String name = e.substring(0, eq).strip();
            if (!keysByName.containsKey(name)) {
                throw new IllegalArgumentException("api.id.prefixes names " + name + ", which is not a key in api.keys "
                        + keysByName.keySet());
            }
            prefixes.computeIfAbsent(name, n -> new java.util.ArrayList<>()).add(e.substring(eq + 1).strip());
        }
        Map<String, java.util.List<String>> frozen = new LinkedHashMap<>();
        prefixes.forEach((name, list) -> frozen.put(name, java.util.List.copyOf(list)));
        return new ApiKeys(keysByName, unpublishers, java.util.Collections.unmodifiableMap(frozen));
    }

    /** Whether the named key may write (publish, update, kill) the article with this id. */
    public boolean mayWrite(String name, String id) {
        java.util.List<String> allowed = idPrefixes.get(name);
        return allowed == null || allowed.stream().anyMatch(id::startsWith);
    }

    /**
     * The keys that may write any article id while other keys exist: a leaked key among them can overwrite, or push a
     * version number so high it blocks, any other sender's stories.
     */
    public java.util.List<String> unboundedAmongSeveral() {
        if (names().size() < 2) {
            return java.util.List.of();
        }
        return names().stream().filter(name -> idPrefixesOf(name).isEmpty()).sorted().toList();
    }

    /** The id prefixes the named key is held to, for its refusal message; empty when it has none. */
    public java.util.List<String> idPrefixesOf(String name) {
        return idPrefixes.getOrDefault(name, java.util.List.of());
    }

    /**
     * Only these keys may unpublish (kill or withhold): a scraper's or a wire feed's key, if it leaked, must not be
     * able to take down every story on the site. Empty: every key may (a single CMS).
     *
     * @throws IllegalArgumentException for a name that is not one of the keys
     */
    public ApiKeys withUnpublishers(java.util.Collection<String> names) {
        Set<String> allowed = new java.util.LinkedHashSet<>();
        for (String name : names) {
            String n = name.strip();
            if (n.isEmpty()) {
                continue;
            }
            if (!keysByName.containsKey(n)) {
                throw new IllegalArgumentException("api.unpublish.keys names " + n + ", which is not a key in api.keys "
                        + keysByName.keySet());
            }
            allowed.add(n);
        }
        return new ApiKeys(keysByName, Set.copyOf(allowed), idPrefixes);
    }

    /** Whether the named key may kill or withhold articles. */
    public boolean mayUnpublish(String name) {
        return unpublishers.isEmpty() || unpublishers.contains(name);
    }

    /**
     * @param spec comma-separated {@code name:key} pairs
     * @throws IllegalArgumentException naming the bad entry (by position and name, never by key)
     */
    public static ApiKeys parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("api.keys (NEWSFLOW_API_KEYS) is empty: set at least one name:key pair");
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        String[] entries = spec.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            int colon = entry.indexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new IllegalArgumentException("api.keys entry " + (i + 1) + " is not name:key");
            }
            String name = entry.substring(0, colon).strip();
            String key = entry.substring(colon + 1).strip();
            if (key.length() < MIN_KEY_LENGTH) {
                // not named: an entry written key:name would put the key in the log
                throw new IllegalArgumentException("api.keys entry " + (i + 1) + ": the part after ':' is shorter than "
                        + MIN_KEY_LENGTH + " characters (entries are name:key)");
            }
            if (keys.containsKey(name)) {
                throw new IllegalArgumentException("api.keys names " + name + " twice");
            }
            byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
            for (Map.Entry<String, byte[]> other : keys.entrySet()) {
                if (java.security.MessageDigest.isEqual(other.getValue(), bytes)) {
                    // requests would run under whichever name matched, with its unpublish rights and id prefixes
                    throw new IllegalArgumentException("api.keys gives " + other.getKey() + " and " + name
                            + " the same key: each system needs a key of its own");
                }
            }
            keys.put(name, bytes);
        }
        return new ApiKeys(keys, Set.of(), Map.of());
    }

    /** The name of the key presented, when it is one of ours. Compares in constant time. */
    public Optional<String> authenticate(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] candidate = presented.getBytes(StandardCharsets.UTF_8);
        String match = null;
        for (Map.Entry<String, byte[]> e : keysByName.entrySet()) {
            if (MessageDigest.isEqual(e.getValue(), candidate)) {
                match = e.getKey(); // no early exit: every key is compared
            }
        }
        return Optional.ofNullable(match);
    }

    /** The keys' names (never the keys). */
    public Set<String> names() {
        return Set.copyOf(keysByName.keySet());
    }

    public int size() {
        return keysByName.size();
    }

    @Override
    public String toString() {
        return "ApiKeys" + keysByName.keySet() + " unpublish=" + (unpublishers.isEmpty() ? "every key" : unpublishers)
                + " idPrefixes=" + (idPrefixes.isEmpty() ? "none" : idPrefixes);
    }
}
