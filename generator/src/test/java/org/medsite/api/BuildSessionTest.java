package org.medsite.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A warm session redoes only what a change affects, and still gives the same site as a cold build:
 * after each edit the session's output is compared with a one-off build of the same sources.
 */
class BuildSessionTest {

    private static final String LAYOUT_SINGLE = """
            <!doctype html><html><head><title>${page.title}</title></head><body>
            <#include "partials/nav.ftlh"><h1>${page.title}</h1>${page.content}</body></html>
            """;
    private static final String LAYOUT_LIST = """
            <!doctype html><html><head><title>${page.title}</title></head><body>
            <#include "partials/nav.ftlh"><h1>${page.title}</h1>
            <ul><#list pages as p><li><a href="${p.url}">${p.title}</a></li></#list></ul></body></html>
            """;

    @TempDir
    Path tmp;
    private TestSite site;
    private BuildSession session;

    @BeforeEach
    void site() throws Exception {
        site = new TestSite(tmp)
                .file("site.yaml", "title: Clinic\nbaseURL: https://example.org/\ntaxonomies: [tags]\n")
                .file("layouts/single.ftlh", LAYOUT_SINGLE)
                .file("layouts/list.ftlh", LAYOUT_LIST)
                .file("layouts/index.ftlh", LAYOUT_LIST)
                .file("layouts/404.ftlh", "<!doctype html><title>Not found</title><body>Gone</body>")
                .file("layouts/partials/nav.ftlh", "<nav><a href=\"${relURL('/')}\">${site.title}</a></nav>")
                .file("layouts/about.ftlh", "<!doctype html><html><body>About: ${page.title}</body></html>")
                .file("content/_index.md", "---\ntitle: Home\n---\nWelcome.\n")
                .file("content/about.md", "---\ntitle: About\nlayout: about\n---\nUs.\n")
                .file("content/blog/flu.md", "---\ntitle: Flu\ndate: 2025-10-01\ntags: [winter]\n---\nGet a shot.\n")
                .file("content/blog/cold.md", "---\ntitle: Cold\ndate: 2025-11-01\ntags: [winter]\n---\nRest. "
                        + "See [flu](flu.md).\n")
                .file("content/library/asthma.md", "---\ntitle: Asthma\n---\nBreathe.\n")
                .file("content/contact.md", "---\ntitle: Contact\n---\nCall us.\n")
                .file("static/css/site.css", "body { color: black; }\n");
        session = site.medsite().session();
        assertThat(session.build().result().findings()).isEmpty();
    }

    @Test
    void editingABodyRendersThatPageAndWhatListsIt() throws Exception {
        Rebuild rebuild = change("content/library/asthma.md", "---\ntitle: Asthma\n---\nBreathe slowly.\n");

        assertThat(rebuild.result().findings()).isEmpty();
        // The home page lists every page with its view, the library list shows its pages.
        assertThat(session.renderedPages()).containsExactlyInAnyOrder("library/asthma.md", "@section:en:library",
                "_index.md");
        // The search index's one chunk has the page's new text; its manifest is the same.
        assertThat(rebuild.changedFiles()).contains("library/asthma/index.html", "search-index/0.json")
                .doesNotContain("blog/flu/index.html", "index.html", "search-index.json");
        assertThat(site.read("library/asthma/index.html")).contains("Breathe slowly.");
        assertSameAsColdBuild();
    }

    @Test
    void changingATitleRendersTheListsAndTermsThatShowIt() throws Exception {
        change("content/blog/flu.md", "---\ntitle: Influenza\ndate: 2025-10-01\ntags: [winter]\n---\nGet a shot.\n");

        assertThat(session.renderedPages()).contains("blog/flu.md", "@section:en:blog", "@term:en:tags:winter",
                "_index.md").doesNotContain("library/asthma.md", "about.md", "contact.md");
        assertThat(site.read("blog/index.html")).contains("Influenza");
        assertThat(site.read("tags/winter/index.html")).contains("Influenza");
        assertSameAsColdBuild();
    }

    @Test
    void aNewGlossaryMarksItsTermsInPagesRenderedBefore() throws Exception {
        change("data/glossary.yaml", "shot: A vaccine given with a needle.\n");

        assertThat(site.read("blog/flu/index.html")).contains("<a class=\"glossary-term\" href=\"#define-shot\"")
                .contains("<dd id=\"define-shot-text\">A vaccine given with a needle.</dd>");
        assertSameAsColdBuild();
    }

    @Test
    void aTemplateEditRendersOnlyThePagesThatUseIt() throws Exception {
        change("layouts/about.ftlh", "<!doctype html><html><body>About us: ${page.title}</body></html>");

        assertThat(session.renderedPages()).containsExactly("about.md");
        assertThat(site.read("about/index.html")).contains("About us: About");
        assertSameAsColdBuild();

        change("layouts/partials/nav.ftlh", "<nav class=\"main\"><a href=\"${relURL('/')}\">${site.title}</a></nav>");
        // Only the site's own single, list and home templates include the nav; blog and library pages
        // use the theme's templates.
        assertThat(session.renderedPages()).containsExactlyInAnyOrder("contact.md", "_index.md");
        assertThat(site.read("contact/index.html")).contains("<nav class=\"main\">");
        assertSameAsColdBuild();
    }

