package org.medsite.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsite.diagnostics.Finding;

/** The whole pipeline on small sites written inline. */
class MedsiteBuildTest {

    @TempDir
    Path tmp;

    @Test
    void zeroConfigFolderOfMarkdownBuildsWithTheDefaultTheme() throws Exception {
        TestSite site = new TestSite(tmp).file("content/hello.md", "# Hello\n\nFirst paragraph.\n");
        BuildResult result = site.build();

        assertThat(result.findings()).isEmpty();
        assertThat(result.written()).get().extracting(w -> w.written()).isNotEqualTo(0);
        Document page = Jsoup.parse(site.read("hello/index.html"));
        assertThat(page.select("main h1").text()).isEqualTo("Hello");
        assertThat(page.select("meta[name=description]").attr("content")).isEqualTo("First paragraph.");
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(Files.exists(site.out.resolve("index.html"))).isTrue();
        assertThat(Files.exists(site.out.resolve("404.html"))).isTrue();
        assertThat(result.timings()).extracting(StageTiming::stage)
                .containsSubsequence("config", "discover", "parse", "markdown", "assemble", "render", "postprocess", "write");
    }

    @Test
    void sectionsBundlesAndCleanUrls() throws Exception {
        TestSite site = new TestSite(tmp)
                .file("site.yaml", "title: Clinic\npermalinks:\n  blog: /:section/:year/:slug/\n")
                .file("content/_index.md", "---\ntitle: Welcome\n---\nHi.\n")
                .file("content/blog/_index.md", "---\ntitle: News\n---\n")
                .file("content/blog/flu-shots.md", "---\ntitle: Flu shots\ndate: 2025-10-01\n---\nGet one.\n")
                .file("content/library/asthma/index.md", "---\ntitle: Asthma\n---\n![Inhaler](inhaler.svg)\n")
                .file("content/library/asthma/inhaler.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>")
                .file("static/robots.txt", "User-agent: *\n");
        BuildResult result = site.build();

        assertThat(result.findings()).isEmpty();
        assertThat(result.pages()).extracting(PageSummary::url).contains("/", "/blog/", "/blog/2025/flu-shots/",
                "/library/", "/library/asthma/", "/404.html");
        Document blog = Jsoup.parse(site.read("blog/index.html"));
        assertThat(blog.select("main a[href=/blog/2025/flu-shots/]")).hasSize(1);
        Document asthma = Jsoup.parse(site.read("library/asthma/index.html"));
        assertThat(asthma.select("img").attr("src")).isEqualTo("/library/asthma/inhaler.svg");
        assertThat(Files.exists(site.out.resolve("library/asthma/inhaler.svg"))).isTrue();
        assertThat(site.read("robots.txt")).isEqualTo("User-agent: *\n");
    }

    @Test
    void linksBetweenPagesFollowTheBasePath() throws Exception {
        TestSite site = new TestSite(tmp)
                .file("site.yaml", "baseURL: https://example.org/clinic/\n")
                .file("content/a.md", "[to b](b.md)\n")
                .file("content/b.md", "B\n");
        BuildResult result = site.build();

        assertThat(result.findings()).isEmpty();
        Document a = Jsoup.parse(site.read("a/index.html"));
        assertThat(a.select("a:containsOwn(to b)").attr("href")).isEqualTo("/clinic/b/");
    }

    @Test
    void sameInputGivesByteIdenticalOutput() throws Exception {
        TestSite site = new TestSite(tmp)
                .file("content/_index.md", "---\ntitle: Home\n---\n")
                .file("content/blog/a.md", "---\ntitle: A\ndate: 2025-01-01\ntags: [x]\n---\n\"Quotes\" -- and [b](b.md).\n")
                .file("content/blog/b.md", "---\ntitle: B\ndate: 2025-01-02\n---\n| a | b |\n|---|---|\n| 1 | 2 |\n")
                .file("data/practice.yaml", "name: Demo\n")
                .file("content/privacy.md", "---\ntitle: Privacy\n---\nNo trackers.\n");
        site.build();
        Map<String, String> first = TestSite.snapshot(site.out);
        BuildResult second = Medsite.forSite(site.dir).outputDir(tmp.resolve("out2")).now(TestSite.NOW).threads(1).build();

        assertThat(second.findings()).isEmpty();
        assertThat(TestSite.snapshot(tmp.resolve("out2"))).isEqualTo(first);
    }

