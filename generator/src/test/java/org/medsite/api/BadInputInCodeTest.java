package org.medsite.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsite.diagnostics.Finding;

/**
 * The cases of the bad-input corpus (see {@code src/test/resources/sites/README.md}) that cannot be
 * folders of test resources: a 50 MB file, nesting thousands deep, symbolic links, and output folders
 * that are the site or its parent. Each starts from a site that built, adds the bad input, and asserts
 * what {@link FixtureSitesTest} asserts of the resource cases: the exact lines, a failed build, the
 * previous output byte for byte, and no file created outside the output folder and its state folder.
 */
class BadInputInCodeTest {

    @TempDir
    Path tmp;

    private TestSite site;
    private Map<String, String> previous;
    private Set<String> filesBefore;

    /** A site that built, so that there is a previous output to keep. */
    private void builtSite() throws Exception {
        site = new TestSite(tmp.resolve("root")).file("site.yaml", "theme: testbare\n").file("content/a.md", "ok\n");
        assertThat(site.build().succeeded()).isTrue();
        previous = TestSite.snapshot(site.out);
        filesBefore = filesOutsideTheSite();
    }

    private void assertRefused(BuildResult result, String... lines) throws IOException {
        assertThat(result.findings()).extracting(Finding::format).containsExactly(lines);
        assertThat(result.succeeded()).isFalse();
        assertThat(TestSite.snapshot(site.out)).as("the previous site, untouched").isEqualTo(previous);
        assertThat(filesOutsideTheSite()).as("no file created outside the output folder").isEqualTo(filesBefore);
    }

    /** Every file under the test folder but the site's own sources and the output's state folder. */
    private Set<String> filesOutsideTheSite() throws IOException {
        try (Stream<Path> walk = Files.walk(tmp)) {
            Set<String> files = new TreeSet<>();
            walk.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .map(p -> tmp.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith("root/site/") && !p.startsWith("root/.out.medsite/"))
                    .forEach(files::add);
            return files;
        }
    }

    @Test
    void aFiftyMegabyteMarkdownFile() throws Exception {
        builtSite();
        try (RandomAccessFile f = new RandomAccessFile(site.dir.resolve("content/huge.md").toFile(), "rw")) {
            f.setLength(50L * 1024 * 1024); // sparse: 50 MB on paper, nothing on disk
        }
        assertRefused(site.build(), "content/huge.md: error: file is 50 MB; text sources may be at most 8 MB "
                + "(put large files under static/) [source.too-large]");
    }

    @Test
    void nestingThousandsDeepInYamlAndMarkdown() throws Exception {
        builtSite();
        site.file("content/a.md", "---\nparams:\n  x: [" + "[".repeat(5000) + "]".repeat(5000) + "]\n---\n")
                .file("content/b.md", ">".repeat(20000) + " deep\n\n" + "- ".repeat(3000) + "item\n")
                .file("data/deep.yaml", "x:\n" + "  - ".repeat(1) + "[".repeat(5000) + "]".repeat(5000) + "\n");
        assertRefused(site.build(),
                "content/a.md:2: error: front matter is not valid YAML: values are nested more than 100 levels deep; "
                        + "flatten them [frontmatter.yaml]",
                "content/b.md:1: error: quotes or lists are nested more than 64 levels deep; flatten them "
                        + "[markdown.too-deep]",
                "data/deep.yaml:1: error: invalid YAML: values are nested more than 100 levels deep; flatten them "
                        + "[data.syntax]");
    }

    @Test
    void symbolicLinksOutOfTheSite() throws Exception {
        Path secret = Files.writeString(tmp.resolve("secret.md"), "patient list\n");
        Path secretFolder = Files.createDirectories(tmp.resolve("private"));
        Files.writeString(secretFolder.resolve("notes.md"), "more\n");
        builtSite();
        Files.createDirectories(site.dir.resolve("static"));
        Files.createDirectories(site.dir.resolve("data"));
        Files.createDirectories(site.dir.resolve("layouts"));
        Files.createSymbolicLink(site.dir.resolve("static/leak.txt"), secret);
        Files.createSymbolicLink(site.dir.resolve("content/leak.md"), secret);
        Files.createSymbolicLink(site.dir.resolve("content/folder"), secretFolder);
        Files.createSymbolicLink(site.dir.resolve("data/leak.yaml"), secret);
        Files.createSymbolicLink(site.dir.resolve("layouts/single.ftlh"), secret);
        String copy = "symbolic link points outside the site folder; copy the file into the site instead";
        assertRefused(site.build(),
                "content/folder: error: " + copy + " [content.outside-link]",
                "content/leak.md: error: " + copy + " [content.outside-link]",
                "data/leak.yaml: error: " + copy + " [data.outside-link]",
                "layouts/single.ftlh: error: symbolic link points outside the layouts/ folder; templates are read only "
                        + "from inside it (while rendering content/a.md) [template.outside-link]",
                "static/leak.txt: error: " + copy + " [content.outside-link]");
        assertThat(site.out.resolve("leak.txt")).doesNotExist();
    }

    @Test
    void anOutputFolderThatIsTheSiteOrItsParent() throws Exception {
        builtSite();
        Path suggested = site.dir.resolve("public");
        Map<Path, String> problems = new java.util.LinkedHashMap<>();
        problems.put(site.dir, "contains the site itself; choose a folder such as " + suggested);
        problems.put(site.dir.getParent(), "contains the site itself; choose a folder such as " + suggested);
        problems.put(site.dir.getParent().getParent(), "contains the site itself; choose a folder such as " + suggested);
        problems.put(site.dir.resolve("content/public"), "is inside the site's content/ folder; choose a folder "
                + "outside it, such as " + suggested);
        problems.forEach((out, problem) -> {
            try {
                BuildResult result = Medsite.forSite(site.dir).outputDir(out).now(TestSite.NOW).build();
                assertRefused(result, "error: the output folder " + out + " " + problem + " [output.folder]");
                assertThat(out.resolveSibling("." + out.getFileName() + ".medsite")).doesNotExist();
            } catch (MedsiteException | IOException e) {
                throw new AssertionError(e);
            }
        });
    }
}
