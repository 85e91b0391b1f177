package org.medsite.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.medsite.diagnostics.FindingCollector;
import org.medsite.yaml.YamlException;
import org.medsite.yaml.YamlMapping;
import org.medsite.yaml.YamlReader;

/** Finds a theme on the classpath and follows its {@code extends:} chain. */
public final class ThemeLoader {

    private static final int MAX_DEPTH = 8;

    private final ClassLoader classLoader;
    private final YamlReader yaml;

    public ThemeLoader(ClassLoader classLoader, YamlReader yaml) {
        this.classLoader = classLoader;
        this.yaml = yaml;
    }

    /** The theme and its ancestors, or empty after reporting a missing theme or a cycle. */
    public Optional<Theme> load(String name, FindingCollector findings) throws IOException {
        List<String> chain = new ArrayList<>();
        String current = name;
        while (current != null) {
            if (chain.contains(current) || chain.size() >= MAX_DEPTH) {
                findings.error("theme.cycle", "site.yaml", 0, "themes extend each other in a loop: "
                        + String.join(" -> ", chain) + " -> " + current);
                return Optional.empty();
            }
            URL descriptor = classLoader.getResource(Theme.folder(current) + "theme.yaml");
            if (descriptor == null) {
                findings.error("theme.missing", "site.yaml", 0, "theme '" + current + "' was not found; "
                        + "themes come as jars (e.g. org.medsite:medsite-theme-" + current
                        + ") on the classpath or as plugin dependencies");
                return Optional.empty();
            }
            chain.add(current);
            current = parent(descriptor, current, findings);
        }
        return Optional.of(new Theme(name, chain));
    }

    private String parent(URL descriptor, String theme, FindingCollector findings) throws IOException {
        String text;
        try (InputStream in = descriptor.openStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            YamlMapping mapping = yaml.readMapping(text, 1);
            JsonNode parent = mapping.values().get("extends");
            return parent == null || parent.isNull() ? null : parent.asText();
        } catch (YamlException e) {
            findings.error("theme.descriptor", "theme '" + theme + "' theme.yaml", e.line(), e.getMessage());
            return null;
        }
    }
}
