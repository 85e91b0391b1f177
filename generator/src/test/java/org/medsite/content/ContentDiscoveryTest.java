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
}
