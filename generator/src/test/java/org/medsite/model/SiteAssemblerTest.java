package org.medsite.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.medsite.config.SiteConfig;
import org.medsite.frontmatter.FrontMatter;

class SiteAssemblerTest {

    private final SiteConfig config = SiteFixtures.englishAndSpanish();

    private PageSource page(String path, String folder, String lang, FrontMatter fm) {
        return SiteFixtures.page(path, folder, lang, fm);
    }

    private FrontMatter dated(String title, String date, int weight) {
        FrontMatter e = FrontMatter.empty();
        return new FrontMatter(Optional.of(title), e.description(), Optional.of(java.time.OffsetDateTime.parse(date + "T00:00:00Z")),
                e.lastmod(), false, e.publishDate(), e.expiryDate(), e.slug(), e.url(), List.of(), List.of(), List.of(),
                e.layout(), weight, e.summary(), e.image(), e.lang(), e.translationKey(), e.type(), List.of(), Map.of(),
                Map.of(), Map.of());
    }

    @Test
    void generatesSectionListsHomesAndTheNotFoundPageAndOrdersPages() {
        List<PageSource> sources = List.of(
                page("blog/old.md", "blog", "en", dated("Old", "2024-01-01", 0)),
                page("blog/new.md", "blog", "en", dated("New", "2025-01-01", 0)),
                page("blog/pinned.md", "blog", "en", dated("Pinned", "2020-01-01", 1)),
                page("library/heart/bp.md", "library/heart", "en", dated("BP", "2025-01-01", 0)),
                page("library/heart/bp.es.md", "library/heart", "es", dated("PA", "2025-01-01", 0)));
        Site site = SiteFixtures.assemble(config, sources);

        assertThat(site.pages()).extracting(Page::url).contains("/", "/es/", "/blog/", "/library/", "/library/heart/",
                "/es/library/", "/es/library/heart/", "/404.html");
        assertThat(site.section("en", "blog").orElseThrow().pages()).extracting(Page::title)
                .containsExactly("Pinned", "New", "Old");
        assertThat(site.section("en", "library").orElseThrow().subsections()).containsExactly("library/heart");
        assertThat(site.section("en", "library/heart").orElseThrow().listPage().title()).isEqualTo("Heart");
        Page bp = site.pages().stream().filter(p -> p.title().equals("BP")).findFirst().orElseThrow();
        assertThat(bp.description()).isEqualTo("A first paragraph.");
        assertThat(bp.section()).isEqualTo("library");
        // Generated lists are translations of each other, like written ones would be.
        Page enLibrary = site.section("en", "library").orElseThrow().listPage();
        assertThat(site.translations(enLibrary)).extracting(Page::url).containsExactly("/es/library/");
        assertThat(site.translations(site.home("en").orElseThrow())).extracting(Page::url).containsExactly("/es/");
    }

    @Test
    void descriptionsAreCutAtAWord() {
        String text = "word ".repeat(60).strip();
        String cut = SiteAssembler.shorten(text, 160);
        assertThat(cut).hasSizeLessThanOrEqualTo(160).endsWith("word…");
    }
}
