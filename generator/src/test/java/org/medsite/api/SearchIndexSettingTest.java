package org.medsite.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsite.diagnostics.Finding;

/** {@code searchIndex: false} in site.yaml: no search index, and a search page is told it has none. */
class SearchIndexSettingTest {

    @TempDir
    Path tmp;

    private TestSite site(String siteYaml) {
        return new TestSite(tmp)
                .file("site.yaml", siteYaml)
                .file("content/flu.md", "---\ntitle: Flu shots\n---\nBook yours today.\n");
    }

    @Test
    void theIndexIsWrittenUnlessSwitchedOffAndTheRestIsTheSame() throws Exception {
        TestSite site = site("title: Clinic\n");
        site.build();
        Map<String, String> with = TestSite.snapshot(site.out);
        assertThat(with).containsKeys("search-index.json", "search-index/0.json");

        site.file("site.yaml", "title: Clinic\nsearchIndex: false\n");
        BuildResult result = site.build();

        Map<String, String> without = TestSite.snapshot(site.out);
        assertThat(result.findings()).isEmpty();
        assertThat(without).doesNotContainKeys("search-index.json", "search-index/0.json");
        // Every other file is what the build with the index wrote.
        with.remove("search-index.json");
        with.remove("search-index/0.json");
        assertThat(without.keySet()).isEqualTo(with.keySet());
        without.keySet().stream().filter(p -> p.endsWith(".html"))
                .forEach(p -> assertThat(without.get(p)).as(p).isEqualTo(with.get(p)));
    }

    @Test
    void aSearchPageWithoutAnIndexIsReported() throws Exception {
        TestSite site = site("title: Clinic\nsearchIndex: false\n")
                .file("content/search.md", "---\ntitle: Search\nlayout: search\n---\n");
        BuildResult result = site.build();
        assertThat(result.findings()).extracting(Finding::format).containsExactly(
                "content/search.md:1: warning: this is the search page (layout: search), but 'searchIndex: false' in "
                        + "site.yaml means no search index is written, so its search finds nothing; remove "
                        + "'searchIndex: false' or this page [config.no-search-index]");

        site.file("site.yaml", "title: Clinic\n");
        assertThat(site.build().findings()).isEmpty();
    }
}
