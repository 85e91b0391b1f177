package org.medsite.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medsite.diagnostics.FindingCollector;
import org.medsite.text.SourceText;
import org.medsite.yaml.YamlException;
import org.medsite.yaml.YamlMapping;
import org.medsite.yaml.YamlReader;

/**
 * The strings a theme prints ("Skip to content", "Medically reviewed by"), per language, from
 * {@code i18n/<lang>.yaml} files: the themes' (ancestors first) and then the site's own, each overriding
 * the one before. Templates call {@code t("key")}; a key missing in the page's language falls back to
 * the site's main language, so a half-translated theme still renders.
 */
public final class Translations {

    public static final String DIR = "i18n";

    private final Map<String, Map<String, String>> byLang;
    private final String mainLanguage;

    Translations(Map<String, Map<String, String>> byLang, String mainLanguage) {
        this.byLang = byLang;
        this.mainLanguage = mainLanguage;
    }

    /** Reads the translations of every language of the site. */
    public static Translations load(Path siteDir, Theme theme, ClassLoader classLoader, List<String> languages,
            YamlReader yaml, FindingCollector findings) throws IOException {
        Map<String, Map<String, String>> byLang = new HashMap<>();
        List<String> ancestorsFirst = new ArrayList<>(theme.chain());
        Collections.reverse(ancestorsFirst);
        for (String lang : languages) {
            Map<String, String> strings = new HashMap<>();
            for (String name : ancestorsFirst) {
                String resource = Theme.folder(name) + DIR + "/" + lang + ".yaml";
                URL url = classLoader.getResource(resource);
                if (url != null) {
                    try (InputStream in = url.openStream()) {
                        read(new String(in.readAllBytes(), StandardCharsets.UTF_8), "theme " + name + ": " + DIR + "/"
                                + lang + ".yaml", strings, yaml, findings);
                    }
                }
            }
            Path own = siteDir.resolve(DIR).resolve(lang + ".yaml");
            if (Files.isRegularFile(own)) {
                String shown = DIR + "/" + lang + ".yaml";
                Optional<String> text = SourceText.read(own, shown, findings);
                if (text.isPresent()) {
                    read(text.get(), shown, strings, yaml, findings);
                }
            }
            byLang.put(lang, Map.copyOf(strings));
        }
        return new Translations(Map.copyOf(byLang), languages.get(0));
    }

    private static void read(String text, String shown, Map<String, String> into, YamlReader yaml,
            FindingCollector findings) {
        try {
            YamlMapping mapping = yaml.readMapping(text, 1);
            for (Map.Entry<String, JsonNode> e : mapping.values().entrySet()) {
                if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                    into.put(e.getKey(), e.getValue().asText());
                } else {
                    findings.error("i18n.type", shown, mapping.lineOf(e.getKey(), 0), "'" + e.getKey()
                            + "' must be a piece of text");
                }
            }
        } catch (YamlException e) {
            findings.error("i18n.yaml", shown, e.line(), e.getMessage());
        }
    }

    /** The string for {@code key} in {@code lang}, else in the main language, else empty. */
    public Optional<String> get(String lang, String key) {
        String value = byLang.getOrDefault(lang, Map.of()).get(key);
        if (value == null) {
            value = byLang.getOrDefault(mainLanguage, Map.of()).get(key);
        }
        return Optional.ofNullable(value);
    }
}