    @Test
    void aNewTemplateEarlierInTheLookupTakesOver() throws Exception {
        change("layouts/blog/single.ftlh", "<!doctype html><html><body>Blog post ${page.title}</body></html>");

        assertThat(session.renderedPages()).containsExactlyInAnyOrder("blog/flu.md", "blog/cold.md");
        assertThat(site.read("blog/flu/index.html")).contains("Blog post Flu");
        assertSameAsColdBuild();
    }

    @Test
    void deletedAndRenamedPagesLeaveTheOutputAndLinksToThemAreChecked() throws Exception {
        Files.delete(site.dir.resolve("content/library/asthma.md"));
        Rebuild deleted = session.rebuild(List.of(site.dir.resolve("content/library/asthma.md"))).orElseThrow();
        assertThat(deleted.result().findings()).isEmpty();
        assertThat(site.out.resolve("library/asthma/index.html")).doesNotExist();
        assertThat(deleted.changedFiles()).contains("library/asthma/index.html");
        assertSameAsColdBuild();

        Path from = site.dir.resolve("content/blog/flu.md");
        Path to = site.dir.resolve("content/blog/influenza.md");
        Files.move(from, to);
        Rebuild renamed = session.rebuild(List.of(from, to)).orElseThrow();
        // cold.md links to flu.md, which is gone: its cached Markdown must not hide the broken link.
        assertThat(renamed.result().errors()).extracting(f -> f.file()).containsExactly("content/blog/cold.md");
        assertThat(renamed.result().written()).isEmpty();

        change("content/blog/cold.md", "---\ntitle: Cold\ndate: 2025-11-01\ntags: [winter]\n---\nRest. "
                + "See [flu](influenza.md).\n");
        assertThat(site.out.resolve("blog/flu/index.html")).doesNotExist();
        assertThat(site.read("blog/influenza/index.html")).contains("Get a shot.");
        assertThat(site.read("blog/cold/index.html")).contains("href=\"/blog/influenza/\"");
        assertSameAsColdBuild();
    }

    @Test
    void anErrorWritesNothingAndTheNextGoodSaveCatchesUp() throws Exception {
        Rebuild broken = change("content/about.md", "---\ntitle: [unclosed\n---\nUs.\n");
        assertThat(broken.result().errors()).isNotEmpty()
                .allSatisfy(f -> assertThat(f.file()).isEqualTo("content/about.md"));
        assertThat(broken.changedFiles()).isEmpty();

        change("content/library/asthma.md", "---\ntitle: Asthma\n---\nStill broken elsewhere.\n");
        Rebuild fixed = change("content/about.md", "---\ntitle: About the clinic\nlayout: about\n---\nUs.\n");
        assertThat(fixed.result().findings()).isEmpty();
        assertThat(site.read("about/index.html")).contains("About the clinic");
        assertThat(site.read("library/asthma/index.html")).contains("Still broken elsewhere.");
        assertSameAsColdBuild();
    }

    @Test
    void settingsChangesRebuildEverything() throws Exception {
        change("site.yaml", "title: Riverside Clinic\nbaseURL: https://example.org/\ntaxonomies: [tags]\n");

        assertThat(site.read("blog/flu/index.html")).contains("Riverside Clinic");
        assertSameAsColdBuild();
    }

    @Test
    void aStylesheetEditWritesOnlyTheStylesheet() throws Exception {
        Rebuild rebuild = change("static/css/site.css", "body { color: navy; }\n");

        assertThat(rebuild.changedFiles()).containsExactly("css/site.css");
        assertThat(session.renderedPages()).isEmpty();
    }

    @Test
    void changesOutsideTheSourcesAreIgnored() throws Exception {
        site.file("README.md", "notes");
        site.file("content/.flu.md.swp", "editor state");

        assertThat(session.rebuild(List.of(site.dir.resolve("README.md"), site.dir.resolve("content/.flu.md.swp"))))
                .isEmpty();
    }

    private Rebuild change(String path, String text) throws MedsiteException {
        site.file(path, text);
        return session.rebuild(List.of(site.dir.resolve(path))).orElseThrow();
    }

    /** The session's output folder holds exactly what a cold build of the same sources writes. */
    private void assertSameAsColdBuild() throws Exception {
        Path cold = tmp.resolve("cold-" + System.nanoTime());
        BuildResult result = Medsite.forSite(site.dir).outputDir(cold).now(TestSite.NOW).build();
        assertThat(result.errors()).isEmpty();
        Map<String, String> warm = TestSite.snapshot(site.out);
        assertThat(warm).isEqualTo(TestSite.snapshot(cold));
    }
}
