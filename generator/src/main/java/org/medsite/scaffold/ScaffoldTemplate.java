package org.medsite.scaffold;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A file of this package's resources with {@code {{name}}} placeholders. Deliberately not FreeMarker:
 * the files are Markdown, YAML and XML that users read as examples, so they hold no template syntax
 * beyond the few values filled in, and each value is escaped by the caller for its file's language.
 */
final class ScaffoldTemplate {

    private final String name;
    private final String text;

    private ScaffoldTemplate(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /** The resource {@code name}, relative to this package's resource folder. */
    static ScaffoldTemplate load(String name) {
        try (InputStream in = ScaffoldTemplate.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("scaffold resource " + name + " is missing from the Medsite jar");
            }
            return new ScaffoldTemplate(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scaffold resource " + name, e);
        }
    }

    /** The text with every placeholder replaced; a placeholder without a value is a bug in Medsite. */
    String fill(Map<String, String> values) {
        String result = text;
        for (Map.Entry<String, String> e : values.entrySet()) {
            result = result.replace("{{" + e.getKey() + "}}", e.getValue());
        }
        int left = result.indexOf("{{");
        if (left >= 0) {
            throw new IllegalStateException("scaffold resource " + name + " has a placeholder without a value: "
                    + result.substring(left, Math.min(result.length(), left + 30)));
        }
        return result;
    }

    /** A YAML double-quoted scalar, so titles with colons, quotes or {@code #} stay one text value. */
    static String yamlString(String value) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Text for an XML element's content. */
    static String xmlText(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
