package org.medsite.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsite.output.SearchIndexWriter;

/**
 * The search index in chunks of {@link SearchIndexWriter#CHUNK_SIZE} pages: the manifest lists them in
 * order, a session's edit of one page's text rewrites that page's chunk only, and after edits, new and
 * deleted pages the session's index is byte for byte a clean build's.
 */
class SearchIndexChunksTest {

    /** Enough pages for three chunks. */
    private static final int PAGES = 2 * SearchIndexWriter.CHUNK_SIZE + 30;

    @TempDir
    Path tmp;
    private TestSite site;
    private BuildSession session;

    @BeforeEach
    void sessionOnABigSite() throws Exception {
        site = new TestSite(tmp).file("site.yaml", "title: Clinic\nbaseURL: https://clinic.example.org/\n");
        for (int i = 0; i < PAGES; i++) {
            site.file(String.format("content/blog/post-%03d.md", i), String.format(
                    "---\ntitle: Post %03d\ndate: 2025-01-01\n---\n\nThe text of post %03d.\n", i, i));
        }
        session = site.medsite().session();
        assertThat(session.build().result().errors()).isEmpty();
    }

    @Test
    void theManifestListsTheChunksInOrder() throws Exception {
        JsonNode manifest = new ObjectMapper().readTree(site.read("search-index.json"));

        assertThat(manifest.get("pages").asInt()).isEqualTo(PAGES);
        List<String> chunks = new ArrayList<>();
        manifest.get("chunks").forEach(c -> chunks.add(c.asText()));
        assertThat(chunks).containsExactly("search-index/0.json", "search-index/1.json", "search-index/2.json");
        JsonNode entries = site.searchIndex("search-index.json");
        assertThat(entries).hasSize(PAGES);
        assertThat(new ObjectMapper().readTree(site.read("search-index/2.json"))).hasSize(30);
        List<String> titles = new ArrayList<>();
        entries.forEach(e -> titles.add(e.get("title").asText()));
        assertThat(titles).doesNotHaveDuplicates().contains("Post 000", "Post 150", "Post 229");
    }

    @Test
    void anEditRewritesOneChunkAndTheIndexStaysThatOfACleanBuild() throws Exception {
        Path page = site.dir.resolve("content/blog/post-150.md");
        Files.writeString(page, Files.readString(page, StandardCharsets.UTF_8) + "\nA sentence about shade.\n",
                StandardCharsets.UTF_8);
        Rebuild edit = session.rebuild(List.of(page)).orElseThrow();

        String chunk = chunkWith("A sentence about shade.");
        assertThat(edit.changedFiles()).containsExactlyInAnyOrder("blog/post-150/index.html", chunk);
        assertSameIndexAsCleanBuild();

        // A new page and a deleted one move the pages after them into other chunks.
        site.file("content/blog/post-999.md", "---\ntitle: Post 999\ndate: 2026-01-01\n---\n\nNewest.\n");
        session.rebuild(List.of(site.dir.resolve("content/blog/post-999.md"))).orElseThrow();
        assertSameIndexAsCleanBuild();
        Files.delete(site.dir.resolve("content/blog/post-010.md"));
        Files.delete(site.dir.resolve("content/blog/post-011.md"));
        session.rebuild(List.of(site.dir.resolve("content/blog/post-010.md"), site.dir.resolve("content/blog/post-011.md")))
                .orElseThrow();
        assertSameIndexAsCleanBuild();
        assertThat(site.searchIndex("search-index.json")).hasSize(PAGES - 1);
    }

    private String chunkWith(String text) throws Exception {
        for (JsonNode c : new ObjectMapper().readTree(site.read("search-index.json")).get("chunks")) {
            if (site.read(c.asText()).contains(text)) {
                return c.asText();
            }
        }
        throw new AssertionError("no chunk has " + text);
    }

    /** Every file of the index (manifest and chunks, none left over) is what a clean build writes. */
    private void assertSameIndexAsCleanBuild() throws Exception {
        Path clean = tmp.resolve("clean-" + System.nanoTime());
        Medsite.forSite(site.dir).outputDir(clean).now(TestSite.NOW).build();
        Map<String, String> served = TestSite.snapshot(site.out);
        Map<String, String> built = TestSite.snapshot(clean);
        served.keySet().removeIf(p -> !p.startsWith("search-index"));
        built.keySet().removeIf(p -> !p.startsWith("search-index"));
        assertThat(served).isEqualTo(built);
    }
}
