package org.medsite.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code medical:} texts of site.yaml reach the clinic theme's medical pages in their language, and
 * the review date the byline shows is the one the structured data gives.
 */
class MedicalSettingsRenderTest {

    @TempDir
    Path tmp;

    private static final String PAGE = """
            ---
            title: %s
            type: condition
            author: ana
            reviewedBy: [ben]
            lastReviewed: 2026-01-15
            summary: %s
            actions: [%s]
            sources:
              - {id: nhlbi, title: High Blood Pressure, publisher: NHLBI, url: "https://www.nhlbi.nih.gov/health/high-blood-pressure"}
            ---
            %s
            """;

    private TestSite site(String medicalBlock) {
        return new TestSite(tmp)
                .file("site.yaml", """
                        title: Riverbend
                        baseURL: https://clinic.example.org/
                        languages: [en, es]
                        """ + medicalBlock)
                .file("data/people/ana.yaml", "name: Ana Ruiz\nhonorificSuffix: MD\nlicensedClinician: true\n")
                .file("data/people/ben.yaml", "name: Ben Osei\nhonorificSuffix: MD\nlicensedClinician: true\n")
                .file("content/how-we-write.md", "---\ntitle: How we write\n---\nEvery page is reviewed.\n")
                .file("content/library/bp.md", PAGE.formatted("High blood pressure", "Get it checked.",
                        "Get your blood pressure checked.", "It often has no symptoms."))
                .file("content/library/bp.es.md", PAGE.formatted("Presión arterial alta", "Hágase revisar.",
                        "Revise su presión arterial.", "A menudo no da síntomas."));
    }

    @Test
    void siteTextsReplaceTheThemesInTheirLanguageOnly() throws Exception {
        TestSite site = site("""
                medical:
                  disclaimer: "Riverbend's own words: general information, not advice for you."
                  emergencyNotice: {en: "Call 911 now.", es: "Llame al 911 ahora."}
                  editorialPolicy: /how-we-write/
                """);
        BuildResult result = site.build();
        assertThat(result.findings()).filteredOn(f -> f.rule().startsWith("medical.") || f.rule().startsWith("config."))
                .isEmpty();
        Document en = Jsoup.parse(site.read("library/bp/index.html"));
        assertThat(en.select(".disclaimer").text()).contains("Riverbend's own words").contains("Call 911 now.");
        assertThat(en.select("a[href=/how-we-write/]")).isNotEmpty();
        Document es = Jsoup.parse(site.read("es/library/bp/index.html"));
        assertThat(es.select(".disclaimer").text()).doesNotContain("Riverbend's own words").contains("Llame al 911 ahora.");
    }

    @Test
    void withoutSiteTextsTheThemeWordsIt() throws Exception {
        TestSite site = site("");
        site.build();
        Document en = Jsoup.parse(site.read("library/bp/index.html"));
        assertThat(en.select(".disclaimer p").first().text()).isNotBlank().doesNotContain("Riverbend's own words");
    }

    @Test
    void theBylineReviewDateIsMarkedAndAgreesWithTheStructuredData() throws Exception {
        TestSite site = site("");
        BuildResult result = site.build();
        assertThat(result.findings()).filteredOn(f -> f.rule().equals("medical.date-mismatch")).isEmpty();
        Document en = Jsoup.parse(site.read("library/bp/index.html"));
        assertThat(en.select("time[data-date=lastReviewed]").attr("datetime")).isEqualTo("2026-01-15");
        assertThat(en.select("script[type=application/ld+json]").first().data()).contains("\"lastReviewed\":\"2026-01-15\"");
    }
}
