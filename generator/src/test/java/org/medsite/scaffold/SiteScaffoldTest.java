package org.medsite.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsite.api.BuildResult;
import org.medsite.api.Medsite;
import org.medsite.api.PageSummary;
import org.w3c.dom.Document;

class SiteScaffoldTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private final SiteScaffold scaffold = new SiteScaffold(CLOCK);

    @Test
    void aNewSiteBuildsWithoutASingleFinding() throws Exception {
        Path dir = tmp.resolve("riverside-clinic");
        ScaffoldedSite result = scaffold.create(dir, false, Optional.of("1.2.3"));

        List<String> expected = new ArrayList<>(SiteScaffold.FILES);
        expected.add("pom.xml");
        assertThat(result.created()).containsExactlyElementsOf(expected);
        assertThat(result.kept()).isEmpty();
        assertThat(Files.readString(dir.resolve("site.yaml"))).startsWith("title: \"Riverside clinic\"\n");

        BuildResult build = Medsite.forSite(dir).outputDir(tmp.resolve("out")).now(CLOCK.instant()).build();
        assertThat(build.findings()).isEmpty();
        assertThat(build.pages()).extracting(PageSummary::url)
                .contains("/", "/blog/", "/blog/welcome-to-our-new-website/", "/library/", "/library/hand-washing/");
    }

    @Test
    void thePomUsesThePluginWithTheMedsitePackaging() throws Exception {
        Path dir = tmp.resolve("my practice & co");
        scaffold.create(dir, false, Optional.of("0.1.0"));

        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("pom.xml").toFile());
        assertThat(xpath(pom, "/project/artifactId")).isEqualTo("my-practice-co");
        assertThat(xpath(pom, "/project/packaging")).isEqualTo("medsite");
        assertThat(xpath(pom, "/project/name")).isEqualTo("My practice & co");
        String plugin = "/project/build/plugins/plugin[artifactId='medsite-maven-plugin']";
        assertThat(xpath(pom, plugin + "/groupId")).isEqualTo("org.medsite");
        assertThat(xpath(pom, plugin + "/version")).isEqualTo("0.1.0");
        assertThat(xpath(pom, plugin + "/extensions")).isEqualTo("true");
    }

    @Test
    void withoutAPluginVersionThereIsNoPom() throws Exception {
        ScaffoldedSite result = scaffold.create(tmp, false, Optional.empty());
        assertThat(result.created()).containsExactlyElementsOf(SiteScaffold.FILES);
        assertThat(tmp.resolve("pom.xml")).doesNotExist();
    }

    @Test
    void refusesAFolderWithSomeoneElsesWork() throws Exception {
        Files.writeString(tmp.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> scaffold.create(tmp, false, Optional.of("1.0")))
                .isInstanceOf(ScaffoldException.class)
                .hasMessageContaining("is not empty (it has notes.txt)");
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("notes.txt");
        }
    }

    @Test
    void aFreshRepositoryOrMavenProjectCountsAsEmptyAndItsPomIsKept() throws Exception {
        Files.createDirectory(tmp.resolve(".git"));
        Files.writeString(tmp.resolve("README.md"), "# Our site\n");
        Files.writeString(tmp.resolve("pom.xml"), "<project/>");

        ScaffoldedSite result = scaffold.create(tmp, false, Optional.of("1.0"));

        assertThat(result.kept()).containsExactly("pom.xml");
        assertThat(Files.readString(tmp.resolve("pom.xml"))).isEqualTo("<project/>");
        assertThat(Files.readString(tmp.resolve("README.md"))).isEqualTo("# Our site\n");
    }

    @Test
    void forceAddsWhatIsMissingAndChangesNothingThatExists() throws Exception {
        Files.writeString(tmp.resolve("notes.txt"), "mine");
        Files.createDirectories(tmp.resolve("content"));
        Files.writeString(tmp.resolve("content/_index.md"), "my home page");

        ScaffoldedSite result = scaffold.create(tmp, true, Optional.empty());

        assertThat(result.kept()).containsExactly("content/_index.md");
        assertThat(result.created()).hasSize(SiteScaffold.FILES.size() - 1).contains("site.yaml");
        assertThat(Files.readString(tmp.resolve("content/_index.md"))).isEqualTo("my home page");
        assertThat(Files.readString(tmp.resolve("notes.txt"))).isEqualTo("mine");
    }

    @Test
    void aFileIsNotAFolder() throws Exception {
        Path file = Files.writeString(tmp.resolve("site"), "x");
        assertThatThrownBy(() -> scaffold.create(file, true, Optional.empty()))
                .isInstanceOf(ScaffoldException.class).hasMessageContaining("is a file");
    }

    private static String xpath(Document doc, String expression) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(expression, doc);
    }
}
