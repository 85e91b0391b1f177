package org.medsite.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.medsite.config.MarkdownOptions;
import org.medsite.diagnostics.Finding;
import org.medsite.diagnostics.FindingCollector;

class CitationTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer(MarkdownOptions.defaults());

    private RenderedMarkdown render(String markdown, FindingCollector findings) {
        return renderer.render(markdown, new MarkdownContext("a.md", "content/a.md", 10, "/", MarkdownSpecTest.NO_TARGETS, findings, true,
                new Citations(Set.of("cdc", "nih", "uspstf")), "en"));
    }

    @Test
    void citationsAreNumberedInTheOrderOfFirstCitation() {
        FindingCollector findings = new FindingCollector();
        RenderedMarkdown r = render("Screen at 45 [@uspstf]. Diet helps [@nih; @uspstf].", findings);
        Document doc = Jsoup.parseBodyFragment(r.html());
        assertThat(doc.select("sup.citation a").eachText()).containsExactly("1", "2", "1");
        assertThat(doc.select("sup.citation a").eachAttr("href"))
                .containsExactly("#source-uspstf", "#source-nih", "#source-uspstf");
        assertThat(r.cited()).containsExactly("uspstf", "nih");
        assertThat(findings.sorted()).isEmpty();
    }

    @Test
    void anUnknownSourceIsAnErrorWithLineAndSuggestion() {
        FindingCollector findings = new FindingCollector();
        render("First line.\n\nSee [@cdcc].", findings);
        assertThat(findings.sorted()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("medical.unknown-citation");
            assertThat(f.line()).isEqualTo(12);
            assertThat(f.message()).contains("did you mean 'cdc'?");
        });
    }

    @Test
    void ordinaryReferenceLinksAreLeftAlone() {
        FindingCollector findings = new FindingCollector();
        RenderedMarkdown r = render("A [link][ref] and [@cdc][ref] and [plain].\n\n[ref]: https://example.org/\n", findings);
        Document doc = Jsoup.parseBodyFragment(r.html());
        assertThat(doc.select("a[href=https://example.org/]")).hasSize(2);
        assertThat(doc.select("sup.citation")).isEmpty();
        assertThat(doc.text()).contains("[plain]");
        assertThat(findings.sorted()).extracting(Finding::rule).isEmpty();
    }
}
