package org.medsite.frontmatter;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medsite.diagnostics.FindingCollector;
import org.medsite.diagnostics.Suggestions;
import org.medsite.yaml.YamlException;
import org.medsite.yaml.YamlMapping;
import org.medsite.yaml.YamlReader;

/**
 * Splits a content file into YAML front matter and Markdown body and types the front matter. Every
 * problem is reported with the file and line of the key, and the page is still parsed as far as it can
 * be, so that one build shows all mistakes at once.
 */
public final class FrontMatterParser {

    private final YamlReader yaml;
    private final List<String> taxonomies;
    private final java.util.Set<String> knownKeys;
    /**
     * "Did you mean" per unknown key: a site repeats the same few unknown keys on every page, and the
     * edit distance against every known key was a measurable share of parsing (issue #11).
     */
    private final Map<String, String> suggestions = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param taxonomies the site's taxonomies; each is a front matter key holding a list of terms
     */
    public FrontMatterParser(YamlReader yaml, List<String> taxonomies) {
        this.yaml = yaml;
        this.taxonomies = List.copyOf(taxonomies);
        java.util.Set<String> keys = new java.util.TreeSet<>(FrontMatterKeys.ALL);
        keys.addAll(taxonomies);
        this.knownKeys = java.util.Set.copyOf(keys);
    }

    /** A parser for a site with the default taxonomies, {@code tags} and {@code categories}. */
    public FrontMatterParser(YamlReader yaml) {
        this(yaml, List.of("tags", "categories"));
    }

    /**
     * @param text the whole file, already decoded (LF line ends)
     * @param file the file's name for findings
     * @return the parsed source, or empty when the front matter is unusable (an error was reported)
     */
    public Optional<ParsedSource> parse(String text, String file, FindingCollector findings) {
        if (!startsWithDelimiter(text)) {
            return Optional.of(new ParsedSource(FrontMatter.empty(), text, 1, Map.of()));
        }
        int firstLineEnd = text.indexOf('\n');
        int pos = firstLineEnd + 1;
        int line = 2;
        while (pos <= text.length()) {
            int end = text.indexOf('\n', pos);
            String current = (end < 0 ? text.substring(pos) : text.substring(pos, end)).stripTrailing();
            if (current.equals("---") || current.equals("...")) {
                String yamlText = text.substring(firstLineEnd + 1, pos);
                String body = end < 0 ? "" : text.substring(end + 1);
                YamlMapping mapping;
                try {
                    mapping = yaml.readMapping(yamlText, 2);
                } catch (YamlException e) {
                    findings.error("frontmatter.yaml", file, e.line(), "front matter is not valid YAML: "
                            + e.getMessage());
                    return Optional.empty();
                }
                FrontMatter frontMatter = new Typer(mapping, file, findings).type();
                return Optional.of(new ParsedSource(frontMatter, body, line + 1, mapping.lines()));
            }
            if (end < 0) {
                break;
            }
            pos = end + 1;
            line++;
        }
        findings.error("frontmatter.unclosed", file, 1,
                "front matter opened with '---' on line 1 is never closed; add a line with only '---' after it");
        return Optional.empty();
    }

    private static boolean startsWithDelimiter(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        return first.stripTrailing().equals("---");
    }

    /** Types one mapping; a wrong value is reported and replaced by the key's default. */
    private final class Typer {
        private final YamlMapping map;
        private final String file;
        private final FindingCollector findings;

        Typer(YamlMapping map, String file, FindingCollector findings) {
            this.map = map;
            this.file = file;
            this.findings = findings;
        }

        private final Map<String, List<String>> lists = new java.util.HashMap<>();

        FrontMatter type() {
            Map<String, Object> medical = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : map.values().entrySet()) {
                String key = e.getKey();
                if (FrontMatterKeys.MEDICAL.contains(key)) {
                    if (!e.getValue().isNull()) {
                        medical.put(key, yaml.toPlain(e.getValue()));
                    }
                } else if (!knownKeys.contains(key)) {
                    findings.warning("frontmatter.unknown-key", file, map.lineOf(key, 1), "unknown front matter key '"
                            + key + "'" + suggestions.computeIfAbsent(key, k -> Suggestions.didYouMean(k, knownKeys))
                            + "; put free values for templates under 'params:'");
                }
            }
            return new FrontMatter(text("title"), text("description"), date("date"), date("lastmod"),
                    bool("draft"), date("publishDate"), date("expiryDate"), text("slug"), text("url"),
                    list("aliases"), list("tags"), list("categories"), text("layout"), integer("weight"),
                    text("summary"), text("image"), text("lang"), text("translationKey"), text("type"),
                    list("menu"), params(), medical, terms());
        }

