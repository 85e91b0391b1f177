package org.medsite.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsite.output.OutputFolder;

/**
 * The per-page build cache across runs: after an edit, a one-off build takes from the cache what the
 * edit left valid (counted by the "page cache: reused" debug line, never timed), and writes exactly what
 * a clean build of the same sources writes.
 */
class PageCacheBuildTest {

    private static final Pattern COUNTS = Pattern.compile(
            "page cache: reused parsed (\\d+)/(\\d+), markdown (\\d+)/(\\d+), finished (\\d+)/(\\d+), "
            + "checked (\\d+)/(\\d+), rendered (\\d+)/(\\d+), search (\\d+)/(\\d+), report (\\d+)/(\\d+), "
            + "view (\\d+)/(\\d+)");

    @TempDir
    Path tmp;

    /** Look-ups of one build that found a result, and all look-ups, per kind. */
    private record Counts(int parsed, int parsedOf, int markdown, int markdownOf, int finished, int finishedOf,
            int checked, int checkedOf, int rendered, int renderedOf, int search, int searchOf, int report, int reportOf,
            int view, int viewOf) {
    }

    private record Built(BuildResult result, Counts counts, List<String> debug) {
    }

    private TestSite site() {
        return new TestSite(tmp)
                .file("site.yaml", "title: Clinic\n")
                .file("data/practice.yaml", "phone: 555-0100\n")
                .file("content/a.md", "---\ntitle: A\nreviewd_by: x\n---\nSee [b](b.md).\n")
                .file("content/b.md", "---\ntitle: B\n---\nB text.\n")
                .file("content/c.md", "---\ntitle: C\n---\nC text with *emphasis*.\n")
                .file("layouts/single.ftlh", "<!DOCTYPE html><html lang=\"en\"><head><title>${page.title}</title></head>"
                        + "<body><main><h1>${page.title}</h1>${page.content?no_esc}<p class=\"phone\">"
                        + "${site.data.practice.phone}</p></main></body></html>\n");
    }

