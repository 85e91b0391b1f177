package org.medsite.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsite.diagnostics.Finding;
import org.medsite.diagnostics.FindingCollector;
import org.medsite.yaml.YamlReader;

class TranslationsTest {

    @TempDir
    Path site;

    @Test
    void siteStringsOverrideTheThemesAndMissingOnesFallBackToTheMainLanguage() throws Exception {
        Files.createDirectories(site.resolve("i18n"));
        Files.writeString(site.resolve("i18n/es.yaml"), "reviewed: Revisado médicamente por\n");
        Theme theme = new Theme("testchild", List.of("testchild", "clinic"));
        FindingCollector findings = new FindingCollector();
        Translations t = Translations.load(site, theme, getClass().getClassLoader(), List.of("en", "es"),
                new YamlReader(), findings);

        assertThat(findings.sorted()).isEmpty();
        assertThat(t.get("es", "skip")).contains("Saltar al contenido");
        assertThat(t.get("es", "reviewed")).contains("Revisado médicamente por");
        assertThat(t.get("en", "reviewed")).contains("Medically reviewed by");
        assertThat(t.get("fr", "skip")).contains("Skip to content");
        assertThat(t.get("en", "nosuch")).isEmpty();
    }

    @Test
    void badTranslationFilesAreFindings() throws Exception {
        Files.createDirectories(site.resolve("i18n"));
        Files.writeString(site.resolve("i18n/en.yaml"), "skip: [a, b]\nok: fine\n");
        FindingCollector findings = new FindingCollector();
        Translations.load(site, new Theme("testbare", List.of("testbare")), getClass().getClassLoader(), List.of("en"),
                new YamlReader(), findings);
        assertThat(findings.sorted()).extracting(Finding::rule, Finding::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("i18n.type", 1));
    }
}
