package org.medsite.medical;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.medsite.diagnostics.FindingCollector;
import org.medsite.diagnostics.Suggestions;

/**
 * The people who write and review a site's pages: {@code data/people/<id>.yaml}, or one
 * {@code data/people.yaml} mapping ids to people.
 */
public final class PeopleRegistry {

    static final Set<String> KEYS = Set.of("name", "honorificPrefix", "honorificSuffix", "jobTitle", "medicalSpecialty",
            "licensedClinician", "credentials", "npi", "bio", "photo", "photoAlt", "sameAs", "disclosures");

    private final Map<String, Person> people;

    private PeopleRegistry(Map<String, Person> people) {
        this.people = Map.copyOf(people);
    }

    public static PeopleRegistry empty() {
        return new PeopleRegistry(Map.of());
    }

    public Optional<Person> get(String id) {
        return Optional.ofNullable(people.get(id));
    }

    /** Everyone, by id. */
    public List<Person> all() {
        return new TreeMap<>(people).values().stream().toList();
    }

    public Set<String> ids() {
        return people.keySet();
    }

    /** Reads the registry from the site's data tree ({@code data.people}). */
    public static PeopleRegistry load(Path siteDir, Map<String, Object> data, FindingCollector findings) {
        Object tree = data.get("people");
        if (tree == null) {
            return empty();
        }
        if (!(tree instanceof Map<?, ?> entries)) {
            findings.error("people.type", "data/people.yaml", 0, "the people registry must map ids to people");
            return empty();
        }
        Map<String, Person> people = new TreeMap<>();
        entries.forEach((key, value) -> {
            String id = String.valueOf(key);
            String file = Files.isRegularFile(siteDir.resolve("data/people/" + id + ".yaml"))
                    ? "data/people/" + id + ".yaml" : "data/people.yaml";
            if (!(value instanceof Map<?, ?> m)) {
                findings.error("people.type", file, 0, "person '" + id + "' must be a mapping with at least a name");
                return;
            }
            person(id, m, file, findings).ifPresent(p -> people.put(id, p));
        });
        return new PeopleRegistry(people);
    }

    private static Optional<Person> person(String id, Map<?, ?> m, String file, FindingCollector findings) {
        for (Object k : m.keySet()) {
            if (!KEYS.contains(String.valueOf(k))) {
                findings.warning("people.unknown-key", file, 0, "unknown key '" + k + "' for person '" + id + "'"
                        + Suggestions.didYouMean(String.valueOf(k), KEYS));
            }
        }
        String name = str(m.get("name"));
        if (name == null) {
            findings.error("people.name", file, 0, "person '" + id + "' needs a 'name'");
            return Optional.empty();
        }
        List<Person.Credential> credentials = new ArrayList<>();
        if (m.get("credentials") instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof Map<?, ?> c)) {
                    findings.error("people.credential", file, 0, "each credential of '" + id + "' must be a mapping");
                    continue;
                }
                String kind = c.containsKey("degree") ? "degree" : c.containsKey("boardCertification") ? "boardCertification"
                        : c.containsKey("licence") ? "licence" : c.containsKey("license") ? "license" : null;
                if (kind == null || str(c.get(kind)) == null) {
                    findings.error("people.credential", file, 0, "a credential of '" + id
                            + "' needs one of degree, boardCertification or licence");
                    continue;
                }
                Optional<LocalDate> validUntil = Optional.empty();
                if (str(c.get("validUntil")) != null) {
                    try {
                        validUntil = Optional.of(LocalDate.parse(str(c.get("validUntil"))));
                    } catch (DateTimeParseException e) {
                        findings.error("people.credential", file, 0, "validUntil '" + c.get("validUntil") + "' of '" + id
                                + "' is not a valid date; write it as YYYY-MM-DD");
                    }
                }
                credentials.add(new Person.Credential(kind.equals("license") ? "licence" : kind, str(c.get(kind)),
                        Optional.ofNullable(str(c.get("issuer"))), validUntil));
            }
        }
        Object licensed = m.get("licensedClinician");
        if (licensed != null && !(licensed instanceof Boolean)) {
            findings.error("people.type", file, 0, "'licensedClinician' of '" + id + "' must be true or false");
        }
        return Optional.of(new Person(id, name, opt(m.get("honorificPrefix")), opt(m.get("honorificSuffix")),
                opt(m.get("jobTitle")), strings(m.get("medicalSpecialty")), Boolean.TRUE.equals(licensed), credentials,
                opt(m.get("npi")), opt(m.get("bio")), opt(m.get("photo")), opt(m.get("photoAlt")),
                strings(m.get("sameAs")), opt(m.get("disclosures")), file));
    }

    private static List<String> strings(Object o) {
        if (o instanceof List<?> list) {
            return list.stream().map(String::valueOf).map(String::strip).toList();
        }
        return o == null ? List.of() : List.of(String.valueOf(o).strip());
    }

    private static Optional<String> opt(Object o) {
        return Optional.ofNullable(str(o));
    }

    private static String str(Object o) {
        if (o == null || o instanceof Map || o instanceof List) {
            return null;
        }
        String s = String.valueOf(o).strip();
        return s.isEmpty() ? null : s;
    }
}
