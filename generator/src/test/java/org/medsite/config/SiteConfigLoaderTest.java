package org.medsite.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsite.diagnostics.Finding;
import org.medsite.diagnostics.FindingCollector;
import org.medsite.yaml.YamlReader;

class SiteConfigLoaderTest {

    @TempDir
    Path site;

    private final SiteConfigLoader loader = new SiteConfigLoader(new YamlReader());

    private SiteConfig load(String yaml, FindingCollector findings) throws Exception {
        if (yaml != null) {
            Files.writeString(site.resolve("site.yaml"), yaml);
        }
        return loader.load(site, Optional.empty(), Optional.empty(), findings);
    }

    @Test
    void withoutSiteYamlEverythingHasADefault() throws Exception {
        FindingCollector findings = new FindingCollector();
        SiteConfig config = load(null, findings);
        assertThat(findings.sorted()).isEmpty();
        assertThat(config.title()).isEqualTo(site.getFileName().toString());
        assertThat(config.baseUrl()).isEqualTo("/");
        assertThat(config.basePath()).isEqualTo("/");
        assertThat(config.language()).isEqualTo("en");
        assertThat(config.languages()).containsExactly("en");
        assertThat(config.theme()).isEqualTo("clinic");
        assertThat(config.markdown().typographer()).isTrue();
        assertThat(config.editorialReport()).isTrue();
        assertThat(config.searchIndex()).isTrue();
    }

    @Test
    void theSearchIndexCanBeSwitchedOff() throws Exception {
        FindingCollector findings = new FindingCollector();
        assertThat(load("searchIndex: false\n", findings).searchIndex()).isFalse();
        assertThat(load("searchIndex: true\n", findings).searchIndex()).isTrue();
        assertThat(findings.sorted()).isEmpty();
        assertThat(load("searchIndex: [no]\n", findings).searchIndex()).isTrue();
        assertThat(findings.sorted()).extracting(f -> f.format()).containsExactly(
                "site.yaml:1: error: 'searchIndex' must be true or false [config.type]");
    }

    @Test
    void theEditorialReportCanBeSwitchedOff() throws Exception {
        FindingCollector findings = new FindingCollector();
        assertThat(load("editorialReport: false\n", findings).editorialReport()).isFalse();
        assertThat(load("editorialReport: true\n", findings).editorialReport()).isTrue();
        assertThat(findings.sorted()).isEmpty();
        assertThat(load("editorialReport: sometimes\n", findings).editorialReport()).isTrue();
        assertThat(findings.sorted()).extracting(f -> f.format()).containsExactly(
                "site.yaml:1: error: 'editorialReport' must be true or false [config.type]");
    }

    @Test
    void readsEverySetting() throws Exception {
        FindingCollector findings = new FindingCollector();
        SiteConfig config = load("""
                title: Riverbend
                baseURL: https://example.org/clinic
                language: en
                languages: [en, es]
                theme: journal
                permalinks:
                  blog: /:section/:year/:slug/
                markdown:
                  typographer: false
                menus:
                  main:
                    - {name: Blog, url: /blog/, weight: 2}
                    - {name: Library, url: /library/, weight: 1}
                params:
                  colour: teal
                """, findings);
        assertThat(findings.sorted()).isEmpty();
        assertThat(config.baseUrl()).isEqualTo("https://example.org/clinic/");
        assertThat(config.basePath()).isEqualTo("/clinic/");
        assertThat(config.languages()).containsExactly("en", "es");
        assertThat(config.theme()).isEqualTo("journal");
        assertThat(config.permalinks()).containsEntry("blog", "/:section/:year/:slug/");
        assertThat(config.markdown().typographer()).isFalse();
        assertThat(config.menus().get("main")).extracting(MenuEntry::name).containsExactly("Library", "Blog");
        assertThat(config.params()).containsEntry("colour", "teal");
    }

    @Test
    void overridesWinOverTheFile() throws Exception {
        Files.writeString(site.resolve("site.yaml"), "baseURL: https://a.example/\ntheme: clinic\n");
        SiteConfig config = loader.load(site, Optional.of("https://preview.example/"), Optional.of("journal"),
                new FindingCollector());
        assertThat(config.baseUrl()).isEqualTo("https://preview.example/");
        assertThat(config.theme()).isEqualTo("journal");
    }

