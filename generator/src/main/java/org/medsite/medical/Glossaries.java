package org.medsite.medical;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.medsite.diagnostics.FindingCollector;
import org.medsite.diagnostics.Suggestions;
import org.medsite.text.SourceText;
import org.medsite.yaml.YamlException;
import org.medsite.yaml.YamlMapping;
import org.medsite.yaml.YamlReader;

/**
 * A site's glossaries, one per language: {@code data/glossary.yaml} is the main language's, and
 * {@code data/glossary.<lang>.yaml} another language's ({@code glossary.es.yaml}). A page only ever gets
 * definitions in its own language; a language without a file gets none.
 *
 * <p>A file maps each term to its entry:
 * <pre>
 * hypertension:
 *   definition: Blood pressure that stays too high over time.
 *   plain: high blood pressure
 *   forms: [hypertensive]
 * blood pressure:
 *   definition: The force of blood pushing against the walls of your arteries.
 *   abbreviations: [BP]
 * </pre>
 */
public final class Glossaries {

    public static final String FILE = "glossary";
    static final Set<String> KEYS = Set.of("definition", "plain", "forms", "abbreviations");

    private final Map<String, Glossary> byLanguage;

    private Glossaries(Map<String, Glossary> byLanguage) {
        this.byLanguage = new TreeMap<>(byLanguage);
    }

    public static Glossaries none() {
        return new Glossaries(Map.of());
    }

    /** The glossary of a language, if the site has one. */
    public Optional<Glossary> forLanguage(String lang) {
        return Optional.ofNullable(byLanguage.get(lang));
    }

    /** The file a language's glossary is read from, relative to the site. */
    public static String fileOf(String lang, String mainLanguage) {
        return "data/" + FILE + (lang.equals(mainLanguage) ? "" : "." + lang) + ".yaml";
    }

    /**
     * Reads the glossary of each language. A file that is not valid YAML is left to the data stage, which
     * reports it; here it only means no glossary.
     */
    public static Glossaries load(Path siteDir, String mainLanguage, List<String> languages, YamlReader yaml,
            FindingCollector findings) throws IOException {
        Map<String, Glossary> glossaries = new LinkedHashMap<>();
        for (String lang : languages) {
            String shown = fileOf(lang, mainLanguage);
            Path file = siteDir.resolve(shown);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            Optional<String> text = SourceText.read(file, shown, new FindingCollector());
            if (text.isEmpty()) {
                continue;
            }
            YamlMapping map;
            try {
                map = yaml.readMapping(text.get(), 1);
            } catch (YamlException e) {
                continue;
            }
            glossaries.put(lang, new Glossary(lang, entries(map, text.get().lines().toList(), shown, findings)));
        }
        return new Glossaries(glossaries);
    }

    private static List<GlossaryEntry> entries(YamlMapping map, List<String> lines, String file,
            FindingCollector findings) {
        List<GlossaryEntry> entries = new ArrayList<>();
        // Every written form, lower-cased (abbreviations as written), with the entry that has it.
        Map<String, GlossaryEntry> seen = new LinkedHashMap<>();
        map.values().forEach((term, node) -> {
            int line = map.lineOf(term, 1);
            if (term.isBlank()) {
                findings.error("glossary.type", file, line, "a glossary term is empty");
                return;
            }
            if (node.isTextual()) {
                // "term: definition" is the short way to write a term with nothing but a definition.
                node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().set("definition", node);
            }
            if (!node.isObject()) {
                findings.error("glossary.type", file, line, "'" + term + "' must be a definition, or a mapping with "
                        + "'definition:' (and optionally plain, forms, abbreviations)");
                return;
            }
            for (var names = node.fieldNames(); names.hasNext(); ) {
                String key = names.next();
                if (!KEYS.contains(key)) {
                    findings.warning("glossary.unknown-key", file, keyLine(lines, line, key), "unknown key '" + key
                            + "' of '" + term + "'" + Suggestions.didYouMean(key, KEYS));
                }
            }
            String definition = text(node.get("definition"));
            if (definition == null) {
                findings.error("glossary.no-definition", file, line, "'" + term + "' has no definition; add "
                        + "'definition:' with what it means in plain words");
                return;
            }
            GlossaryEntry entry = new GlossaryEntry(term.strip(), definition, Optional.ofNullable(text(node.get("plain"))),
                    strings(node.get("forms"), "forms", term, file, keyLine(lines, line, "forms"), findings),
                    strings(node.get("abbreviations"), "abbreviations", term, file, keyLine(lines, line, "abbreviations"),
                            findings), file, line);
            List<String> written = new ArrayList<>(List.of(entry.term()));
            written.addAll(entry.forms());
            written.addAll(entry.abbreviations());
            for (String form : written) {
                // Compared without case: "BP" as one entry's abbreviation and "bp" as another's form would
                // both match "BP" in a text.
                GlossaryEntry earlier = seen.putIfAbsent(TermMatcher.normal(form), entry);
                if (earlier != null && earlier != entry) {
                    String what = form.equals(term) ? "'" + term + "'" : "'" + form + "' (a written form of '" + term + "')";
                    findings.error("glossary.duplicate", file, line, what + " is already defined by '" + earlier.term()
                            + "' (line " + earlier.line() + "); keep one of them");
                }
            }
            entries.add(entry);
        });
        return entries;
    }

    /** The line of a term's key: among the indented lines after the term's, the first that starts with it. */
    private static int keyLine(List<String> lines, int termLine, String key) {
        for (int i = termLine; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!l.isBlank() && !Character.isWhitespace(l.charAt(0))) {
                break;
            }
            if (l.stripLeading().startsWith(key + ":")) {
                return i + 1;
            }
        }
        return termLine;
    }

    private static List<String> strings(JsonNode node, String key, String term, String file, int line,
            FindingCollector findings) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> {
                String s = text(n);
                if (s != null) {
                    result.add(s);
                }
            });
            return result;
        }
        String s = text(node);
        if (s == null) {
            findings.error("glossary.type", file, line, "'" + key + "' of '" + term + "' must be a word or a list of words");
            return List.of();
        }
        return List.of(s);
    }

    private static String text(JsonNode node) {
        if (node == null || !node.isValueNode() || node.isNull()) {
            return null;
        }
        String s = node.asText().strip();
        return s.isEmpty() ? null : s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Glossaries g && g.byLanguage.equals(byLanguage);
    }

    @Override
    public int hashCode() {
        return byLanguage.hashCode();
    }
}
