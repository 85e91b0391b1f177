package org.medsite.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsite.diagnostics.Finding;

/** The glossary through a whole build with the clinic theme: markup, languages, the glossary page, the report. */
class GlossarySiteTest {

    @TempDir
    Path tmp;

    private TestSite site;

    @BeforeEach
    void writeSite() {
        site = new TestSite(tmp)
                .file("site.yaml", "title: Clinic\nlanguages: [en, es]\n")
                .file("data/glossary.yaml", """
                        hypertension:
                          definition: Blood pressure that stays too high over time.
                          plain: high blood pressure
                        blood pressure:
                          definition: The force of blood on the walls of the arteries.
                          abbreviations: [BP]
                        """)
                .file("data/glossary.es.yaml", "hipertensión: Presión arterial que se mantiene alta.\n")
                .file("content/bp.md", "---\ntitle: Blood pressure\n---\n## Hypertension\n\n"
                        + "Hypertension raises your BP. Treat hypertension early.\n")
                .file("content/bp.es.md", "---\ntitle: Presión\n---\nLa hipertensión se trata. Hypertension.\n")
                .file("content/plain.md", "---\ntitle: Plain\nglossary: false\n---\nHypertension.\n")
                .file("content/glossary.md", "---\ntitle: Glossary\nlayout: glossary\nglossary: false\n---\nWords.\n")
                .file("content/blog/edema.md", "---\ntitle: Swollen legs\ndate: 2026-05-01\n---\n"
                        + "Edema can have many causes. Hypertension is one.\n");
    }

    @Test
    void theFirstUseLinksToADefinitionThePageShows() throws Exception {
        BuildResult result = site.build();
        assertThat(result.findings()).noneMatch(Finding::isError);
        Document doc = Jsoup.parse(site.read("bp/index.html"));
        assertThat(doc.select("h2#hypertension a")).isEmpty();
        assertThat(doc.select(".prose a.glossary-term")).extracting(Element::text).containsExactly("Hypertension", "BP");
        for (Element term : doc.select(".prose a.glossary-term")) {
            Element target = doc.getElementById(term.attr("href").substring(1));
            assertThat(target).isNotNull();
            assertThat(target.tagName()).isEqualTo("dt");
            assertThat(target.selectFirst("dfn")).isNotNull();
            Element definition = doc.getElementById(term.attr("aria-describedby"));
            assertThat(definition.tagName()).isEqualTo("dd");
            assertThat(definition.previousElementSibling()).isEqualTo(target);
        }
        Element words = doc.selectFirst("section.glossary");
        assertThat(words.selectFirst("h2").text()).isEqualTo("Words used on this page");
        assertThat(words.select("dt").eachText()).containsExactly("hypertension", "blood pressure (BP)");
        assertThat(words.select("dd").first().text())
                .isEqualTo("Blood pressure that stays too high over time. In plain words: high blood pressure.");
        assertThat(doc.selectFirst("a.glossary-term abbr").attr("title")).isEqualTo("blood pressure");
        assertThat(doc.select("[style], style, script:not([src])")).isEmpty();
    }

    @Test
    void aSpanishPageGetsOnlySpanishDefinitions() throws Exception {
        site.build();
        Document doc = Jsoup.parse(site.read("es/bp/index.html"));
        assertThat(doc.select("a.glossary-term")).extracting(Element::text).containsExactly("hipertensión");
        assertThat(doc.selectFirst("section.glossary h2").text()).isEqualTo("Palabras usadas en esta página");
        assertThat(doc.select("section.glossary dd").text()).isEqualTo("Presión arterial que se mantiene alta.");
    }

    @Test
    void aPageCanOptOut() throws Exception {
        site.build();
        Document doc = Jsoup.parse(site.read("plain/index.html"));
        assertThat(doc.select("a.glossary-term, section.glossary")).isEmpty();
    }

    @Test
    void theGlossaryPageListsEveryTermFromAToZ() throws Exception {
        site.build();
        Document doc = Jsoup.parse(site.read("glossary/index.html"));
        assertThat(doc.select("dl.glossary-list dt").eachAttr("id"))
                .containsExactly("define-blood-pressure", "define-hypertension");
    }

    @Test
    void theSiteCanTurnMarkingOff() throws Exception {
        site.file("site.yaml", "title: Clinic\nlanguages: [en, es]\nglossary: {enabled: false, jargonAudiences: []}\n");
        BuildResult result = site.build();
        assertThat(result.findings()).extracting(Finding::rule).doesNotContain("plain.jargon");
        assertThat(Jsoup.parse(site.read("bp/index.html")).select("a.glossary-term, section.glossary")).isEmpty();
    }

    @Test
    void undefinedJargonIsAWarningAndInTheEditorialReport() throws Exception {
        BuildResult result = site.build();
        assertThat(result.findings()).filteredOn(f -> f.rule().equals("plain.jargon")).extracting(Finding::format)
                .containsExactly("content/blog/edema.md:5: warning: 'Edema' is medical jargon a patient may not know "
                        + "(plain words: swelling); use the plain words, explain it in brackets, or define 'edema' in "
                        + "data/glossary.yaml [plain.jargon]");
        JsonNode report = new ObjectMapper().readTree(tmp.resolve("medsite-report.json").toFile());
        assertThat(report.at("/summary/withUndefinedJargon").asInt()).isEqualTo(1);
        JsonNode edema = null;
        JsonNode plain = null;
        for (JsonNode page : report.get("pages")) {
            if (page.get("source").asText().equals("content/blog/edema.md")) {
                edema = page;
            } else if (page.get("source").asText().equals("content/bp.md")) {
                plain = page;
            }
        }
        assertThat(edema.at("/glossary/jargonChecked").asBoolean()).isTrue();
        assertThat(edema.at("/glossary/jargon").asInt()).isEqualTo(1);
        assertThat(edema.at("/glossary/jargonWords/0").asText()).isEqualTo("edema");
        assertThat(edema.at("/glossary/termsDefined").asInt()).isEqualTo(1);
        assertThat(plain.at("/glossary/jargonChecked").asBoolean()).isFalse();
        assertThat(plain.at("/glossary/jargon").isNull()).isTrue();
        assertThat(plain.at("/glossary/termsDefined").asInt()).isEqualTo(2);
        Document html = Jsoup.parse(tmp.resolve("medsite-report.html").toFile());
        assertThat(html.select("th").eachText()).contains("Jargon");
    }
}