    @Test
    void allErrorsAreReportedTogetherAndThePreviousOutputIsKept() throws Exception {
        TestSite site = new TestSite(tmp).file("content/a.md", "---\ntitle: A\n---\nFine.\n");
        site.build();
        Map<String, String> before = TestSite.snapshot(site.out);

        site.file("content/a.md", "---\ntitle: A\n---\nSee [missing](nowhere.md).\n")
                .file("content/b.md", "---\ntitle: [unclosed\n---\n")
                .file("content/c.md", "---\ndate: yesterday\n---\n");
        BuildResult result = site.build();

        assertThat(result.succeeded()).isFalse();
        assertThat(result.written()).isEmpty();
        assertThat(result.errors()).extracting(Finding::file, Finding::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("content/a.md", "markdown.broken-link"),
                org.assertj.core.groups.Tuple.tuple("content/b.md", "frontmatter.yaml"),
                org.assertj.core.groups.Tuple.tuple("content/c.md", "frontmatter.date"));
        assertThat(result.errors().get(0).line()).isEqualTo(4);
        assertThat(TestSite.snapshot(site.out)).isEqualTo(before);
        try (var siblings = Files.list(tmp)) {
            assertThat(siblings.map(p -> p.getFileName().toString()))
                    .allMatch(n -> n.equals("site") || n.equals("out") || n.equals(".out.medsite")
                            || n.startsWith("medsite-report."));
        }
    }

    @Test
    void unchangedFilesAreNotRewritten() throws Exception {
        TestSite site = new TestSite(tmp).file("content/a.md", "A\n").file("content/b.md", "B\n");
        site.build();
        Path a = site.out.resolve("a/index.html");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(a, old);

        BuildResult again = site.build();
        assertThat(again.written()).get().satisfies(w -> {
            assertThat(w.written()).isZero();
            assertThat(w.removed()).isZero();
        });
        assertThat(Files.getLastModifiedTime(a)).isEqualTo(old);

        site.file("content/b.md", "B changed\n");
        BuildResult third = site.build();
        // The changed page, and the pages and files that show its text (search index, lists), not the rest.
        assertThat(third.written()).get().satisfies(w -> {
            assertThat(w.written()).isPositive();
            assertThat(w.unchanged()).isGreaterThan(w.written());
        });
        assertThat(Files.getLastModifiedTime(a)).isEqualTo(old);
    }

    @Test
    void deletedPagesDisappearFromTheOutput() throws Exception {
        TestSite site = new TestSite(tmp).file("content/a.md", "A\n").file("content/b.md", "B\n");
        site.build();
        Files.delete(site.dir.resolve("content/b.md"));
        BuildResult result = site.build();
        assertThat(result.written()).get().satisfies(w -> assertThat(w.removed()).isEqualTo(1));
        assertThat(Files.exists(site.out.resolve("b/index.html"))).isFalse();
    }

    @Test
    void draftsFutureAndExpiredPagesAreLeftOutUnlessAsked() throws Exception {
        TestSite site = new TestSite(tmp)
                .file("content/draft.md", "---\ndraft: true\n---\n")
                .file("content/future.md", "---\ndate: 2030-01-01\n---\n")
                .file("content/expired.md", "---\nexpiryDate: 2020-01-01\n---\n")
                .file("content/now.md", "---\ndate: 2026-01-01\n---\n");
        assertThat(site.build().pages()).extracting(PageSummary::url).contains("/now/")
                .doesNotContain("/draft/", "/future/", "/expired/");
        BuildResult all = site.medsite().includeDrafts(true).includeFuture(true).includeExpired(true).build();
        assertThat(all.pages()).extracting(PageSummary::url).contains("/draft/", "/future/", "/expired/");
    }

    @Test
    void checkWritesNothing() throws Exception {
        TestSite site = new TestSite(tmp).file("content/a.md", "A\n");
        BuildResult result = site.medsite().check();
        assertThat(result.mode()).isEqualTo(BuildMode.CHECK);
        assertThat(result.pages()).isNotEmpty();
        assertThat(result.written()).isEmpty();
        assertThat(Files.exists(site.out)).isFalse();
    }

    @Test
    void twoPagesWithOneUrlAreAnError() throws Exception {
        TestSite site = new TestSite(tmp)
                .file("content/flu.md", "A\n")
                .file("content/other.md", "---\nurl: /FLU/\n---\n");
        BuildResult result = site.build();
        assertThat(result.errors()).extracting(Finding::rule).containsExactly("url.duplicate");
        assertThat(result.errors().get(0).message()).contains("content/flu.md");
    }

    @Test
    void urlsThatTryToLeaveTheSiteAreRefused() throws Exception {
        TestSite site = new TestSite(tmp)
                .file("content/a.md", "---\nurl: /../../etc/\n---\n")
                .file("content/b.md", "---\nurl: \"/%2e%2e/x/\"\n---\n")
                .file("content/c.md", "---\nurl: \"https://evil.example/\"\n---\n")
                .file("content/d.md", "---\nslug: \"../../x\"\n---\n");
        BuildResult result = site.build();
        assertThat(result.errors()).extracting(Finding::file, Finding::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("content/a.md", "url.invalid"),
                org.assertj.core.groups.Tuple.tuple("content/b.md", "url.invalid"),
                org.assertj.core.groups.Tuple.tuple("content/c.md", "url.invalid"));
        // A slug is made safe rather than refused: it becomes a plain name.
        assertThat(site.medsite().check().pages()).extracting(PageSummary::url).contains("/x/");
    }

