package org.medsite.medical;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.medsite.diagnostics.FindingCollector;
import org.medsite.diagnostics.Suggestions;
import org.medsite.frontmatter.FrontMatter;

/**
 * Types a page's medical front matter (kept as written by the front matter stage) into
 * {@link MedicalInfo}. Wrong shapes are errors on the key's line; whether the values make a trustworthy
 * page (a reviewer, sources, a current review) is for the checks.
 */
public final class MedicalMetadataReader {

    private static final Set<String> SOURCE_KEYS = Set.of("id", "title", "publisher", "journal", "year", "url", "doi",
            "pmid");
    private static final Set<String> ABOUT_KEYS = Set.of("name", "icd10", "snomed");
    private static final Set<String> AUDIENCES = Set.of("patient", "clinician");

    private final ReviewPolicy policy;

    public MedicalMetadataReader(ReviewPolicy policy) {
        this.policy = policy;
    }

    /**
     * @param fm the page's front matter
     * @param defaultType the type when the page gives none ({@code blog} in a blog section, else {@code page})
     * @param lineOf the front matter line of a key
     * @param file the file, for findings
     */
    public MedicalInfo read(FrontMatter fm, String defaultType, java.util.function.ToIntFunction<String> lineOf,
            String file, FindingCollector findings) {
        Map<String, Object> raw = fm.medical();
        Reader r = new Reader(raw, lineOf, file, findings);
        String type = fm.type().orElse(defaultType);
        boolean medical = r.bool("medical").orElse(MedicalInfo.CLINICAL_TYPES.contains(type));
        String audience = r.text("audience").orElse("patient");
        if (!AUDIENCES.contains(audience)) {
            r.error("audience", "'audience' must be patient or clinician" + Suggestions.didYouMean(audience, AUDIENCES));
            audience = "patient";
        }
        Optional<LocalDate> lastReviewed = r.date("lastReviewed");
        Optional<LocalDate> nextReview = r.date("nextReview")
                .or(() -> lastReviewed.map(d -> d.plusMonths(policy.cycleMonths())));
        return new MedicalInfo(type, medical, audience, r.text("author"), r.list("reviewedBy"), r.list("factCheckedBy"),
                lastReviewed, nextReview, r.sources(), r.about(), r.list("specialty"), r.text("disclosures"),
                r.text("sponsored"), r.history(), r.text("disclaimer"), r.list("actions"), lines(raw, lineOf), r.readabilityTarget());
    }

    private static Map<String, Integer> lines(Map<String, Object> raw, java.util.function.ToIntFunction<String> lineOf) {
        Map<String, Integer> lines = new java.util.HashMap<>();
        for (String key : raw.keySet()) {
            lines.put(key, lineOf.applyAsInt(key));
        }
        return lines;
    }

    private static final class Reader {
        private final Map<String, Object> raw;
        private final java.util.function.ToIntFunction<String> lineOf;
        private final String file;
        private final FindingCollector findings;

        Reader(Map<String, Object> raw, java.util.function.ToIntFunction<String> lineOf, String file,
                FindingCollector findings) {
            this.raw = raw;
            this.lineOf = lineOf;
            this.file = file;
            this.findings = findings;
        }

        void error(String key, String message) {
            findings.error("medical.type", file, lineOf.applyAsInt(key), message);
        }

        Optional<String> text(String key) {
            Object v = raw.get(key);
            if (v == null) {
                return Optional.empty();
            }
            if (v instanceof Map || v instanceof List) {
                error(key, "'" + key + "' must be text");
                return Optional.empty();
            }
            String s = String.valueOf(v).strip();
            return s.isEmpty() ? Optional.empty() : Optional.of(s);
        }

        Optional<Boolean> bool(String key) {
            Object v = raw.get(key);
            if (v == null) {
                return Optional.empty();
            }
            if (v instanceof Boolean b) {
                return Optional.of(b);
            }
            error(key, "'" + key + "' must be true or false");
            return Optional.empty();
        }

        List<String> list(String key) {
            Object v = raw.get(key);
            if (v == null) {
                return List.of();
            }
            if (v instanceof List<?> list) {
                List<String> result = new ArrayList<>();
                for (Object item : list) {
                    if (item instanceof Map || item instanceof List || item == null) {
                        error(key, "'" + key + "' must be a list of plain values");
                        return List.of();
                    }
                    result.add(String.valueOf(item).strip());
                }
                return result;
            }
            if (v instanceof Map) {
                error(key, "'" + key + "' must be a list");
                return List.of();
            }
            return List.of(String.valueOf(v).strip());
        }

        Optional<LocalDate> date(String key) {
            Optional<String> v = text(key);
            if (v.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(LocalDate.parse(v.get().length() > 10 ? v.get().substring(0, 10) : v.get()));
            } catch (DateTimeParseException e) {
                findings.error("medical.date", file, lineOf.applyAsInt(key), "'" + key + "' value '" + v.get()
                        + "' is not a valid date; write it as YYYY-MM-DD");
                return Optional.empty();
            }
        }

