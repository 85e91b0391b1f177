package org.medsite.medical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GlossaryTest {

    private static GlossaryEntry entry(String term, List<String> forms, List<String> abbreviations) {
        return new GlossaryEntry(term, "Definition of " + term + ".", Optional.empty(), forms, abbreviations,
                "data/glossary.yaml", 1);
    }

    private final Glossary glossary = new Glossary("en", List.of(
            entry("blood pressure", List.of(), List.of("BP")),
            entry("high blood pressure", List.of(), List.of()),
            entry("hypertension", List.of("hypertensive"), List.of()),
            entry("polyp", List.of("polyps"), List.of())));

    private List<String> found(String text) {
        return glossary.find(text).stream().map(m -> m.value().term() + "=" + text.substring(m.start(), m.end())).toList();
    }

    @Test
    void matchesIgnoreCase() {
        assertThat(found("Hypertension and HYPERTENSION")).containsExactly("hypertension=Hypertension",
                "hypertension=HYPERTENSION");
    }

    @Test
    void formsSuchAsPluralsMatchTheirTerm() {
        assertThat(found("Two polyps and a hypertensive crisis")).containsExactly("polyp=polyps",
                "hypertension=hypertensive");
    }

    @Test
    void onlyWholeWordsMatch() {
        assertThat(found("polypectomy, prehypertension, hypertensions")).isEmpty();
        assertThat(found("(polyp), polyp's, polyp.")).hasSize(3);
    }

    @Test
    void theLongestTermWinsWhereTermsOverlap() {
        assertThat(found("High blood pressure is blood pressure that is high")).containsExactly(
                "high blood pressure=High blood pressure", "blood pressure=blood pressure");
    }

    @Test
    void multiWordTermsMatchAcrossAnySpacing() {
        assertThat(found("blood  pressure")).containsExactly("blood pressure=blood  pressure");
    }

    @Test
    void abbreviationsMatchOnlyWithTheirCase() {
        assertThat(glossary.find("Your BP is fine; bp is not.")).singleElement().satisfies(m -> {
            assertThat(m.abbreviation()).isTrue();
            assertThat(m.value().term()).isEqualTo("blood pressure");
        });
    }

    @Test
    void entriesSortFromAToZInTheirLanguage() {
        Glossary es = new Glossary("es", List.of(entry("presión arterial", List.of(), List.of()),
                entry("pólipo", List.of(), List.of()), entry("hipertensión", List.of(), List.of())));
        assertThat(es.sorted()).extracting(GlossaryEntry::term).containsExactly("hipertensión", "pólipo",
                "presión arterial");
    }

    @Test
    void idsAreSlugsWithoutAccents() {
        assertThat(entry("Presión arterial", List.of(), List.of()).id()).isEqualTo("define-presion-arterial");
    }

    @Test
    void theBuiltInJargonListFindsEnglishJargonOnly() {
        assertThat(Jargon.forLanguage("es")).isEmpty();
        var matches = Jargon.forLanguage("en").orElseThrow().find("Chronic edema after a myocardial infarction");
        assertThat(matches).extracting(m -> m.value().word()).containsExactly("chronic", "edema", "myocardial infarction");
        assertThat(matches.get(2).value().plain()).isEqualTo("heart attack");
    }
}
