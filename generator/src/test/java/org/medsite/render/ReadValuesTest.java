package org.medsite.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.medsite.config.SiteConfig;
import org.medsite.frontmatter.FrontMatter;
import org.medsite.model.Page;
import org.medsite.model.PageSource;
import org.medsite.model.Site;
import org.medsite.model.SiteFixtures;

/**
 * The values of template reads worked out key by key, and page views made when first reached, are what
 * working out every key and making every view gives (a one-page rebuild asks for a few of them only).
 */
class ReadValuesTest {

    private final SiteConfig config = SiteFixtures.englishAndSpanish();

    private static PageSource page(String path, String folder, String lang, String title, List<String> tags) {
        FrontMatter e = FrontMatter.empty();
        FrontMatter fm = new FrontMatter(Optional.of(title), e.description(),
                Optional.of(java.time.OffsetDateTime.parse("2025-01-01T00:00:00Z")), e.lastmod(), false, e.publishDate(),
                e.expiryDate(), e.slug(), e.url(), tags, List.of(), List.of(), e.layout(), 0, e.summary(), e.image(),
                e.lang(), e.translationKey(), e.type(), List.of(), Map.of(), Map.of(), Map.of());
        return SiteFixtures.page(path, folder, lang, fm);
    }

    private Site site() {
        List<PageSource> sources = List.of(
                page("blog/old.md", "blog", "en", "Old", List.of("news")),
                page("blog/new.md", "blog", "en", "New", List.of("news", "heart")),
                page("library/heart/bp.md", "library/heart", "en", "BP", List.of("heart")),
                page("library/heart/bp.es.md", "library/heart", "es", "PA", List.of()));
        return SiteFixtures.assemble(config, sources);
    }

    @Test
    void eachKeyAskedForAloneStandsForWhatItDoesAmongAllKeys() {
        Site site = site();
        Map<String, Object> all = TemplateReads.values(site);
        List<String> keys = new ArrayList<>(all.keySet());
        Collections.sort(keys, Collections.reverseOrder());
        ReadValues lazy = new ReadValues(site);

        for (String key : keys) {
            assertThat(lazy.get(key)).as(key).isEqualTo(all.get(key));
        }
        assertThat(keys).contains(TemplateReads.site("es", "pages"), TemplateReads.list("/blog/"),
                TemplateReads.list("/es/library/"), TemplateReads.page("library/heart/bp.es.md"));
        assertThat(lazy.get(TemplateReads.page("gone.md"))).isNull();
    }

    @Test
    void aPagesViewValueIsItsOwnValuesAndWhatItShowsOfOthers() {
        Site site = site();
        ReadValues values = new ReadValues(site);
        Map<String, Object> all = TemplateReads.values(site);
        for (Page page : site.pages()) {
            Object value = all.get(TemplateReads.page(page.id()));
            assertThat(ReadValues.own(page)).as(page.id()).isEqualTo(TemplateReads.ownOf(value));
            assertThat(values.shownOfOthers(page)).as(page.id()).isEqualTo(TemplateReads.shownOfOthers(value));
        }
        // A generated list shows its translation's link, and a page its breadcrumb: not empty everywhere.
        Page library = site.section("en", "library").orElseThrow().listPage();
        assertThat((List<?>) values.shownOfOthers(library).get(0)).isNotEmpty();
        Page bp = site.pages().stream().filter(p -> p.title().equals("BP")).findFirst().orElseThrow();
        assertThat((List<?>) values.shownOfOthers(bp).get(2)).hasSize(2);
    }

    @Test
    void pageViewsAreMadeOnceWhenReachedAndListedAsTheyAre() {
        Site site = site();
        ViewFactory views = new ViewFactory(site, java.time.LocalDate.parse("2026-11-28"));
        Page bp = site.pages().stream().filter(p -> p.title().equals("BP")).findFirst().orElseThrow();

        PageView view = views.page(bp);
        assertThat(view.title()).isEqualTo("BP");
        assertThat(views.page(bp)).isSameAs(view);
        assertThat(views.site("en").pagesByPath().get(bp.url())).isSameAs(view);
        assertThat(views.site("en").page(bp.url())).isSameAs(view);
        assertThat(views.site("en").pages()).extracting(PageView::title).containsExactlyElementsOf(
                site.regularPages("en").stream().map(Page::title).toList());
        assertThat(views.site("en").pages()).contains(view);
        assertThat(views.site("en").pagesByPath().keySet()).contains(bp.url(), "/");
        assertThat(views.site("en").pagesByPath().entrySet()).hasSize(views.site("en").pagesByPath().size());
        assertThat(views.site("en").section("library/heart").pages()).containsExactly(view);
    }
}
