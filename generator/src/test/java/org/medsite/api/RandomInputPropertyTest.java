package org.medsite.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a page says, a build either succeeds or reports findings: it never throws, and a failed
 * build writes nothing. Front matter and Markdown are generated from the pieces people type, including
 * the ones that break parsers (unbalanced quotes and brackets, tabs, colons, HTML, YAML indicators).
 */
class RandomInputPropertyTest {

    private static final String[] KEYS = {"title", "date", "tags", "draft", "weight", "url", "slug", "aliases",
        "author", "reviewedBy", "lastReviewed", "sources", "params", "layout", "summary", "menu", "nonsense"};
    private static final String[] VALUES = {"Flu", "\"quoted: yes\"", "'single", "[a, b", "[a, b]", "{x: 1}", "2026-02-30",
        "2026-01-01", "true", "-1", "99999999999999999999", "/../x/", "</script><script>alert(1)</script>", "&a [*a]",
        "\t", "null", "~", "- item", "|", ">", "@x", "%2e%2e/", "ñandú", "\u0000", "a: b: c"};
    private static final String[] MARKDOWN = {"# Title", "## Part", "text with *emphasis*", "[link](other.md)",
        "[@src]", "![img](x.png)", "<!--more-->", "| a | b |\n|---|---|\n| 1 |", "```\ncode\n```", "- [ ] task",
        "<div>raw</div>", "<script>x</script>", "[^1]\n\n[^1]: note", "Term\n: definition", "*[BMI]: body mass index",
        "\"quotes\" -- dash...", "https://example.org/", "[bad](../../../../etc/passwd.md)", "\r\n", "    indented"};

    @Provide
    Arbitrary<String> pages() {
        Arbitrary<String> frontMatter = Combinators.combine(Arbitraries.of(KEYS), Arbitraries.of(VALUES))
                .as((k, v) -> k + ": " + v).list().ofMaxSize(6).map(lines -> String.join("\n", lines));
        Arbitrary<String> body = Arbitraries.of(MARKDOWN).list().ofMaxSize(8).map(parts -> String.join("\n\n", parts));
        return Combinators.combine(frontMatter, body, Arbitraries.of(true, true, false))
                .as((fm, b, closed) -> "---\n" + fm + (closed ? "\n---\n" : "\n") + b + "\n");
    }

    // A fixed number of tries from a fixed seed: CI runs the same 60 sites every time, and a failure
    // found once is found again. Change the seed by hand to explore other inputs.
    @Property(tries = 60, seed = "20261128")
    void aBuildEitherSucceedsOrReportsFindingsAndNeverThrows(@ForAll("pages") String page, @ForAll("pages") String other)
            throws Exception {
        Path root = Files.createTempDirectory("medsite-prop");
        try {
            TestSite site = new TestSite(root)
                    .file("site.yaml", "theme: testbare\nbaseURL: https://x.example/\n")
                    .file("content/a.md", page)
                    .file("content/b/other.md", other);
            BuildResult result = site.build();
            if (result.succeeded()) {
                assertThat(result.written()).isPresent();
                assertThat(Files.exists(site.out.resolve("index.html"))).isTrue();
            } else {
                assertThat(result.errors()).isNotEmpty().allSatisfy(f -> assertThat(f.message()).isNotBlank());
                assertThat(Files.exists(site.out)).isFalse();
            }
            try (Stream<Path> files = Files.walk(root)) {
                // Nothing is written anywhere but the output folder, its state folder and the report beside it.
                assertThat(files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()))
                        .allMatch(p -> p.startsWith("site/") || p.startsWith("out/") || p.startsWith(".out.medsite/")
                                || p.startsWith("medsite-report."));
            }
            if (result.succeeded()) {
                String html = Files.readString(site.out.resolve("a/index.html").toFile().exists()
                        ? site.out.resolve("a/index.html") : site.out.resolve("index.html"), StandardCharsets.UTF_8);
                assertThat(html).doesNotContain("<script>alert(1)</script>");
            }
        } finally {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
