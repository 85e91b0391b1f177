package org.medsite.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON-LD of the medical fixture site, parsed and checked against the schema.org vocabulary. */
class StructuredDataTest {

    @TempDir
    Path tmp;

    private Document build() throws Exception {
        Path site = Path.of(getClass().getResource("/sites/medical-clean").toURI());
        BuildResult result = Medsite.forSite(site).outputDir(tmp.resolve("out")).now(TestSite.NOW).build();
        assertThat(result.findings()).isEmpty();
        return Jsoup.parse(tmp.resolve("out/library/bp/index.html").toFile());
    }

    private static JsonNode jsonLd(Document doc) throws Exception {
        return new ObjectMapper().readTree(doc.select("script[type=application/ld+json]").first().data());
    }

    private static JsonNode ofType(JsonNode graph, String type) {
        for (JsonNode node : graph.get("@graph")) {
            if (node.get("@type").asText().equals(type)) {
                return node;
            }
        }
        throw new AssertionError("no " + type + " in " + graph);
    }

    @Test
    void medicalPagesDescribeReviewAuthorshipSubjectAndCitations() throws Exception {
        JsonNode page = ofType(jsonLd(build()), "MedicalWebPage");
        assertThat(page.get("lastReviewed").asText()).isEqualTo("2026-01-15");
        assertThat(page.get("author").get("name").asText()).isEqualTo("Ana Ruiz");
        assertThat(page.get("author").get("honorificSuffix").asText()).isEqualTo("MD");
        assertThat(page.get("author").get("hasCredential").get(0).get("name").asText()).isEqualTo("Doctor of Medicine (MD)");
        assertThat(page.get("reviewedBy").get(0).get("name").asText()).isEqualTo("Ben Osei");
        assertThat(page.get("about").get("@type").asText()).isEqualTo("MedicalCondition");
        assertThat(page.get("about").get("code").get(0).get("codeValue").asText()).isEqualTo("I10");
        assertThat(page.get("medicalAudience").get("@type").asText()).isEqualTo("Patient");
        assertThat(page.get("citation").get(1).get("url").asText()).isEqualTo("https://doi.org/10.1056/NEJMoa1511939");
        assertThat(page.get("specialty").get(0).asText()).isEqualTo("https://schema.org/Cardiovascular");
        JsonNode crumbs = ofType(jsonLd(build()), "BreadcrumbList");
        assertThat(crumbs.get("itemListElement").get(2).get("item").asText())
                .isEqualTo("https://clinic.example.org/library/bp/");
    }

    @Test
    void scriptBreakingTextIsEscaped() throws Exception {
        Path site = tmp.resolve("site");
        Files.createDirectories(site.resolve("content"));
        Files.writeString(site.resolve("site.yaml"), "theme: testbare\nbaseURL: https://x.example/\n");
        Files.writeString(site.resolve("content/a.md"), "---\ntitle: \"</script><script>alert(1)</script><!--\"\n---\nx\n");
        Medsite.forSite(site).outputDir(tmp.resolve("o")).now(TestSite.NOW).build();
        Document doc = Jsoup.parse(tmp.resolve("o/a/index.html").toFile());
        assertThat(doc.select("script")).allMatch(s -> s.attr("type").equals("application/ld+json"));
        JsonNode page = ofType(jsonLd(doc), "WebPage");
        assertThat(page.get("name").asText()).isEqualTo("</script><script>alert(1)</script><!--");
    }

    /** Every type and property used exists in schema.org (release 30.0, in ../shared/vocab when present). */
    @Test
    void usesOnlyTermsOfTheSchemaOrgVocabulary() throws Exception {
        Path vocab = Path.of("../../shared/vocab/schemaorg-current-https.jsonld").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isRegularFile(vocab), "schema.org vocabulary not beside the repository");
        Set<String> terms = new HashSet<>();
        for (JsonNode node : new ObjectMapper().readTree(vocab.toFile()).get("@graph")) {
            terms.add(node.get("@id").asText().replace("schema:", ""));
        }
        List<String> unknown = new ArrayList<>();
        collect(jsonLd(build()), terms, unknown);
        assertThat(unknown).isEmpty();
    }

    private static void collect(JsonNode node, Set<String> terms, List<String> unknown) {
        if (node.isArray()) {
            node.forEach(n -> collect(n, terms, unknown));
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("@type") && !terms.contains(e.getValue().asText())) {
                    unknown.add("type " + e.getValue().asText());
                } else if (!e.getKey().startsWith("@") && !terms.contains(e.getKey())) {
                    unknown.add("property " + e.getKey());
                }
                collect(e.getValue(), terms, unknown);
            }
        }
    }
}
