package org.medsite.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsite.diagnostics.Finding;

/** Values that try to break out of their escaping, and inputs that try to exhaust the build. */
class HostileInputTest {

    private static final String EVIL = "</script><script>alert(1)</script>\"' --> <!-- &amp;";

    @TempDir
    Path tmp;

    @Test
    void hostileTitlesStayTextInHtmlAttributesJsonLdFeedsAndSearch() throws Exception {
        TestSite site = new TestSite(tmp)
                .file("site.yaml", "baseURL: https://x.example/\ntitle: \"" + EVIL.replace("\"", "\\\"") + "\"\n")
                .file("data/people/p.yaml", "name: \"" + EVIL.replace("\"", "\\\"") + "\"\nlicensedClinician: true\n")
                .file("content/blog/post.md", "---\ntitle: \"" + EVIL.replace("\"", "\\\"") + "\"\n"
                        + "description: \"" + EVIL.replace("\"", "\\\"") + "\"\ndate: 2026-01-01\nauthor: p\n---\nBody.\n");
        BuildResult result = site.build();
        assertThat(result.errors()).isEmpty();

        Document page = Jsoup.parse(site.read("blog/post/index.html"));
        // The only scripts are the ones the build put there, and none contains the injected code.
        assertThat(page.select("script")).allSatisfy(s -> assertThat(s.data()).doesNotContain("alert(1)</script>"));
        assertThat(page.select("script:containsData(alert(1))").stream()
                .filter(s -> !s.attr("type").equals("application/ld+json"))).isEmpty();
        assertThat(page.select("h1").text()).isEqualTo(EVIL);
        assertThat(page.select("meta[name=description]").attr("content")).isEqualTo(EVIL);
        JsonNode ld = new ObjectMapper().readTree(page.select("script[type=application/ld+json]").first().data());
        assertThat(ld.toString()).contains("alert(1)");

        var atom = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(site.out.resolve("feed.xml").toFile());
        assertThat(atom.getElementsByTagName("entry").item(0).getFirstChild().getTextContent()).isEqualTo(EVIL);
        JsonNode index = site.searchIndex("search-index.json");
        assertThat(index.get(0).get("title").asText()).isEqualTo(EVIL);
    }

    @Test
    void aHugeFileIsRefusedWithItsName() throws Exception {
        TestSite site = new TestSite(tmp).file("content/small.md", "ok\n");
        Path huge = site.dir.resolve("content/huge.md");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(50L * 1024 * 1024); // sparse: 50 MB on paper, nothing on disk
        }
        BuildResult result = site.build();
        assertThat(result.errors()).extracting(Finding::file, Finding::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("content/huge.md", "source.too-large"));
    }

    @Test
    void dataFilesOverTheSizeLimitOrWithMillionsOfValuesAreReported() throws Exception {
        TestSite site = new TestSite(tmp).file("content/a.md", "ok\n")
                .file("data/many.yaml", "- 1\n".repeat(1_500_000))
                .file("data/many.json", "[" + "1,".repeat(1_500_000) + "1]");
        try (RandomAccessFile f = new RandomAccessFile(site.dir.resolve("data/huge.yaml").toFile(), "rw")) {
            f.setLength(9L * 1024 * 1024);
        }
        BuildResult result = site.build();
        assertThat(result.errors()).extracting(Finding::format).containsExactly(
                "data/huge.yaml: error: file is 9 MB; text sources may be at most 8 MB (put large files under static/) "
                        + "[source.too-large]",
                "data/many.json:1: error: invalid JSON: more than 1000000 values in one file; split it into smaller "
                        + "files [data.syntax]",
                "data/many.yaml:1: error: invalid YAML: more than 1000000 values in one file; split it into smaller "
                        + "files [data.syntax]");
    }

    @Test
    void deeplyNestedYamlAndMarkdownDoNotOverflow() throws Exception {
        String yaml = "---\nparams:\n" + "  x: [".repeat(1) + "[".repeat(5000) + "]".repeat(5000) + "]\n---\n";
        String markdown = ">".repeat(20000) + " deep\n\n" + "- ".repeat(3000) + "item\n";
        TestSite site = new TestSite(tmp).file("content/a.md", yaml).file("content/b.md", markdown);
        BuildResult result = site.build();
        assertThat(result.errors()).extracting(Finding::file, Finding::rule).contains(
                org.assertj.core.groups.Tuple.tuple("content/a.md", "frontmatter.yaml"),
                org.assertj.core.groups.Tuple.tuple("content/b.md", "markdown.too-deep"));
        assertThat(result.errors()).allSatisfy(f -> assertThat(f.message()).isNotBlank());
    }

    @Test
    void aSymbolicLinkOutOfTheSiteIsNeverRead() throws Exception {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "patient list");
        TestSite site = new TestSite(tmp).file("content/a.md", "ok\n");
        Files.createDirectories(site.dir.resolve("static"));
        Files.createSymbolicLink(site.dir.resolve("static/leak.txt"), secret);
        BuildResult result = site.build();
        assertThat(result.errors()).extracting(Finding::rule).containsExactly("content.outside-link");
        assertThat(Files.exists(site.out.resolve("leak.txt"))).isFalse();
    }
}
