package org.medsite.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medsite.diagnostics.Finding;

/**
 * The fixture sites under {@code src/test/resources/sites/}: each is a site with one kind of mistake and
 * an {@code expected.txt} holding the exact report lines a user sees ({@code file:line: severity: message
 * [rule]}); {@code sites/README.md} maps the bad inputs of issue #10 to these cases. Each case is built
 * into an output folder that already holds a previous site, and must give exactly those lines and no
 * crash; a case with errors must fail (the CLI exits 1, see {@code MainTest}), leave the previous site
 * byte for byte as it was, and create nothing outside the output folder and its state folder. A case
 * whose expected file holds no error must build and replace the previous site.
 */
class FixtureSitesTest {

    @TempDir
    Path tmp;

    static Stream<String> cases() throws Exception {
        try (Stream<Path> dirs = Files.list(root())) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    static Path root() throws URISyntaxException {
        return Path.of(FixtureSitesTest.class.getResource("/sites").toURI());
    }

    /** The lines a case expects, without blank lines and {@code #} comments. */
    static List<String> expected(Path site) throws java.io.IOException {
        return Files.readAllLines(site.resolve("expected.txt"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsExactlyTheExpectedFindings(String name) throws Exception {
        Path site = root().resolve(name);
        List<String> expected = expected(site);
        Path out = tmp.resolve("out");
        TestSite previous = new TestSite(tmp.resolve("previous")).file("content/index.md", "---\ntitle: Before\n---\n");
        assertThat(Medsite.forSite(previous.dir).outputDir(out).now(TestSite.NOW).build().succeeded()).isTrue();
        Map<String, String> before = TestSite.snapshot(out);

        BuildResult result = Medsite.forSite(site).outputDir(out).now(TestSite.NOW).build();

        assertThat(result.findings()).extracting(Finding::format).containsExactlyElementsOf(expected);
        boolean hasErrors = expected.stream().anyMatch(l -> l.contains(": error: "));
        assertThat(result.succeeded()).as("build succeeded").isEqualTo(!hasErrors);
        if (hasErrors) {
            assertThat(TestSite.snapshot(out)).as("the previous site, untouched").isEqualTo(before);
        } else {
            assertThat(result.written()).isPresent();
            assertThat(TestSite.snapshot(out)).as("the new site replaced the previous one").isNotEqualTo(before);
        }
        try (Stream<Path> files = Files.walk(tmp)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> tmp.relativize(p).toString().replace('\\', '/')))
                    .as("nothing written outside the output folder and its state folder")
                    .allMatch(p -> p.startsWith("out/") || p.startsWith(".out.medsite/") || p.startsWith("previous/site/")
                            || p.startsWith("medsite-report."));
        }
    }
}
