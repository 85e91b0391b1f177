package org.medsite.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A top-level YAML mapping that remembers on which line each key was written, so that a finding about
 * a key can point at it.
 */
public record YamlMapping(Map<String, JsonNode> values, Map<String, Integer> lines) {

    public YamlMapping {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        lines = Collections.unmodifiableMap(new LinkedHashMap<>(lines));
    }

    public static YamlMapping empty() {
        return new YamlMapping(Map.of(), Map.of());
    }

    /** The line of {@code key}, or {@code fallback} when the key is absent. */
    public int lineOf(String key, int fallback) {
        return lines.getOrDefault(key, fallback);
    }
}
