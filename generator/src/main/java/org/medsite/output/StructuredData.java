package org.medsite.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medsite.medical.MedicalInfo;
import org.medsite.medical.Person;
import org.medsite.medical.Source;
import org.medsite.model.Page;
import org.medsite.model.PageKind;
import org.medsite.model.Site;

/**
 * schema.org JSON-LD for each page: the practice ({@code MedicalClinic} from {@code data/practice.yaml}),
 * the page ({@code MedicalWebPage} with review, authorship, audience, subject and citations for medical
 * pages; {@code BlogPosting} for posts; {@code ProfilePage} for people), and a {@code BreadcrumbList}.
 * Search engines read review dates and credentials from it; the text is escaped for a {@code <script>}
 * element so no value can end the element early.
 */
public final class StructuredData {

    private static final String SCHEMA = "https://schema.org/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Site site;
    private final AbsoluteUrls urls;

    public StructuredData(Site site) {
        this.site = site;
        this.urls = new AbsoluteUrls(site.config());
    }

    /** The JSON-LD of a page, ready to be the text of a {@code <script type="application/ld+json">}. */
    public Optional<String> of(Page page) {
        if (page.kind() == PageKind.NOT_FOUND) {
            return Optional.empty();
        }
        List<Object> graph = new ArrayList<>();
        practice().ifPresent(graph::add);
        graph.add(page(page));
        breadcrumbs(page).ifPresent(graph::add);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("@context", "https://schema.org");
        root.put("@graph", graph);
        try {
            return Optional.of(scriptSafe(JSON.writeValueAsString(root)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings always serialize", e);
        }
    }

    /**
     * Inside {@code <script>}, {@code </script>} or {@code <!--} in a value would end or confuse the
     * element; JSON allows these characters as {@code \\u} escapes, which HTML leaves alone.
     */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    private String practiceId() {
        return urls.of("/") + "#practice";
    }

    private Optional<Map<String, Object>> practice() {
        if (!(site.data().get("practice") instanceof Map<?, ?> p) || p.get("name") == null) {
            return Optional.empty();
        }
        Map<String, Object> clinic = node("MedicalClinic");
        clinic.put("@id", practiceId());
        clinic.put("name", String.valueOf(p.get("name")));
        clinic.put("url", urls.of("/"));
        if (p.get("telephone") != null) {
            clinic.put("telephone", String.valueOf(p.get("telephone")));
        }
        if (p.get("address") instanceof Map<?, ?> a) {
            Map<String, Object> address = node("PostalAddress");
            for (String key : List.of("streetAddress", "addressLocality", "addressRegion", "postalCode", "addressCountry")) {
                if (a.get(key) != null) {
                    address.put(key, String.valueOf(a.get(key)));
                }
            }
            clinic.put("address", address);
        }
        if (p.get("openingHours") instanceof List<?> hours) {
            List<Object> specs = new ArrayList<>();
            for (Object h : hours) {
                if (h instanceof Map<?, ?> m && m.get("days") instanceof List<?> days) {
                    Map<String, Object> spec = node("OpeningHoursSpecification");
                    spec.put("dayOfWeek", days.stream().map(d -> SCHEMA + d).toList());
                    spec.put("opens", String.valueOf(m.get("opens")));
                    spec.put("closes", String.valueOf(m.get("closes")));
                    specs.add(spec);
                }
            }
            clinic.put("openingHoursSpecification", specs);
        }
        return Optional.of(clinic);
    }

    private Map<String, Object> page(Page page) {
        MedicalInfo m = page.medical();
        String type = switch (page.kind()) {
            case PERSON -> "ProfilePage";
            case SECTION, TAXONOMY, TERM -> "CollectionPage";
            case PAGE -> m.medical() ? "MedicalWebPage" : m.type().equals("blog") ? "BlogPosting" : "WebPage";
            default -> "WebPage";
        };
        Map<String, Object> node = node(type);
        node.put("@id", urls.of(page.url()));
        node.put("url", urls.of(page.url()));
        node.put(type.equals("BlogPosting") ? "headline" : "name", page.title());
        if (!page.description().isEmpty()) {
            node.put("description", page.description());
        }
        node.put("inLanguage", page.lang());
        // The calendar date as written, the one the page shows (a UTC date would be the next day for a post
        // written late in the evening west of Greenwich).
        page.date().ifPresent(d -> node.put("datePublished", d.toLocalDate().toString()));
        page.lastmod().ifPresent(d -> node.put("dateModified", d.toLocalDate().toString()));
        if (site.data().get("practice") instanceof Map<?, ?> p && p.get("name") != null) {
            node.put("publisher", Map.of("@id", practiceId()));
        }
        m.author().flatMap(site.people()::get).ifPresent(a -> node.put("author", person(a)));
        if (page.kind() == PageKind.PERSON) {
            site.people().get(page.id().substring("@person:".length())).ifPresent(p -> node.put("mainEntity", person(p)));
        }
        if (m.medical()) {
            m.lastReviewed().ifPresent(d -> node.put("lastReviewed", d.toString()));
            List<Object> reviewers = m.reviewedBy().stream().map(site.people()::get).flatMap(Optional::stream)
                    .map(this::person).map(Object.class::cast).toList();
            if (!reviewers.isEmpty()) {
                node.put("reviewedBy", reviewers);
            }
            node.put("medicalAudience", m.audience().equals("clinician") ? SCHEMA + "Clinician" : node("Patient"));
            m.about().ifPresent(a -> node.put("about", about(m.type(), a)));
            if (!m.specialties().isEmpty()) {
                node.put("specialty", m.specialties().stream().map(s -> SCHEMA + s).toList());
            }
        }
        List<Object> citations = new ArrayList<>();
        for (Source s : page.orderedSources()) {
            Map<String, Object> work = node("CreativeWork");
            work.put("name", s.title());
            s.href().ifPresent(h -> work.put("url", h));
            s.publisher().ifPresent(p -> work.put("publisher", organization(p)));
            s.year().ifPresent(y -> work.put("datePublished", String.valueOf(y)));
            citations.add(work);
        }
        if (!citations.isEmpty()) {
            node.put("citation", citations);
        }
        return node;
    }

    private Map<String, Object> about(String type, MedicalInfo.About about) {
        Map<String, Object> entity = node(switch (type) {
            case "condition", "symptom" -> "MedicalCondition";
            case "test" -> "MedicalTest";
            case "treatment", "procedure" -> "MedicalTherapy";
            case "medication" -> "Drug";
            default -> "MedicalEntity";
        });
        entity.put("name", about.name());
        List<Object> codes = new ArrayList<>();
        about.icd10().ifPresent(c -> codes.add(code(c, "ICD-10")));
        about.snomed().ifPresent(c -> codes.add(code(c, "SNOMED-CT")));
        if (!codes.isEmpty()) {
            entity.put("code", codes);
        }
        return entity;
    }

    private static Map<String, Object> code(String code, String system) {
        Map<String, Object> c = node("MedicalCode");
        c.put("codeValue", code);
        c.put("codingSystem", system);
        return c;
    }

    private Map<String, Object> person(Person p) {
        Map<String, Object> node = node("Person");
        site.personPage(p.id()).ifPresent(pg -> node.put("@id", urls.of(pg.url()) + "#person"));
        node.put("name", p.name());
        p.honorificPrefix().ifPresent(v -> node.put("honorificPrefix", v));
        p.honorificSuffix().ifPresent(v -> node.put("honorificSuffix", v));
        p.jobTitle().ifPresent(v -> node.put("jobTitle", v));
        site.personPage(p.id()).ifPresent(pg -> node.put("url", urls.of(pg.url())));
        if (!p.sameAs().isEmpty()) {
            node.put("sameAs", p.sameAs());
        }
        List<Object> credentials = new ArrayList<>();
        for (Person.Credential c : p.credentials()) {
            Map<String, Object> cred = node("EducationalOccupationalCredential");
            cred.put("credentialCategory", switch (c.kind()) {
                case "degree" -> "degree";
                case "boardCertification" -> "certification";
                default -> "license";
            });
            cred.put("name", c.name());
            c.issuer().ifPresent(i -> cred.put("recognizedBy", organization(i)));
            credentials.add(cred);
        }
        if (!credentials.isEmpty()) {
            node.put("hasCredential", credentials);
        }
        return node;
    }

    private Optional<Map<String, Object>> breadcrumbs(Page page) {
        if (page.kind() == PageKind.HOME) {
            return Optional.empty();
        }
        List<Page> trail = new ArrayList<>();
        site.home(page.lang()).ifPresent(trail::add);
        String folder = page.kind() == PageKind.SECTION ? parent(page.folder()) : page.folder();
        List<Page> sections = new ArrayList<>();
        for (; !folder.isEmpty(); folder = parent(folder)) {
            site.section(page.lang(), folder).ifPresent(s -> sections.add(0, s.listPage()));
        }
        trail.addAll(sections);
        trail.add(page);
        List<Object> items = new ArrayList<>();
        int position = 1;
        for (Page p : trail) {
            Map<String, Object> item = node("ListItem");
            item.put("position", position++);
            item.put("name", p.title());
            item.put("item", urls.of(p.url()));
            items.add(item);
        }
        Map<String, Object> list = node("BreadcrumbList");
        list.put("itemListElement", items);
        return Optional.of(list);
    }

    private static String parent(String folder) {
        int slash = folder.lastIndexOf('/');
        return slash < 0 ? "" : folder.substring(0, slash);
    }

    private static Map<String, Object> organization(String name) {
        Map<String, Object> org = node("Organization");
        org.put("name", name);
        return org;
    }

    /** A node with its type first; insertion-ordered so the same page always gives the same bytes. */
    private static Map<String, Object> node(String type) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("@type", type);
        return node;
    }
}