        Map<String, List<String>> terms() {
            Map<String, List<String>> terms = new LinkedHashMap<>();
            for (String taxonomy : taxonomies) {
                List<String> values = list(taxonomy);
                if (!values.isEmpty()) {
                    terms.put(taxonomy, values);
                }
            }
            return terms;
        }

        private JsonNode node(String key) {
            JsonNode node = map.values().get(key);
            return node == null || node.isNull() ? null : node;
        }

        private void wrongType(String key, String expected) {
            findings.error("frontmatter.type", file, map.lineOf(key, 1), "'" + key + "' must be " + expected);
        }

        Optional<String> text(String key) {
            JsonNode node = node(key);
            if (node == null) {
                return Optional.empty();
            }
            if (!node.isValueNode()) {
                wrongType(key, "text, not " + (node.isArray() ? "a list" : "a mapping"));
                return Optional.empty();
            }
            String value = node.asText().strip();
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        }

        boolean bool(String key) {
            JsonNode node = node(key);
            if (node == null) {
                return false;
            }
            if (!node.isBoolean()) {
                wrongType(key, "true or false");
                return false;
            }
            return node.booleanValue();
        }

        int integer(String key) {
            JsonNode node = node(key);
            if (node == null) {
                return 0;
            }
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                wrongType(key, "a whole number");
                return 0;
            }
            return node.intValue();
        }

        /** Each list key is typed once, so a wrong value is reported once however often it is read. */
        List<String> list(String key) {
            return lists.computeIfAbsent(key, this::typeList);
        }

        private List<String> typeList(String key) {
            JsonNode node = node(key);
            if (node == null) {
                return List.of();
            }
            if (node.isValueNode()) {
                return List.of(node.asText().strip());
            }
            if (!node.isArray()) {
                wrongType(key, "a list, e.g. [first, second]");
                return List.of();
            }
            List<String> values = new ArrayList<>();
            for (JsonNode item : node) {
                if (!item.isValueNode() || item.isNull()) {
                    wrongType(key, "a list of plain values");
                    return List.of();
                }
                String value = item.asText().strip();
                if (!value.isEmpty() && !values.contains(value)) {
                    values.add(value);
                }
            }
            return values;
        }

        Optional<OffsetDateTime> date(String key) {
            Optional<String> value = text(key);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            Optional<OffsetDateTime> parsed = Dates.parse(value.get());
            if (parsed.isEmpty()) {
                findings.error("frontmatter.date", file, map.lineOf(key, 1), "'" + key + "' value '" + value.get()
                        + "' is not a valid date; write it as YYYY-MM-DD, e.g. 2026-03-01");
            }
            return parsed;
        }

        Map<String, Object> params() {
            JsonNode node = node("params");
            if (node == null) {
                return Map.of();
            }
            if (!node.isObject()) {
                wrongType("params", "a mapping of names to values");
                return Map.of();
            }
            Map<String, Object> params = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> params.put(e.getKey(), yaml.toPlain(e.getValue())));
            return params;
        }
    }

    /** The date formats people write in front matter. */
    public static final class Dates {
        private Dates() {
        }

        /** A date, a local date-time or an offset date-time; date-only and local values are taken as UTC. */
        public static Optional<OffsetDateTime> parse(String value) {
            String v = value.strip();
            try {
                if (v.length() == 10) {
                    return Optional.of(LocalDate.parse(v).atStartOfDay().atOffset(ZoneOffset.UTC));
                }
                String iso = v.length() > 10 && v.charAt(10) == ' ' ? v.substring(0, 10) + 'T' + v.substring(11) : v;
                if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                    return Optional.of(OffsetDateTime.parse(iso.replaceFirst("([+-]\\d\\d)(\\d\\d)$", "$1:$2")));
                }
                return Optional.of(LocalDateTime.parse(iso).atOffset(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }
}
