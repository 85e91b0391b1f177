package org.medsite.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsite.diagnostics.Finding;
import org.medsite.diagnostics.FindingCollector;

class ContentDiscoveryTest {

    @TempDir
    Path site;

    private void write(String path) throws Exception {
        Path p = site.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "x");
    }

    @Test
    void classifiesHomeSectionsBundlesPagesAndResources() throws Exception {
        for (String p : new String[] {"content/_index.md", "content/about.md", "content/blog/_index.md",
            "content/blog/first.md", "content/library/flu/index.md", "content/library/flu/index.es.md",
            "content/library/flu/chart.png", "content/library/flu/img/photo.jpg", "content/files/form.pdf",
            "content/.hidden.md", "content/blog/draft.md~", "static/css/site.css"}) {
            write(p);
        }
        FindingCollector findings = new FindingCollector();
        SiteSources sources = new ContentDiscovery(Set.of("en", "es")).discover(site, findings);

        assertThat(findings.sorted()).isEmpty();
        assertThat(sources.pages()).extracting(ContentSource::path, ContentSource::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("_index.md", SourceKind.HOME),
                org.assertj.core.groups.Tuple.tuple("about.md", SourceKind.PAGE),
                org.assertj.core.groups.Tuple.tuple("blog/_index.md", SourceKind.SECTION),
                org.assertj.core.groups.Tuple.tuple("blog/first.md", SourceKind.PAGE),
                org.assertj.core.groups.Tuple.tuple("library/flu/index.es.md", SourceKind.BUNDLE),
                org.assertj.core.groups.Tuple.tuple("library/flu/index.md", SourceKind.BUNDLE));
        ContentSource spanish = sources.pages().get(4);
        assertThat(spanish.lang()).contains("es");
        assertThat(spanish.folder()).isEqualTo("library");
        assertThat(spanish.baseName()).isEqualTo("flu");
        assertThat(spanish.translationBase()).isEqualTo(sources.pages().get(5).translationBase());
        assertThat(spanish.resources()).containsExactly("library/flu/chart.png", "library/flu/img/photo.jpg");
        assertThat(sources.staticFiles()).extracting(StaticFile::origin).containsExactly(
                "content/files/form.pdf", "content/library/flu/chart.png", "content/library/flu/img/photo.jpg",
                "static/css/site.css");
    }

    @Test
    void symbolicLinksOutOfTheSiteAreRefused() throws Exception {
        Path outside = Files.createTempFile("secret", ".md");
        Files.createDirectories(site.resolve("content"));
        Files.createSymbolicLink(site.resolve("content/leak.md"), outside);
        FindingCollector findings = new FindingCollector();
        SiteSources sources = new ContentDiscovery(Set.of("en")).discover(site, findings);
        assertThat(sources.pages()).isEmpty();
        assertThat(findings.sorted()).extracting(Finding::rule).containsExactly("content.outside-link");
        Files.delete(outside);
    }

    @Test
    void linksInsideTheSiteAreFollowedToFilesNotFoldersAndIgnoredFoldersAreSkippedWhole() throws Exception {
        write("content/a.md");
        write("notes/linked.md");
        write("notes/sub/deeper.md");
        write("content/.drafts/hidden.md");
        write("content/#tmp#/x.md");
        write("static/.git/config");
        write("static/site.css");
        Files.createSymbolicLink(site.resolve("content/b.md"), site.resolve("notes/linked.md"));
        Files.createSymbolicLink(site.resolve("content/sub"), site.resolve("notes/sub"));
        Files.createSymbolicLink(site.resolve("content/gone.md"), site.resolve("notes/missing.md"));
        FindingCollector findings = new FindingCollector();
        SiteSources sources = new ContentDiscovery(Set.of("en")).discover(site, findings);

        assertThat(sources.pages()).extracting(ContentSource::path).containsExactly("a.md", "b.md");
        assertThat(sources.staticFiles()).extracting(StaticFile::origin).containsExactly("static/site.css");
        assertThat(findings.sorted()).extracting(Finding::rule, Finding::file).containsExactly(
                org.assertj.core.groups.Tuple.tuple("content.broken-link", "content/gone.md"));
    }

    @Test
    void theMarkdownRuleIsTheOneDiscoveryClassifiesBy() throws Exception {
        for (String p : new String[] {"content/a.md", "content/b.es.markdown", "content/C.MD", "content/d.md.txt",
            "content/e.markdown"}) {
            write(p);
        }
        SiteSources sources = new ContentDiscovery(Set.of("en", "es")).discover(site, new FindingCollector());

        assertThat(sources.pages()).extracting(s -> s.file().getFileName().toString())
                .allMatch(ContentDiscovery::isMarkdown).hasSize(3);
        assertThat(sources.staticFiles()).extracting(s -> s.source().getFileName().toString())
                .noneMatch(ContentDiscovery::isMarkdown).hasSize(2);
        assertThat(ContentDiscovery.isMarkdown(".md")).isFalse();
    }

    @Test
    void theMarkdownRuleWithoutThePatternAgreesWithIt() {
        // isMarkdown is the pattern's match worked out by hand: both must say the same of any name.
        java.util.regex.Pattern pattern = ContentDiscovery.MARKDOWN;
        String[] parts = {"", "a", "index", ".", "md", ".md", ".markdown", "markdown", "es", ".es", "-GB", "\n", "\r",
            "\u0085", "\u2028", "\u2029", "\t", " ", "\u00e9", ".MD", "~", "x.y"};
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder name = new StringBuilder();
            for (int n = random.nextInt(5); n >= 0; n--) {
                name.append(parts[random.nextInt(parts.length)]);
            }
            String s = name.toString();
            assertThat(ContentDiscovery.isMarkdown(s)).as("'%s'", s).isEqualTo(pattern.matcher(s).matches());
        }
    }
}
