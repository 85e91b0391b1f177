package org.medsite.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.medsite.config.MarkdownOptions;
import org.medsite.diagnostics.Finding;
import org.medsite.diagnostics.FindingCollector;

class SiteLinkResolverTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer(MarkdownOptions.defaults());
    private final Map<String, String> pages = Map.of(
            "library/flu/index.md", "/library/flu/",
            "blog/news.md", "/blog/news/",
            "blog/_index.md", "/blog/");
    private final LinkTargets targets = new LinkTargets() {
        @Override
        public Optional<String> page(String contentPath) {
            return Optional.ofNullable(pages.get(contentPath));
        }

        @Override
        public Optional<String> resource(String contentPath) {
            return contentPath.equals("library/flu/chart.png") ? Optional.of("/library/flu/chart.png") : Optional.empty();
        }
    };

    private Document render(String markdown, String basePath, FindingCollector findings) {
        String html = renderer.render(markdown, new MarkdownContext("blog/post.md", "content/blog/post.md", 5,
                basePath, targets, findings, true, Citations.none(), "en")).html();
        return Jsoup.parseBodyFragment(html);
    }

    @Test
    void relativeMarkdownLinksBecomePermalinksKeepingTheFragment() {
        FindingCollector findings = new FindingCollector();
        Document doc = render("[flu](../library/flu/index.md#symptoms) and [news](news.md)", "/", findings);
        assertThat(doc.select("a").eachAttr("href")).containsExactly("/library/flu/#symptoms", "/blog/news/");
        assertThat(findings.sorted()).isEmpty();
    }

    @Test
    void linksFollowTheBasePath() {
        Document doc = render("[flu](../library/flu/index.md) [contact](/contact/)", "/clinic/", new FindingCollector());
        assertThat(doc.select("a").eachAttr("href")).containsExactly("/clinic/library/flu/", "/clinic/contact/");
    }

    @Test
    void bundleResourcesAndFolderLinksResolve() {
        FindingCollector findings = new FindingCollector();
        Document doc = render("![chart](../library/flu/chart.png)\n\n[all posts](./)", "/", findings);
        assertThat(doc.select("img").attr("src")).isEqualTo("/library/flu/chart.png");
        assertThat(doc.select("a").attr("href")).isEqualTo("/blog/");
        assertThat(findings.sorted()).isEmpty();
    }

    @Test
    void aLinkToAMissingPageIsAnErrorWithTheFileLine() {
        FindingCollector findings = new FindingCollector();
        render("Intro.\n\nSee [asthma](../library/asthma/index.md).", "/", findings);
        assertThat(findings.sorted()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("markdown.broken-link");
            assertThat(f.file()).isEqualTo("content/blog/post.md");
            assertThat(f.line()).isEqualTo(7); // body starts on line 5; the link is on the body's third line
            assertThat(f.message()).contains("content/library/asthma/index.md");
        });
    }

    @Test
    void aLinkThatClimbsOutOfContentIsAnError() {
        FindingCollector findings = new FindingCollector();
        render("[secret](../../../etc/passwd.md)", "/", findings);
        assertThat(findings.sorted()).extracting(Finding::rule).containsExactly("markdown.link-outside");
    }

    @Test
    void externalAndSpecialLinksAreLeftAlone() {
        FindingCollector findings = new FindingCollector();
        Document doc = render("[cdc](https://www.cdc.gov/) [call](tel:+15550142) [mail](mailto:a@example.org) [top](#top)",
                "/", findings);
        assertThat(doc.select("a").eachAttr("href"))
                .containsExactly("https://www.cdc.gov/", "tel:+15550142", "mailto:a@example.org", "#top");
        assertThat(doc.select("a").first().attr("rel")).isEqualTo("noopener noreferrer");
        assertThat(findings.sorted()).isEmpty();
    }

    @Test
    void normalizeRefusesToLeaveTheContentFolder() {
        assertThat(SiteLinkResolver.normalize("blog", "../library/x.md")).contains("library/x.md");
        assertThat(SiteLinkResolver.normalize("blog", "../../x.md")).isEmpty();
        assertThat(SiteLinkResolver.normalize("", "a\\..\\b.md")).isEmpty();
    }

    @Test
    void countsWordsAndKeepsTheFirstParagraph() {
        RenderedMarkdown r = renderer.render("# Title\n\nHigh blood pressure is common.\n\nSecond one.",
                MarkdownSpecTest.context(new FindingCollector()));
        assertThat(r.firstParagraph()).isEqualTo("High blood pressure is common.");
        assertThat(r.wordCount()).isEqualTo(8);
    }
}
