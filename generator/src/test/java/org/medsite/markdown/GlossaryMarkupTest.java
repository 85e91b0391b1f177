package org.medsite.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.medsite.config.MarkdownOptions;
import org.medsite.diagnostics.FindingCollector;
import org.medsite.medical.Glossary;
import org.medsite.medical.GlossaryEntry;
import org.medsite.medical.Jargon;
import org.medsite.medical.JargonUse;

class GlossaryMarkupTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer(MarkdownOptions.defaults());

    private final Glossary glossary = new Glossary("en", List.of(
            new GlossaryEntry("blood pressure", "The force of blood on the walls of the arteries.", Optional.empty(),
                    List.of(), List.of("BP"), "data/glossary.yaml", 1),
            new GlossaryEntry("hypertension", "Blood pressure that stays too high.", Optional.of("high blood pressure"),
                    List.of("hypertensive"), List.of(), "data/glossary.yaml", 4)));

    private RenderedMarkdown render(String markdown, Optional<Glossary> g) {
        return renderer.render(markdown, new MarkdownContext("a.md", "content/a.md", 10, "/", MarkdownSpecTest.NO_TARGETS,
                new FindingCollector(), true, new Citations(Set.of("cdc")), "en",
                new GlossaryMarks(g, Jargon.forLanguage("en"))));
    }

    private Document html(String markdown) {
        return Jsoup.parseBodyFragment(render(markdown, Optional.of(glossary)).html());
    }

    @Test
    void theFirstUseOfATermLinksToItsDefinition() {
        Document doc = html("Hypertension is common. Hypertension is treatable.");
        assertThat(doc.select("a.glossary-term")).singleElement().satisfies(a -> {
            assertThat(a.text()).isEqualTo("Hypertension");
            assertThat(a.attr("href")).isEqualTo("#define-hypertension");
            assertThat(a.attr("aria-describedby")).isEqualTo("define-hypertension-text");
        });
        assertThat(doc.select("p").text()).isEqualTo("Hypertension is common. Hypertension is treatable.");
    }

    @Test
    void aFormCountsAsAUseOfItsTerm() {
        Document doc = html("A hypertensive crisis.\n\nHypertension again.");
        assertThat(doc.select("a.glossary-term").eachText()).containsExactly("hypertensive");
    }

    @Test
    void anAbbreviationIsAnAbbrInsideTheLink() {
        Document doc = html("Check your BP at home.");
        Element a = doc.selectFirst("a.glossary-term");
        assertThat(a.attr("href")).isEqualTo("#define-blood-pressure");
        assertThat(a.select("abbr")).singleElement().satisfies(abbr -> {
            assertThat(abbr.text()).isEqualTo("BP");
            assertThat(abbr.attr("title")).isEqualTo("blood pressure");
        });
    }

    @Test
    void termsAreNeverMarkedInHeadingsLinksCodeCitationsFootnotesOrInlineAbbr() {
        Document doc = html("""
                ## Hypertension

                [hypertension](https://example.org/), `hypertension`, <abbr title="x">hypertension</abbr>,
                <dfn>hypertension</dfn> and a note[^1] [@cdc].

                    hypertension in code

                [^1]: Hypertension in a footnote.

                Finally hypertension.
                """);
        assertThat(doc.select("a.glossary-term")).singleElement().satisfies(a -> {
            assertThat(a.text()).isEqualTo("hypertension");
            assertThat(a.parent().text()).isEqualTo("Finally hypertension.");
        });
    }

    @Test
    void textIsEscapedAroundAMarkedTerm() {
        Document doc = html("a < b & hypertension > c");
        assertThat(doc.selectFirst("p").text()).isEqualTo("a < b & hypertension > c");
        assertThat(doc.select("a.glossary-term")).hasSize(1);
    }

    @Test
    void thePageKnowsTheTermsItUsesInOrderOfFirstUse() {
        RenderedMarkdown r = render("BP and hypertension, and BP again.", Optional.of(glossary));
        assertThat(r.glossary().defined()).extracting(GlossaryEntry::term).containsExactly("blood pressure", "hypertension");
    }

    @Test
    void withoutAGlossaryNothingIsMarked() {
        RenderedMarkdown r = render("Hypertension.", Optional.empty());
        assertThat(Jsoup.parseBodyFragment(r.html()).select("a")).isEmpty();
        assertThat(r.glossary().defined()).isEmpty();
    }

    @Test
    void jargonWithoutADefinitionIsReportedAtItsFirstUse() {
        RenderedMarkdown r = render("First line.\n\nThe edema is chronic.\n\nMore edema.", Optional.of(glossary));
        assertThat(r.glossary().jargon()).extracting(JargonUse::word, JargonUse::line, JargonUse::plain).containsExactly(
                org.assertj.core.groups.Tuple.tuple("edema", 12, "swelling"),
                org.assertj.core.groups.Tuple.tuple("chronic", 12, "long-lasting"));
    }

    @Test
    void jargonInTheGlossaryOrExplainedInTheTextIsNotReported() {
        RenderedMarkdown r = render("Hypertension. Dyspnea (shortness of breath). Swelling, or edema. "
                + "Tachycardia means a fast heartbeat.", Optional.of(glossary));
        assertThat(r.glossary().jargon()).isEmpty();
    }

    @Test
    void jargonOfAGlossaryTermIsReportedWhenThePageOptsOut() {
        RenderedMarkdown r = render("Hypertension.", Optional.empty());
        assertThat(r.glossary().jargon()).extracting(JargonUse::word).containsExactly("hypertension");
    }
}
