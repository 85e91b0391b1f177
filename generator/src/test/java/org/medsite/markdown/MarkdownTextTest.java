package org.medsite.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.medsite.config.MarkdownOptions;
import org.medsite.diagnostics.FindingCollector;

/** The text the Markdown stage derives from a page: collapsed whitespace, teaser, first paragraph. */
class MarkdownTextTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer(MarkdownOptions.defaults());

    private RenderedMarkdown render(String markdown) {
        return renderer.render(markdown, new MarkdownContext("a.md", "content/a.md", 1, "/", MarkdownSpecTest.NO_TARGETS,
                new FindingCollector(), true, new Citations(Set.of()), "en"));
    }

    @Test
    void withoutASearchIndexThePlainTextIsNotKeptAndTheRestIsTheSame() {
        String markdown = "# Title\n\nFirst *part*, with [a link](b.md).\n\n## Care\n\n- one\n- two's\n\n| a | b |\n| - | - |\n"
                + "| c | d |\n\n<!-- more -->\n\nRest of the page.";
        MarkdownContext context = new MarkdownContext("a.md", "content/a.md", 1, "/", MarkdownSpecTest.NO_TARGETS,
                new FindingCollector(), true, new Citations(Set.of()), "en");
        RenderedMarkdown kept = renderer.render(markdown, context);
        RenderedMarkdown without = new MarkdownRenderer(MarkdownOptions.defaults(), false).render(markdown,
                new MarkdownContext("a.md", "content/a.md", 1, "/", MarkdownSpecTest.NO_TARGETS,
                        new FindingCollector(), true, new Citations(Set.of()), "en"));
        assertThat(kept.plainText()).contains("First part, with a link.");
        assertThat(without.plainText()).isEmpty();
        assertThat(without).isEqualTo(new RenderedMarkdown(kept.html(), kept.title(), kept.firstParagraph(),
                kept.wordCount(), kept.toc(), kept.teaser(), "", kept.cited(), kept.readability(), kept.glossary()));
    }

    @Test
    void collapseGivesWhatTheRegexGave() {
        for (String text : List.of("", " ", "a", "  a  b\t\tc\n", "\u2003a b\u2003", "a\r\n\u000Bb\fc", "x \u00A0 y",
                "\n\nline one\nline two  ")) {
            assertThat(MarkdownRenderer.collapse(text)).as(text).isEqualTo(text.replaceAll("\\s+", " ").strip());
        }
    }

    @Test
    void theTeaserIsTheTextBeforeTheMoreMarker() {
        RenderedMarkdown r = render("First *part*.\n\n- a list\n\n<!-- more -->\n\nRest of the page.");
        assertThat(r.teaser()).contains("First part. a list");
        assertThat(r.firstParagraph()).isEqualTo("First part.");
    }

    @Test
    void withoutAMarkerThereIsNoTeaser() {
        RenderedMarkdown r = render("First part.\n\n```\n<!-- more -->\n```\n\nRest.");
        assertThat(r.teaser()).isEmpty();
        assertThat(r.plainText()).startsWith("First part.").endsWith("Rest.");
    }
}
