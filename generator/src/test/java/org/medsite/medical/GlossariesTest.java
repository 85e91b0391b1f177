package org.medsite.medical;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsite.diagnostics.Finding;
import org.medsite.diagnostics.FindingCollector;
import org.medsite.yaml.YamlReader;

class GlossariesTest {

    @TempDir
    Path site;

    private Glossaries load(FindingCollector findings) throws Exception {
        return Glossaries.load(site, "en", List.of("en", "es"), new YamlReader(), findings);
    }

    private void write(String name, String text) throws Exception {
        Files.createDirectories(site.resolve("data"));
        Files.writeString(site.resolve("data/" + name), text);
    }

    @Test
    void eachLanguageHasItsOwnFile() throws Exception {
        write("glossary.yaml", "hypertension:\n  definition: Blood pressure that stays high.\n  plain: high blood pressure\n");
        write("glossary.es.yaml", "hipertensión: Presión arterial que se mantiene alta.\n");
        FindingCollector findings = new FindingCollector();
        Glossaries g = load(findings);
        assertThat(findings.sorted()).isEmpty();
        assertThat(g.forLanguage("en").orElseThrow().entries()).singleElement().satisfies(e -> {
            assertThat(e.term()).isEqualTo("hypertension");
            assertThat(e.plain()).contains("high blood pressure");
            assertThat(e.line()).isEqualTo(1);
        });
        assertThat(g.forLanguage("es").orElseThrow().entries()).extracting(GlossaryEntry::definition)
                .containsExactly("Presión arterial que se mantiene alta.");
        assertThat(Glossaries.fileOf("es", "en")).isEqualTo("data/glossary.es.yaml");
    }

    @Test
    void aSpanishPageGetsNoEnglishGlossary() throws Exception {
        write("glossary.yaml", "edema: Swelling.\n");
        assertThat(load(new FindingCollector()).forLanguage("es")).isEmpty();
    }

    @Test
    void mistakesAreFindingsWithFileAndLine() throws Exception {
        write("glossary.yaml", """
                blood pressure:
                  definition: The force of blood on the walls of the arteries.
                  abbreviations: [BP]
                edema:
                  plain: swelling
                  defintion: Swelling caused by fluid.
                bp:
                  definition: Blood pressure, again.
                polyp:
                  definition: A small growth.
                  forms: polyps
                """);
        FindingCollector findings = new FindingCollector();
        Glossaries g = load(findings);
        assertThat(findings.sorted()).extracting(Finding::format).containsExactly(
                "data/glossary.yaml:4: error: 'edema' has no definition; add 'definition:' with what it means in plain "
                        + "words [glossary.no-definition]",
                "data/glossary.yaml:6: warning: unknown key 'defintion' of 'edema' (did you mean 'definition'?) "
                        + "[glossary.unknown-key]",
                "data/glossary.yaml:7: error: 'bp' is already defined by 'blood pressure' (line 1); keep one "
                        + "of them [glossary.duplicate]");
        assertThat(g.forLanguage("en").orElseThrow().entries()).extracting(GlossaryEntry::term)
                .containsExactly("blood pressure", "bp", "polyp");
        assertThat(g.forLanguage("en").orElseThrow().entries().get(2).forms()).containsExactly("polyps");
    }
}