        List<Source> sources() {
            Object v = raw.get("sources");
            if (v == null) {
                return List.of();
            }
            int line = lineOf.applyAsInt("sources");
            if (!(v instanceof List<?> list)) {
                error("sources", "'sources' must be a list of entries with id, title and url, doi or pmid");
                return List.of();
            }
            List<Source> sources = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            int position = 0;
            for (Object item : list) {
                position++;
                if (!(item instanceof Map<?, ?> m)) {
                    error("sources", "source " + position + " must be an entry with id, title and url, doi or pmid");
                    continue;
                }
                for (Object k : m.keySet()) {
                    if (!SOURCE_KEYS.contains(String.valueOf(k))) {
                        findings.warning("medical.source-unknown-key", file, line, "source " + position + ": unknown key '"
                                + k + "'" + Suggestions.didYouMean(String.valueOf(k), SOURCE_KEYS));
                    }
                }
                String id = str(m.get("id"));
                String title = str(m.get("title"));
                if (id == null || title == null) {
                    findings.error("medical.source-incomplete", file, line, "source " + position
                            + " needs an 'id' (to cite it as [@id]) and a 'title'");
                    continue;
                }
                if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                    findings.error("medical.source-id", file, line, "source id '" + id + "' may hold only letters, digits, "
                            + "'.', '_' and '-', so that it can be cited as [@" + id.replaceAll("[^A-Za-z0-9._-]", "-") + "]");
                    continue;
                }
                if (!ids.add(id)) {
                    findings.error("medical.source-duplicate", file, line, "two sources have the id '" + id + "'");
                    continue;
                }
                Optional<Integer> year = Optional.empty();
                Object y = m.get("year");
                if (y instanceof Number n) {
                    year = Optional.of(n.intValue());
                } else if (y != null) {
                    findings.error("medical.type", file, line, "source '" + id + "': 'year' must be a number, e.g. 2024");
                }
                sources.add(new Source(id, title, Optional.ofNullable(str(m.get("publisher"))).or(
                        () -> Optional.ofNullable(str(m.get("journal")))), year, Optional.ofNullable(str(m.get("url"))),
                        Optional.ofNullable(str(m.get("doi"))), Optional.ofNullable(str(m.get("pmid"))), line));
            }
            return sources;
        }

        Optional<MedicalInfo.About> about() {
            Object v = raw.get("about");
            if (v == null) {
                return Optional.empty();
            }
            if (v instanceof Map<?, ?> m) {
                for (Object k : m.keySet()) {
                    if (!ABOUT_KEYS.contains(String.valueOf(k))) {
                        findings.warning("medical.about-unknown-key", file, lineOf.applyAsInt("about"), "about: unknown key '"
                                + k + "'" + Suggestions.didYouMean(String.valueOf(k), ABOUT_KEYS));
                    }
                }
                String name = str(m.get("name"));
                if (name == null) {
                    error("about", "'about' needs a 'name', e.g. {name: Hypertension, icd10: I10}");
                    return Optional.empty();
                }
                return Optional.of(new MedicalInfo.About(name, Optional.ofNullable(str(m.get("icd10"))),
                        Optional.ofNullable(str(m.get("snomed")))));
            }
            if (v instanceof List) {
                error("about", "'about' must be a name or {name, icd10, snomed}");
                return Optional.empty();
            }
            return Optional.of(new MedicalInfo.About(String.valueOf(v), Optional.empty(), Optional.empty()));
        }

        Optional<MedicalInfo.ReadabilityTarget> readabilityTarget() {
            Object v = raw.get("readability");
            if (v == null) {
                return Optional.empty();
            }
            if (v instanceof Map<?, ?> m && m.get("target") instanceof Number n && str(m.get("reason")) != null) {
                return Optional.of(new MedicalInfo.ReadabilityTarget(n.doubleValue(), str(m.get("reason"))));
            }
            error("readability", "'readability' must be {target: <grade>, reason: <why this page needs it>}");
            return Optional.empty();
        }

        List<MedicalInfo.Revision> history() {
            Object v = raw.get("history");
            if (v == null) {
                return List.of();
            }
            if (!(v instanceof List<?> list)) {
                error("history", "'history' must be a list of {date, note}");
                return List.of();
            }
            List<MedicalInfo.Revision> result = new ArrayList<>();
            for (Object item : list) {
                if (item instanceof Map<?, ?> m && str(m.get("date")) != null && str(m.get("note")) != null) {
                    try {
                        result.add(new MedicalInfo.Revision(LocalDate.parse(str(m.get("date"))), str(m.get("note"))));
                    } catch (DateTimeParseException e) {
                        findings.error("medical.date", file, lineOf.applyAsInt("history"), "history date '"
                                + m.get("date") + "' is not a valid date; write it as YYYY-MM-DD");
                    }
                } else {
                    error("history", "each 'history' entry needs a 'date' and a 'note'");
                }
            }
            result.sort((a, b) -> b.date().compareTo(a.date()));
            return result;
        }

        private static String str(Object o) {
            if (o == null || o instanceof Map || o instanceof List) {
                return null;
            }
            String s = String.valueOf(o).strip();
            return s.isEmpty() ? null : s;
        }
    }
}