    @Test
    void anOutputFolderThatHoldsTheSiteOrForeignFilesIsRefused() throws Exception {
        TestSite site = new TestSite(tmp).file("content/a.md", "A\n");
        BuildResult intoSite = Medsite.forSite(site.dir).outputDir(site.dir).build();
        assertThat(intoSite.errors()).extracting(Finding::rule).containsExactly("output.folder");
        BuildResult intoParent = Medsite.forSite(site.dir).outputDir(tmp).build();
        assertThat(intoParent.errors()).extracting(Finding::rule).containsExactly("output.folder");
        BuildResult intoContent = Medsite.forSite(site.dir).outputDir(site.dir.resolve("content/out")).build();
        assertThat(intoContent.errors()).extracting(Finding::rule).containsExactly("output.folder");

        Path foreign = tmp.resolve("home");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("thesis.docx"), "precious");
        BuildResult intoForeign = Medsite.forSite(site.dir).outputDir(foreign).build();
        assertThat(intoForeign.errors()).extracting(Finding::rule).containsExactly("output.folder");
        assertThat(Files.readString(foreign.resolve("thesis.docx"))).isEqualTo("precious");
    }

    @Test
    void siteLayoutsOverrideTheThemeAndTemplateErrorsNameTemplateAndLine() throws Exception {
        TestSite site = new TestSite(tmp)
                .file("content/a.md", "A\n")
                .file("layouts/single.ftlh", "<!doctype html><html lang=\"${page.lang}\"><title>${page.title}</title>"
                        + "<p class=custom>${page.content}</p></html>\n");
        BuildResult ok = site.build();
        assertThat(ok.findings()).isEmpty();
        assertThat(Jsoup.parse(site.read("a/index.html")).select("p.custom")).hasSize(1);

        site.file("layouts/single.ftlh", "<html>\n<title>${page.title}</title>\n${page.nosuchthing}\n</html>\n");
        BuildResult broken = site.build();
        assertThat(broken.errors()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("template.error");
            assertThat(f.file()).isEqualTo("layouts/single.ftlh");
            assertThat(f.line()).isEqualTo(3);
            assertThat(f.message()).contains("page.nosuchthing").contains("content/a.md");
        });
        site.file("layouts/single.ftlh", "<#if page.title>\n");
        BuildResult syntax = site.build();
        assertThat(syntax.errors()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("layouts/single.ftlh");
            assertThat(f.message()).startsWith("template syntax error");
        });
    }

    @Test
    void anUnknownLayoutIsAnErrorOnThePage() throws Exception {
        TestSite site = new TestSite(tmp).file("content/a.md", "---\nlayout: fancy\n---\n");
        assertThat(site.build().errors()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("template.unknown-layout");
            assertThat(f.file()).isEqualTo("content/a.md");
        });
    }

    @Test
    void translationsGetLanguagePrefixedUrlsAndKnowEachOther() throws Exception {
        TestSite site = new TestSite(tmp)
                .file("site.yaml", "languages: [en, es]\n")
                .file("content/library/flu/index.md", "---\ntitle: Flu\n---\n")
                .file("content/library/flu/index.es.md", "---\ntitle: Gripe\n---\n")
                .file("content/about.fr.md", "---\ntitle: x\n---\n");
        BuildResult result = site.medsite().check();
        assertThat(result.pages()).extracting(PageSummary::url).contains("/library/flu/", "/es/library/flu/", "/es/");
        // "fr" is not a site language, so about.fr.md is a page named "about.fr" in English.
        assertThat(result.pages()).extracting(PageSummary::url).contains("/about-fr/");
    }

    @Test
    void brokenLinksInTemplatesAreFoundAfterRendering() throws Exception {
        TestSite site = new TestSite(tmp)
                .file("content/a.md", "A\n\n<a href=\"/nowhere/\">raw html link</a>\n");
        assertThat(site.build().errors()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("link.broken");
            assertThat(f.file()).isEqualTo("content/a.md");
        });
    }

    @Test
    void aMissingSiteFolderIsAFindingNotACrash() throws Exception {
        BuildResult result = Medsite.forSite(tmp.resolve("nope")).outputDir(tmp.resolve("out")).build();
        assertThat(result.errors()).extracting(Finding::rule).containsExactly("site.missing");
    }
}
