package org.medsite.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medsite.diagnostics.Finding;

/**
 * The fixture sites under {@code src/test/resources/sites/}: each is a site with one kind of mistake and
 * an {@code expected.txt} holding the exact report lines a user sees ({@code file:line: severity: message
 * [rule]}). Each must give those lines, no crash, and no output. A case with an empty expected file
 * must build cleanly.
 */
class FixtureSitesTest {

    @TempDir
    Path tmp;

    static Stream<String> cases() throws Exception {
        try (Stream<Path> dirs = Files.list(root())) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    private static Path root() throws URISyntaxException {
        return Path.of(FixtureSitesTest.class.getResource("/sites").toURI());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsExactlyTheExpectedFindings(String name) throws Exception {
        Path site = root().resolve(name);
        List<String> expected = Files.readAllLines(site.resolve("expected.txt"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        Path out = tmp.resolve("out");

        BuildResult result = Medsite.forSite(site).outputDir(out).now(TestSite.NOW).build();

        assertThat(result.findings()).extracting(Finding::format).containsExactlyElementsOf(expected);
        boolean hasErrors = expected.stream().anyMatch(l -> l.contains(": error: "));
        assertThat(Files.exists(out)).as("output written").isEqualTo(!hasErrors);
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("nothing written beside the output folder but its state").allMatch(n -> n.equals("out")
                            || n.equals(".out.medsite") || n.startsWith("medsite-report."));
        }
    }
}
