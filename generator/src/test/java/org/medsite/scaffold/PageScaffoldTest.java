package org.medsite.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.medsite.api.BuildResult;
import org.medsite.api.Medsite;
import org.medsite.api.PageSummary;
import org.medsite.diagnostics.FindingCollector;
import org.medsite.frontmatter.FrontMatter;
import org.medsite.frontmatter.FrontMatterKeys;
import org.medsite.frontmatter.FrontMatterParser;
import org.medsite.frontmatter.ParsedSource;
import org.medsite.yaml.YamlReader;

class PageScaffoldTest {

    /** 23:30 in New York on 2026-11-28 is already the 29th in UTC: the page must carry the local date. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T04:30:00Z"), ZoneId.of("America/New_York"));

    @TempDir
    Path site;

    private final PageScaffold scaffold = new PageScaffold(CLOCK);

    @BeforeEach
    void aSite() throws Exception {
        Files.writeString(site.resolve("site.yaml"), "title: Clinic\n");
    }

    @Test
    void conditionIsALibraryBundleWithTheHeadingsReadersExpect() throws Exception {
        Path file = scaffold.create(site, PageType.CONDITION, "High blood pressure");

        assertThat(site.relativize(file).toString().replace('\\', '/'))
                .isEqualTo("content/library/high-blood-pressure/index.md");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(headings(text)).containsExactly("Overview", "Symptoms", "Causes", "Diagnosis", "Treatment",
                "When to get help");
        FrontMatter fm = frontMatter(text);
        assertThat(fm.title()).contains("High blood pressure");
        assertThat(fm.type()).contains("condition");
        assertThat(fm.draft()).isTrue();
        assertThat(fm.date()).get().extracting(d -> d.toLocalDate().toString()).isEqualTo("2026-11-28");
        assertThat(fm.medical()).containsEntry("lastReviewed", "2026-11-28").containsEntry("audience", "patient");
    }

    @Test
    void blogPostsAndPagesGoToTheirFolders() throws Exception {
        assertThat(relative(scaffold.create(site, PageType.BLOG, "Flu shots are here!")))
                .isEqualTo("content/blog/flu-shots-are-here.md");
        assertThat(relative(scaffold.create(site, PageType.PAGE, "Opening hours")))
                .isEqualTo("content/opening-hours.md");
        assertThat(relative(scaffold.create(site, PageType.MEDICATION, "Metformin")))
                .isEqualTo("content/library/metformin/index.md");
    }

    /**
     * Each archetype, as created, is a page the generator accepts: no error, so a preview with drafts
     * builds. (Warnings are fair on an unfinished draft, e.g. about a reviewer still to be named.)
     */
    @ParameterizedTest
    @EnumSource(PageType.class)
    void everyArchetypeBuildsCleanlyAndUsesOnlyKnownKeys(PageType type) throws Exception {
        // In a site made by init, which builds without a finding, so any error here is the new page's.
        new SiteScaffold(CLOCK).create(site, true, Optional.empty());
        Path file = scaffold.create(site, type, "Something: \"quoted\" # not a comment");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        FindingCollector findings = new FindingCollector();
        ParsedSource parsed = new FrontMatterParser(new YamlReader()).parse(text, "page.md", findings).orElseThrow();
        assertThat(findings.sorted()).isEmpty();
        assertThat(parsed.frontMatter().title()).contains("Something: \"quoted\" # not a comment");
        assertThat(parsed.frontMatter().type()).contains(type.id());
        assertThat(topLevelKeys(text)).isNotEmpty().allMatch(FrontMatterKeys.ALL::contains);

        BuildResult result = Medsite.forSite(site).outputDir(site.resolveSibling(site.getFileName() + "-out"))
                .includeDrafts(true).now(CLOCK.instant()).check();
        assertThat(result.errors()).isEmpty();
        assertThat(result.pages()).extracting(PageSummary::title).contains("Something: \"quoted\" # not a comment");
    }

    @Test
    void newPagesAreDraftsSoNothingUnreviewedIsPublished() throws Exception {
        scaffold.create(site, PageType.TREATMENT, "Knee replacement");
        BuildResult result = Medsite.forSite(site).outputDir(site.resolveSibling(site.getFileName() + "-out"))
                .now(CLOCK.instant()).check();
        assertThat(result.pages()).extracting(PageSummary::title).doesNotContain("Knee replacement");
    }

    @Test
    void neverOverwritesAnExistingPage() throws Exception {
        Path file = scaffold.create(site, PageType.TEST, "Blood test");
        Files.writeString(file, "my work");

        assertThatThrownBy(() -> scaffold.create(site, PageType.TEST, "Blood test"))
                .isInstanceOf(ScaffoldException.class)
                .hasMessage("content/library/blood-test/index.md already exists; edit that page, or choose another title");
        assertThat(Files.readString(file)).isEqualTo("my work");
    }

    @Test
    void unknownTypeNamesTheClosestAndAllTypes() {
        assertThatThrownBy(() -> PageType.fromId("conditon"))
                .isInstanceOf(ScaffoldException.class)
                .hasMessage("unknown page type 'conditon' (did you mean 'condition'?); the types are "
                        + "condition, treatment, test, medication, blog, page");
    }

    @Test
    void typeNamesIgnoreCase() throws Exception {
        assertThat(PageType.fromId(" Blog ")).isEqualTo(PageType.BLOG);
    }

    @Test
    void titlesThatMakeNoFileNameAreRefused() {
        assertThatThrownBy(() -> scaffold.create(site, PageType.PAGE, "  "))
                .isInstanceOf(ScaffoldException.class).hasMessageContaining("needs a title");
        assertThatThrownBy(() -> scaffold.create(site, PageType.PAGE, "???"))
                .isInstanceOf(ScaffoldException.class).hasMessageContaining("no letters or digits");
        assertThatThrownBy(() -> scaffold.create(site, PageType.PAGE, "two\nlines"))
                .isInstanceOf(ScaffoldException.class).hasMessageContaining("one line");
    }

    @Test
    void refusesAFolderThatIsNotASite(@TempDir Path elsewhere) {
        assertThatThrownBy(() -> scaffold.create(elsewhere, PageType.PAGE, "About"))
                .isInstanceOf(ScaffoldException.class).hasMessageContaining("is not a Medsite site");
        assertThat(elsewhere.resolve("content")).doesNotExist();
    }

    private String relative(Path file) {
        return site.relativize(file).toString().replace('\\', '/');
    }

    static FrontMatter frontMatter(String text) {
        FindingCollector findings = new FindingCollector();
        FrontMatter fm = new FrontMatterParser(new YamlReader()).parse(text, "page.md", findings).orElseThrow()
                .frontMatter();
        assertThat(findings.sorted()).isEmpty();
        return fm;
    }

    private static List<String> headings(String text) {
        return text.lines().filter(l -> l.startsWith("## ")).map(l -> l.substring(3)).toList();
    }

    private static List<String> topLevelKeys(String text) {
        String yaml = text.substring(4, text.indexOf("\n---\n", 4));
        Matcher m = Pattern.compile("(?m)^([A-Za-z]+):").matcher(yaml);
        return m.results().map(r -> r.group(1)).toList();
    }
}