    private static Built build(Medsite medsite) throws MedsiteException {
        List<String> debug = new ArrayList<>();
        BuildResult result = medsite.listener(new BuildListener() {
            @Override
            public void debug(String message) {
                debug.add(message);
            }
        }).build();
        Counts counts = null;
        for (String line : debug) {
            Matcher m = COUNTS.matcher(line);
            if (m.matches()) {
                int[] n = new int[16];
                for (int i = 0; i < n.length; i++) {
                    n[i] = Integer.parseInt(m.group(i + 1));
                }
                counts = new Counts(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8], n[9], n[10], n[11], n[12],
                        n[13], n[14], n[15]);
            }
        }
        return new Built(result, counts, debug);
    }

    /** The output and findings are those of a clean build (fresh output and state folders) of the same sources. */
    private void assertSameAsCleanBuild(TestSite site, Built cached) throws Exception {
        Path clean = tmp.resolve("clean-" + System.nanoTime());
        // The report beside the output: the clean build writes it to the same place.
        Map<String, byte[]> reports = reports(site.out);
        BuildResult cold = Medsite.forSite(site.dir).outputDir(clean).now(TestSite.NOW).build();
        assertThat(cached.result().findings()).isEqualTo(cold.findings());
        assertThat(differing(TestSite.snapshot(site.out), TestSite.snapshot(clean))).isEmpty();
        assertSameReports(reports, reports(clean));
    }

    private static Map<String, byte[]> reports(Path out) throws IOException {
        Map<String, byte[]> reports = new java.util.TreeMap<>();
        for (String name : List.of(org.medsite.output.EditorialReport.JSON_FILE, org.medsite.output.EditorialReport.HTML_FILE)) {
            reports.put(name, Files.readAllBytes(out.resolveSibling(name)));
        }
        return reports;
    }

    private static void assertSameReports(Map<String, byte[]> cached, Map<String, byte[]> clean) {
        cached.forEach((name, bytes) -> assertThat(new String(bytes, StandardCharsets.UTF_8)).as(name)
                .isEqualTo(new String(clean.get(name), StandardCharsets.UTF_8)));
    }

    @Test
    void aOnePageEditRendersOnlyThatPagesMarkdownAgain() throws Exception {
        TestSite site = site();
        Built first = build(site.medsite());
        site.file("content/c.md", "---\ntitle: C\n---\nC text, edited.\n");
        Built second = build(site.medsite());

        assertThat(first.counts()).isEqualTo(new Counts(0, 3, 0, 3, 0, first.counts().finishedOf(), 0,
                first.counts().checkedOf(), 0, first.counts().renderedOf(), 0, first.counts().searchOf(), 0,
                first.counts().reportOf(), 0, first.counts().viewOf()));
        assertThat(second.counts().parsed()).isEqualTo(2);
        // Every page but c (and the lists that show c) is checked from the cache.
        assertThat(second.counts().checked()).isGreaterThanOrEqualTo(2).isLessThan(second.counts().checkedOf());
        assertThat(second.counts().markdown()).isEqualTo(2);
        assertThat(second.counts().markdownOf()).isEqualTo(3);
        // Only c's own page (and the lists that show its text) is post-processed again.
        assertThat(second.counts().finished()).isPositive().isLessThan(second.counts().finishedOf());
        assertThat(Jsoup.parse(site.read("c/index.html")).select("main p").first().text()).isEqualTo("C text, edited.");
        // a's and b's templates read nothing of c: their template output is taken from the cache.
        assertThat(second.counts().rendered()).isGreaterThanOrEqualTo(2).isLessThan(second.counts().renderedOf());
        assertSameAsCleanBuild(site, second);
    }

    @Test
    void aListThatShowsTheEditedPageIsRenderedAgainAndThePagesThatDoNotAreNot() throws Exception {
        TestSite site = site().file("layouts/index.ftlh", "<!DOCTYPE html><html lang=\"en\"><head><title>Home</title>"
                + "</head><body><main><h1>Home</h1><ul><#list pages as p><li>${p.title}</li></#list></ul></main>"
                + "</body></html>\n");
        Built first = build(site.medsite());
        site.file("content/c.md", "---\ntitle: C renamed\n---\nC text with *emphasis*.\n");
        Built second = build(site.medsite());

        assertThat(first.counts().renderedOf()).isEqualTo(second.counts().renderedOf());
        assertThat(Jsoup.parse(site.read("index.html")).select("li").eachText()).contains("C renamed");
        // Rendered again: c and the home page, which lists it; a and b (and the not-found page) are not.
        assertThat(second.counts().rendered()).isEqualTo(second.counts().renderedOf() - 2);
        assertSameAsCleanBuild(site, second);
    }

    @Test
    void aListThatShowsTheEditedPagesTitleIsNotRenderedAgainForAnEditOfItsBodyAlone() throws Exception {
        TestSite site = site().file("layouts/index.ftlh", "<!DOCTYPE html><html lang=\"en\"><head><title>Home</title>"
                + "</head><body><main><h1>Home</h1><ul><#list pages as p><li>${p.title}: ${p.summary}</li></#list>"
                + "</ul></main></body></html>\n");
        build(site.medsite());
        // A second paragraph: c's title and summary (its first paragraph) stay as they were.
        append(site, "content/c.md", "\nA second paragraph.\n");
        Built second = build(site.medsite());

        assertThat(Jsoup.parse(site.read("c/index.html")).select("main p").eachText()).contains("A second paragraph.");
        // Only c is rendered again: the home page reads c's title and summary, not its body.
        assertThat(second.counts().rendered()).isEqualTo(second.counts().renderedOf() - 1);
        assertSameAsCleanBuild(site, second);
    }

    /** Builds the site, then moves b to /bee/ (a links to it) and builds again. */
    private Built buildThenMoveB(TestSite site) throws Exception {
        build(site.medsite());
        site.file("content/b.md", "---\ntitle: B\nslug: bee\n---\nB text.\n");
        return build(site.medsite());
    }

    @Test
    void aPageThatLinksToAMovedPageIsRenderedAgain() throws Exception {
        TestSite site = site();
        Built second = buildThenMoveB(site);

        // a's source is unchanged, but its link to b now has another target: its content differs.
        assertThat(Jsoup.parse(site.read("a/index.html")).select("main a").attr("href")).isEqualTo("/bee/");
        assertThat(second.counts().rendered()).isLessThan(second.counts().renderedOf() - 1);
        assertSameAsCleanBuild(site, second);
    }

    @Test
    void aPageWhoseMarkdownChangedWithoutItsSourceIsCheckedIndexedAndReportedAgain() throws Exception {
        TestSite site = site();
        Built second = buildThenMoveB(site);

        // a's source and parse key are those of the first build, but its Markdown entry was made again (its
        // link's target moved): its page record differs, so whatever is keyed by the record is made again, for
        // a as for b, and for no other page.
        assertThat(second.counts().markdown()).isEqualTo(1);
        assertThat(second.counts().search()).isEqualTo(second.counts().searchOf() - 2).isPositive();
        assertThat(second.counts().report()).isEqualTo(second.counts().reportOf() - 4).isPositive();
        assertThat(second.counts().checked()).isLessThanOrEqualTo(second.counts().checkedOf() - 2);
        assertSameAsCleanBuild(site, second);
    }

    @Test
    void aThemeStringOrTemplateChangeRendersEveryPageAgain() throws Exception {
        TestSite site = site().file("layouts/partials/footer.ftlh", "<footer>${t(\"home\")}</footer>\n")
                .file("layouts/single.ftlh", "<!DOCTYPE html><html lang=\"en\"><head><title>${page.title}</title>"
                        + "</head><body><main><h1>${page.title}</h1>${page.content?no_esc}</main>"
                        + "<#include \"partials/footer.ftlh\"></body></html>\n");
        build(site.medsite());
        site.file("i18n/en.yaml", "home: \"Start\"\n");
        Built strings = build(site.medsite());
        assertThat(Jsoup.parse(site.read("a/index.html")).select("footer").text()).isEqualTo("Start");
        assertThat(strings.counts().rendered()).isZero();
        assertSameAsCleanBuild(site, strings);

        // A partial that no page names in its own template: the pages that include it change too.
        site.file("layouts/partials/footer.ftlh", "<footer class=\"new\">${t(\"home\")}</footer>\n");
        Built partial = build(site.medsite());
        assertThat(Jsoup.parse(site.read("b/index.html")).select("footer.new").text()).isEqualTo("Start");
        assertThat(partial.counts().rendered()).isZero();
        assertThat(partial.counts().markdown()).isEqualTo(3);
        assertSameAsCleanBuild(site, partial);
    }

    @Test
    void aPageWhoseTemplateShowsTheReviewStatusIsRenderedAgainOnAnotherDay() throws Exception {
        TestSite site = site()
                .file("site.yaml", "title: Clinic\nchecks:\n  medical.review-overdue: warning\n")
                .file("data/people/ana-ruiz.yaml", "name: Ana Ruiz\nhonorificSuffix: MD\nlicensedClinician: true\n")
                .file("data/people/ben.yaml", "name: Ben Osei\nhonorificSuffix: MD\nlicensedClinician: true\n")
                .file("layouts/library/single.ftlh", "<!DOCTYPE html><html lang=\"en\"><head><title>${page.title}"
                        + "</title></head><body><main><h1>${page.title}</h1><p class=\"status\">${page.review.status}"
                        + "</p></main></body></html>\n")
                .file("content/library/asthma.md", "---\ntitle: Asthma\ntype: condition\nauthor: ana-ruiz\n"
                        + "reviewedBy: [ben]\nlastReviewed: 2023-06-20\nsources:\n"
                        + "  - {id: cdc, title: CDC page, url: \"https://www.cdc.gov/\"}\n---\nText.\n");
        build(site.medsite());
        assertThat(Jsoup.parse(site.read("library/asthma/index.html")).select("p.status").text()).isEqualTo("due-soon");
        // A month later, and another page edited so that the whole-build cache misses.
        site.file("content/c.md", "---\ntitle: C\n---\nC text, a month later.\n");
        java.time.Instant later = TestSite.NOW.plus(java.time.Duration.ofDays(30));
        Built second = build(Medsite.forSite(site.dir).outputDir(site.out).now(later));

        assertThat(second.result().errors()).isEmpty();
        assertThat(Jsoup.parse(site.read("library/asthma/index.html")).select("p.status").text()).isEqualTo("overdue");
        assertThat(second.counts().rendered()).isZero();
        BuildResult cold = Medsite.forSite(site.dir).outputDir(tmp.resolve("clean-later")).now(later).build();
        assertThat(second.result().findings()).isEqualTo(cold.findings());
        assertThat(differing(TestSite.snapshot(site.out), TestSite.snapshot(tmp.resolve("clean-later")))).isEmpty();
    }

    @Test
    void aPageRenderedAgainIntoTheSameHtmlIsNotFinishedAgainAndItsNewEntryNamesItsHtmlTheSameWay() throws Exception {
        TestSite site = site();
        build(site.medsite());
        // A template change renders every page again (into the same HTML here): the finished pages' keys name
        // the HTML by its hash, which a freshly rendered page and one taken from the cache give alike.
        site.file("layouts/single.ftlh", "<#-- the same page -->"
                + Files.readString(site.dir.resolve("layouts/single.ftlh")));
        Built second = build(site.medsite());
        site.file("content/c.md", "---\ntitle: C\n---\nC text, edited.\n");
        Built third = build(site.medsite());

        assertThat(second.counts().rendered()).isZero();
        assertThat(second.counts().finished()).isEqualTo(second.counts().finishedOf()).isPositive();
        // Every page taken from the second build's rendered entries is finished from the cache too.
        assertThat(third.counts().rendered()).isPositive().isLessThan(third.counts().renderedOf());
        assertThat(third.counts().finished()).isGreaterThanOrEqualTo(third.counts().rendered());
        assertSameAsCleanBuild(site, third);
    }

    @Test
    void aTemplateChangeGivesNewOutputAndKeepsTheMarkdown() throws Exception {
        TestSite site = site();
        build(site.medsite());
        site.file("layouts/single.ftlh", "<!DOCTYPE html><html lang=\"en\"><head><title>${page.title}</title></head>"
                + "<body><main><h1 class=\"changed\">${page.title}</h1>${page.content?no_esc}</main></body></html>\n");
        Built second = build(site.medsite());

        assertThat(second.counts().markdown()).isEqualTo(3);
        assertThat(second.counts().rendered()).isZero();
        assertThat(Jsoup.parse(site.read("a/index.html")).select("h1.changed").text()).isEqualTo("A");
        assertSameAsCleanBuild(site, second);
    }

    @Test
    void aDataChangeRendersWhatReadsItAgain() throws Exception {
        TestSite site = site();
        build(site.medsite());
        site.file("data/practice.yaml", "phone: 555-0199\n");
        Built second = build(site.medsite());

        // Data may be read by anything (the glossary, the people registry): nothing per page is reused.
        assertThat(second.counts()).isEqualTo(new Counts(0, 3, 0, 3, 0, second.counts().finishedOf(), 0,
                second.counts().checkedOf(), 0, second.counts().renderedOf(), 0, second.counts().searchOf(), 0,
                second.counts().reportOf(), 0, second.counts().viewOf()));
        assertThat(Jsoup.parse(site.read("b/index.html")).select("p.phone").text()).isEqualTo("555-0199");
        assertSameAsCleanBuild(site, second);
    }

    @Test
    void aPageWhoseLinkTargetWentIsRenderedAgain() throws Exception {
        TestSite site = site();
        build(site.medsite());
        Files.delete(site.dir.resolve("content/b.md"));
        Built broken = build(site.medsite());

        // a's source is unchanged, but the page it links to is gone: its cached Markdown is not valid.
        assertThat(broken.counts()).isNull(); // the build failed: nothing recorded
        assertThat(broken.result().findings()).anyMatch(f -> f.isError() && f.file().equals("content/a.md"));
        site.file("content/b.md", "---\ntitle: B\n---\nB text again.\n");
        Built fixed = build(site.medsite());
        assertThat(fixed.counts().markdown()).isEqualTo(2);
        assertSameAsCleanBuild(site, fixed);
    }

    @Test
    void aChangedStaticFileThatIsNoImageFinishesNoPageAgainAndAChangedImageFinishesThePagesAgain() throws Exception {
        // Post-processing reads the copied images' sizes and no other copied file's bytes; the paths of all
        // of them are in every finished page's key (the link check).
        TestSite site = site()
                .file("static/notes.txt", "Opening hours are on the contact page.\n")
                .file("static/img/map.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"30\"></svg>\n")
                .file("content/c.md", "---\ntitle: C\n---\nC text.\n\n![Map to the clinic](/img/map.svg)\n");
        build(site.medsite());

        site.file("static/notes.txt", "Opening hours are on the contact page, and on the door.\n");
        Built textChanged = build(site.medsite());
        assertThat(textChanged.counts().finished()).isEqualTo(textChanged.counts().finishedOf());
        assertThat(site.read("notes.txt")).contains("on the door");
        assertSameAsCleanBuild(site, textChanged);

        site.file("static/img/map.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"80\" height=\"60\"></svg>\n");
        Built imageChanged = build(site.medsite());
        assertThat(imageChanged.counts().finished()).isLessThan(imageChanged.counts().finishedOf());
        assertThat(Jsoup.parse(site.read("c/index.html")).select("img").attr("width")).isEqualTo("80");
        assertSameAsCleanBuild(site, imageChanged);

        site.file("static/notes-2.txt", "A new file.\n");
        Built pathAdded = build(site.medsite());
        assertThat(pathAdded.counts().finished()).isLessThan(pathAdded.counts().finishedOf());
        assertSameAsCleanBuild(site, pathAdded);
    }

    @Test
    void aFinishedPageEditedInTheOutputIsMadeAgain() throws Exception {
        TestSite site = site();
        build(site.medsite());
        Files.writeString(site.out.resolve("b/index.html"), "edited by hand", StandardCharsets.UTF_8);
        site.file("content/c.md", "---\ntitle: C\n---\nC text, edited.\n");
        Built second = build(site.medsite());

        assertThat(site.read("b/index.html")).contains("B text.");
        assertSameAsCleanBuild(site, second);
    }

    @Test
    void aPageCheckFindingFollowsItsLineWhenTheHtmlStaysTheSame() throws Exception {
        TestSite site = site()
                .file("site.yaml", "title: Clinic\nchecks:\n  privacy.third-party: warning\n")
                .file("content/map.md", "---\ntitle: Map\n---\nFind us.\n\n"
                        + "<iframe title=\"Map\" src=\"https://maps.example.net/embed?q=clinic\"></iframe>\n");
        Built first = build(site.medsite());
        // A blank line more before the iframe: the same HTML, but the finding is about another line.
        site.file("content/map.md", "---\ntitle: Map\n---\nFind us.\n\n\n"
                + "<iframe title=\"Map\" src=\"https://maps.example.net/embed?q=clinic\"></iframe>\n");
        Built second = build(site.medsite());

        assertThat(first.result().findings()).anyMatch(f -> f.rule().equals("privacy.third-party") && f.line() == 6);
        assertThat(second.result().findings()).anyMatch(f -> f.rule().equals("privacy.third-party") && f.line() == 7);
        assertSameAsCleanBuild(site, second);
    }

    @Test
    void aPageCheckedOnAnotherDayIsCheckedAgain() throws Exception {
        TestSite site = site()
                .file("site.yaml", "title: Clinic\nchecks:\n  medical.review-overdue: warning\n")
                .file("data/people/ana-ruiz.yaml", "name: Ana Ruiz\nhonorificSuffix: MD\nlicensedClinician: true\n")
                .file("data/people/ben.yaml", "name: Ben Osei\nhonorificSuffix: MD\nlicensedClinician: true\n")
                .file("content/library/asthma.md", "---\ntitle: Asthma\ntype: condition\nauthor: ana-ruiz\n"
                        + "reviewedBy: [ben]\nlastReviewed: 2023-06-20\nsources:\n"
                        + "  - {id: cdc, title: CDC page, url: \"https://www.cdc.gov/\"}\n---\nText.\n");
        Built first = build(site.medsite());
        // A month later (the review came due on 2026-06-20) and one other page edited: asthma's page is the same.
        site.file("content/c.md", "---\ntitle: C\n---\nC text, a month later.\n");
        java.time.Instant later = TestSite.NOW.plus(java.time.Duration.ofDays(30));
        Built second = build(Medsite.forSite(site.dir).outputDir(site.out).now(later));

        assertThat(first.result().findings()).anyMatch(f -> f.rule().equals("medical.review-due-soon"))
                .noneMatch(f -> f.rule().equals("medical.review-overdue"));
        assertThat(second.result().findings()).anyMatch(f -> f.rule().equals("medical.review-overdue")
                && f.file().equals("content/library/asthma.md")).noneMatch(f -> f.rule().equals("medical.review-due-soon"));
        BuildResult cold = Medsite.forSite(site.dir).outputDir(tmp.resolve("clean-later")).now(later).build();
        assertThat(second.result().findings()).isEqualTo(cold.findings());
        assertThat(differing(TestSite.snapshot(site.out), TestSite.snapshot(tmp.resolve("clean-later")))).isEmpty();
    }

    @Test
    void aCorruptedCacheFileIsIgnoredWithADebugMessage() throws Exception {
        TestSite site = site();
        Built first = build(site.medsite());
        Path cacheDir = new OutputFolder(site.out).stateDir().resolve("page-cache");
        List<Path> files;
        try (Stream<Path> list = Files.list(cacheDir)) {
            files = list.sorted().toList();
        }
        // Each kind's list of segments, and its one segment, for the kinds this site has results of.
        assertThat(files.stream().map(f -> f.getFileName().toString()))
                .contains("parsed.segments", "parsed-1.bin", "rendered.segments", "rendered-1.bin", "report.segments")
                .allMatch(name -> name.endsWith(".segments") || name.endsWith("-1.bin"));
        int round = 0;
        for (String kind : List.of("parsed", "markdown", "finished", "checked", "rendered", "search", "report")) {
            for (boolean list : new boolean[] {true, false}) {
                for (int damage = 0; damage < 4; damage++) {
                    // The names of a kind's segments change from build to build: the list says which is current.
                    Path listFile = cacheDir.resolve(kind + ".segments");
                    List<String> segments = Files.readAllLines(listFile);
                    if (!list && segments.isEmpty()) {
                        continue;
                    }
                    Path file = list ? listFile : cacheDir.resolve(segments.get(0));
                    byte[] bytes = Files.readAllBytes(file);
                    Files.write(file, List.of(java.util.Arrays.copyOf(bytes, bytes.length / 2),
                            "garbage".getBytes(StandardCharsets.UTF_8), new byte[0], flipped(bytes)).get(damage));
                    // An edit, so the whole-build cache misses and the stages look into the page cache.
                    site.file("content/c.md", "---\ntitle: C\n---\nC text, round " + round++ + ".\n");
                    Built result = build(site.medsite());

                    assertThat(result.result().errors()).isEmpty();
                    assertThat(result.result().findings()).isEqualTo(first.result().findings());
                    assertSameAsCleanBuild(site, result);
                }
            }
        }
        Path parsed = cacheDir.resolve(Files.readAllLines(cacheDir.resolve("parsed.segments")).get(0));
        Files.write(parsed, "garbage".getBytes(StandardCharsets.UTF_8));
        site.file("content/c.md", "---\ntitle: C\n---\nC text, last round.\n");
        assertThat(build(site.medsite()).debug()).anyMatch(m -> m.startsWith("page cache: ignoring"));
    }

    /** The bytes with one byte changed in the middle, where a value is (the file still has its frame). */
    private static byte[] flipped(byte[] bytes) {
        byte[] copy = bytes.clone();
        copy[copy.length / 2] ^= 0x5a;
        return copy;
    }

    @Test
    void oneOffBuildsAfterEveryKindOfEditWriteWhatACleanBuildWrites() throws Exception {
        TestSite site = new TestSite(tmp);
        ExampleSiteCopy.into(site.dir);
        java.time.Instant now = java.time.Instant.parse("2026-11-25T12:00:00Z");
        Medsite medsite = Medsite.forSite(site.dir).outputDir(site.out).now(now);
        build(medsite);
        List<Runnable> edits = List.of(
                () -> append(site, "content/blog/sun-safety-basics.md", "\nA new closing paragraph about shade at noon.\n"),
                () -> replace(site, "content/library/high-blood-pressure/index.md", "\ntitle: ", "\ntitle: Managing "),
                () -> replace(site, "content/blog/staying-active-small-steps.md", "\ntags: [", "\ntags: [walking-groups, "),
                () -> append(site, "content/blog/hand-washing-still-matters.md",
                        "\n" + "Wash for twenty seconds. ".repeat(120) + "\n"),
                () -> delete(site, "content/blog/how-we-use-social-media.md"),
                () -> site.file("content/blog/how-we-use-social-media.md", "---\ntitle: How we use social media\n"
                        + "date: 2026-04-01\n---\n\nWe post clinic news only.\n"),
                () -> site.file("content/blog/new-clinic-hours.md", "---\ntitle: New clinic hours\ndate: 2026-05-01\n"
                        + "tags: [news]\n---\n\nWe now open at 7:30 on Mondays.\n"),
                () -> site.file("layouts/partials/head-extra.ftlh", "<meta name=\"x-page\" content=\"${page.title}\">\n"),
                () -> replace(site, "data/practice.yaml", "+1-555-0142", "+1-555-0143"),
                () -> replace(site, "data/people/ana-ruiz.yaml", "Family physician", "Family physician and medical director"),
                () -> replace(site, "site.yaml", "title: Riverbend Family Health", "title: Riverbend Family Health Center"),
                () -> append(site, "content/library/_index.md", "\nBrowse the topics below.\n"),
                () -> site.file("i18n/en.yaml", "bookVisit: \"Book an appointment\"\n"));
        Path clean = tmp.resolve("clean");
        List<Counts> counts = new ArrayList<>();
        List<Integer> segments = new ArrayList<>();
        for (Runnable edit : edits) {
            edit.run();
            Built cached = build(medsite);
            counts.add(cached.counts());
            segments.add(Files.readAllLines(new OutputFolder(site.out).stateDir().resolve("page-cache")
                    .resolve("markdown.segments")).size());
            // Clean of everything per page; share cards and photo copies (ImageCache) are kept, to save time.
            Path state = new OutputFolder(clean).stateDir();
            Files.deleteIfExists(state.resolve(BuildCache.FILE));
            deleteTree(state.resolve("page-cache"));
            Map<String, byte[]> reports = cold(cached) ? Map.of() : reports(site.out);
            BuildResult cold = Medsite.forSite(site.dir).outputDir(clean).now(now).build();
            assertThat(cached.result().findings()).isEqualTo(cold.findings());
            if (!reports.isEmpty()) {
                assertSameReports(reports, reports(clean));
            }
            // A build with errors writes nothing (the deleted post leaves broken links until it is back).
            if (cold.errors().isEmpty()) {
                Map<String, String> served = TestSite.snapshot(site.out);
                assertThat(differing(served, TestSite.snapshot(clean))).isEmpty();
                assertThat(served).hasSizeGreaterThan(50);
            }
        }
        // Each edit's results were added as a segment while the old ones were mostly still used, and the
        // segments were merged when they were not (the settings edit makes every result again).
        assertThat(segments).allMatch(n -> n >= 1 && n <= 8);
        assertThat(segments.get(0)).isEqualTo(2);
        assertThat(java.util.stream.IntStream.range(1, segments.size()).filter(i -> segments.get(i) < segments.get(i - 1)))
                .as("segments %s", segments).isNotEmpty();
        // The body edit rendered one page's Markdown; the settings edit none from the cache.
        assertThat(counts.get(0).markdown()).isEqualTo(counts.get(0).markdownOf() - 1);
        assertThat(counts.get(0).finished()).isPositive();
        assertThat(counts.get(10).markdown()).isZero();
        // The body edit ran the templates of the pages that show that post only; the template, data and
        // settings edits those of none from the cache.
        assertThat(counts.get(0).rendered()).isPositive().isLessThan(counts.get(0).renderedOf());
        for (int i : new int[] {7, 8, 9, 10, 12}) {
            assertThat(counts.get(i).rendered()).as("edit %d", i).isZero();
        }
    }

    @Test
    void finishedPagesAreTakenFromTheOutputFilesWhenTheManifestIsGone() throws Exception {
        TestSite site = site();
        build(site.medsite());
        // Without the manifest (as after a build killed while writing), the finished pages cannot be taken as the
        // files it records: they are read back and hashed instead, and the whole folder is replaced.
        Files.delete(new org.medsite.output.OutputFolder(site.out).stateDir().resolve("manifest.txt"));
        site.file("content/c.md", "---\ntitle: C\n---\nC text, edited.\n");
        Built second = build(site.medsite());

        assertThat(second.counts().finished()).isPositive().isLessThan(second.counts().finishedOf());
        assertThat(second.result().written().orElseThrow().unchanged()).isZero();
        assertSameAsCleanBuild(site, second);
    }

    /** Whether a build wrote nothing (it had errors): then the report beside the output is an earlier one. */
    private static boolean cold(Built built) {
        return !built.result().errors().isEmpty();
    }

    @Test
    void theReportAndTheSearchIndexTakeUnchangedPagesFromTheCache() throws Exception {
        TestSite site = site().file("content/d.md", "---\ntitle: \"D \\\"quoted\\\" \u00e9 \u2192 <b>\"\n---\n"
                + "Text with a tab\tand a line\nbreak.\n");
        Built first = build(site.medsite());
        site.file("content/c.md", "---\ntitle: C\n---\nC text, edited.\n");
        Built second = build(site.medsite());

        // The report has two rows per page (JSON and HTML): c's two are made again.
        assertThat(second.counts().report()).isEqualTo(second.counts().reportOf() - 2).isPositive();
        assertThat(second.counts().search()).isEqualTo(second.counts().searchOf() - 1).isPositive();
        assertThat(first.counts().reportOf()).isEqualTo(second.counts().reportOf());
        // The JSON, put together from rows written one by one, is what Jackson writes of the whole tree.
        byte[] json = Files.readAllBytes(site.out.resolveSibling(org.medsite.output.EditorialReport.JSON_FILE));
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
        com.fasterxml.jackson.databind.JsonNode tree = mapper.readTree(json);
        assertThat(tree.get("pages").size()).isEqualTo(4);
        assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo(mapper.writeValueAsString(tree) + "\n");
        assertSameAsCleanBuild(site, second);
    }

    /**
     * A build without a search index keeps no plain text in its Markdown entries; the next build with one must
     * not take them: it indexes the text a clean build indexes (the entries' key has site.yaml in it).
     */
    @Test
    void aSearchIndexSwitchedOnIndexesThePagesTextAsACleanBuildDoes() throws Exception {
        TestSite site = site().file("site.yaml", "title: Clinic\nsearchIndex: false\n");
        build(site.medsite());
        site.file("site.yaml", "title: Clinic\nsearchIndex: true\n");
        Built second = build(site.medsite());
        assertThat(second.counts().markdown()).isZero();
        String index = TestSite.snapshot(site.out).entrySet().stream().filter(e -> e.getKey().startsWith("search-index"))
                .map(Map.Entry::getValue).reduce("", String::concat);
        assertThat(index).contains("C text with emphasis.");
        assertSameAsCleanBuild(site, second);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static Set<String> differing(Map<String, String> served, Map<String, String> built) {
        Set<String> differing = new TreeSet<>();
        served.forEach((path, bytes) -> {
            if (!bytes.equals(built.get(path))) {
                differing.add(path);
            }
        });
        built.keySet().stream().filter(path -> !served.containsKey(path)).forEach(differing::add);
        return differing;
    }

    private static void append(TestSite site, String path, String text) {
        site.file(path, read(site, path) + text);
    }

    private static void replace(TestSite site, String path, String from, String to) {
        String text = read(site, path);
        assertThat(text).as(path).contains(from);
        site.file(path, text.replace(from, to));
    }

    private static void delete(TestSite site, String path) {
        try {
            Files.delete(site.dir.resolve(path));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String read(TestSite site, String path) {
        try {
            return Files.readString(site.dir.resolve(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