    @Test
    void mistakesAreReportedWithLineAndSuggestion() throws Exception {
        FindingCollector findings = new FindingCollector();
        load("""
                title: x
                baseUrl: https://example.org/
                baseURL: "ftp://example.org/"
                language: English
                permalinks:
                  blog: ":slug"
                """, findings);
        List<Finding> all = findings.sorted();
        assertThat(all).extracting(Finding::line, Finding::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "config.unknown-key"),
                org.assertj.core.groups.Tuple.tuple(3, "config.base-url"),
                org.assertj.core.groups.Tuple.tuple(4, "config.language"),
                org.assertj.core.groups.Tuple.tuple(5, "config.permalink"));
        assertThat(all.get(0).message()).contains("did you mean 'baseURL'?");
    }

    @Test
    void invalidYamlIsAnErrorNotACrash() throws Exception {
        FindingCollector findings = new FindingCollector();
        SiteConfig config = load("title: [unclosed\n", findings);
        assertThat(findings.sorted()).extracting(Finding::rule).containsExactly("config.yaml");
        assertThat(config.theme()).isEqualTo("clinic");
    }

    @Test
    void medicalTextsArePerLanguageAndAPlainTextIsTheMainLanguages() throws Exception {
        FindingCollector findings = new FindingCollector();
        SiteConfig config = load("""
                languages: [en, es]
                medical:
                  disclaimer: "General information, not advice."
                  emergencyNotice: {en: "Call 911.", es: "Llame al 911."}
                  editorialPolicy: /how-we-write/
                """, findings);
        assertThat(findings.sorted()).isEmpty();
        assertThat(config.medical().disclaimer().in("en")).contains("General information, not advice.");
        assertThat(config.medical().disclaimer().in("es")).isEmpty();
        assertThat(config.medical().emergencyNotice().in("es")).contains("Llame al 911.");
        assertThat(config.medical().editorialPolicy()).contains("/how-we-write/");
    }

    @Test
    void badMedicalTextsAreReported() throws Exception {
        FindingCollector findings = new FindingCollector();
        SiteConfig config = load("""
                languages: [en, es]
                medical:
                  disclaimer: [one, two]
                  emergencyNotice: {en: "Call 911.", fr: "Appelez le 15."}
                  editorialPolicy: https://elsewhere.example/policy
                """, findings);
        assertThat(findings.sorted()).extracting(Finding::rule, Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("config.language", "'medical.emergencyNotice.fr' is for a language "
                        + "the site does not have (languages: [en, es])"),
                org.assertj.core.groups.Tuple.tuple("config.type", "'medical.disclaimer' must be a text, or one text per "
                        + "language such as {en: \"...\", es: \"...\"}"),
                org.assertj.core.groups.Tuple.tuple("config.type", "'medical.editorialPolicy' must be a path inside the "
                        + "site such as /editorial-policy/"));
        assertThat(config.medical().emergencyNotice().in("en")).contains("Call 911.");
        assertThat(config.medical().disclaimer().isEmpty()).isTrue();
    }

    @Test
    void readsTheSecuritySettings() throws Exception {
        FindingCollector findings = new FindingCollector();
        SiteConfig config = load("""
                security:
                  headersFile: false
                  metaElement: off
                  sources:
                    img-src: [https://images.example.org, "data:"]
                    frame-src: https://player.vimeo.com
                """, findings);
        assertThat(findings.sorted()).isEmpty();
        assertThat(config.security().policy()).isTrue();
        assertThat(config.security().headersFile()).isFalse();
        assertThat(config.security().metaElement()).isFalse();
        assertThat(config.security().extraSources()).containsExactly(
                java.util.Map.entry("frame-src", List.of("https://player.vimeo.com")),
                java.util.Map.entry("img-src", List.of("https://images.example.org", "data:")));
        assertThat(load("title: A\n", new FindingCollector()).security()).isEqualTo(SecuritySettings.defaults());
    }
}
