package org.medsite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void buildPrintsAOneLineSummaryAndExitsZero() throws Exception {
        Path site = Files.createDirectories(tmp.resolve("site/content"));
        Files.writeString(site.resolve("a.md"), "# A\n");
        int code = run("build", tmp.resolve("site").toString(), "--output", tmp.resolve("out").toString());
        assertThat(code).isZero();
        assertThat(stdout()).matches("(?s)medsite: built 2 pages \\(\\d+ files written, 0 unchanged, 0 removed\\) in "
                + "\\d+\\.\\d\\d s: 0 errors, 0 warnings -> .*out\\R");
        assertThat(Files.exists(tmp.resolve("out/a/index.html"))).isTrue();
    }

    @Test
    void siteErrorsExitOneWithFileLineAndNoStackTrace() throws Exception {
        Path content = Files.createDirectories(tmp.resolve("site/content"));
        Files.writeString(content.resolve("a.md"), "---\ntitle: x\n---\n\n[x](missing.md)\n");
        int code = run("build", tmp.resolve("site").toString(), "-o", tmp.resolve("out").toString());
        assertThat(code).isEqualTo(1);
        assertThat(stderr()).contains("content/a.md:5: error: link 'missing.md' points to a page that does not exist")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(stdout()).contains("build failed, nothing written").contains("1 errors");
        assertThat(Files.exists(tmp.resolve("out"))).isFalse();
    }

    @Test
    void aBuildIntoAFolderAnotherBuildIsWritingExitsOneWithoutAStackTrace() throws Exception {
        Path content = Files.createDirectories(tmp.resolve("site/content"));
        Files.writeString(content.resolve("a.md"), "# A\n");
        Path out = tmp.resolve("out");
        assertThat(run("build", tmp.resolve("site").toString(), "-o", out.toString())).isZero();
        String before = Files.readString(out.resolve("a/index.html"));
        Files.writeString(content.resolve("a.md"), "# B\n");
        try (var held = org.medsite.output.BuildLock.acquire(new org.medsite.output.OutputFolder(out))) {
            int code = run("build", tmp.resolve("site").toString(), "-o", out.toString());
            assertThat(code).isEqualTo(1);
            assertThat(stderr()).containsPattern("medsite: another Medsite build \\(pid \\d+, started \\d\\d:\\d\\d:\\d\\d\\) "
                    + "is writing .*out; wait for it or stop it").doesNotContain("Exception").doesNotContain("\tat ");
        }
        assertThat(Files.readString(out.resolve("a/index.html"))).isEqualTo(before);
    }

    /**
     * The bad-input corpus through the command line: every case with errors exits 1 and prints one line
     * per problem, no stack trace. (The exact lines are asserted by FixtureSitesTest, with a fixed clock;
     * the command line uses the real one, so cases whose findings depend on the date are not compared.)
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("failingFixtures")
    void everyBadInputOfTheCorpusExitsOneWithReadableLines(String name) throws Exception {
        Path site = fixtures().resolve(name);
        int code = run("build", site.toString(), "-o", tmp.resolve("out").toString());
        assertThat(code).isEqualTo(1);
        assertThat(stderr()).doesNotContain("Exception").doesNotContain("\tat ");
        java.util.List<String> lines = stderr().lines().filter(l -> !l.startsWith("medsite: ")).toList();
        assertThat(lines).isNotEmpty().allMatch(l -> l.matches("[^ ]*(:\\d+)?: (error|warning|info): .+ \\[[a-z.-]+]"));
        if (!name.startsWith("medical-") && !name.startsWith("privacy-")) {
            assertThat(lines).containsAll(expectedErrors(site));
        }
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    static java.util.stream.Stream<String> failingFixtures() throws Exception {
        try (java.util.stream.Stream<Path> dirs = Files.list(fixtures())) {
            java.util.List<String> names = new java.util.ArrayList<>();
            for (Path dir : (Iterable<Path>) dirs.filter(Files::isDirectory).sorted()::iterator) {
                if (!expectedErrors(dir).isEmpty()) {
                    names.add(dir.getFileName().toString());
                }
            }
            return names.stream();
        }
    }

    private static Path fixtures() throws java.net.URISyntaxException {
        return Path.of(MainTest.class.getResource("/sites").toURI());
    }

    private static java.util.List<String> expectedErrors(Path site) throws java.io.IOException {
        return Files.readAllLines(site.resolve("expected.txt"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains(": error: ") && !l.startsWith("#")).toList();
    }

    @Test
    void warningsFailOnlyWhenAsked() throws Exception {
        Path content = Files.createDirectories(tmp.resolve("site/content"));
        Files.writeString(content.resolve("a.md"), "---\ntitel: x\n---\n");
        String site = tmp.resolve("site").toString();
        assertThat(run("check", site)).isZero();
        assertThat(stderr()).contains("did you mean 'title'?");
        assertThat(run("check", site, "--fail-on-warning")).isEqualTo(1);
        assertThat(Files.exists(tmp.resolve("site/public"))).isFalse();
    }

    @Test
    void badUsageExitsTwoWithHelp() {
        assertThat(run("bild")).isEqualTo(2);
        assertThat(stderr()).contains("unknown command 'bild'").contains("Usage: medsite");
        assertThat(run("build", "--output")).isEqualTo(2);
        assertThat(run("build", "--frobnicate")).isEqualTo(2);
        assertThat(run("--help")).isZero();
        assertThat(stdout()).contains("Commands:");
    }
}
