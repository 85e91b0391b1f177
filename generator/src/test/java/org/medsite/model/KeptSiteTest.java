package org.medsite.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.medsite.config.SiteConfig;
import org.medsite.frontmatter.FrontMatter;
import org.medsite.markdown.RenderedMarkdown;
import org.medsite.medical.Glossaries;
import org.medsite.medical.PeopleRegistry;

/** A kept site is patched only where a patch gives exactly the site a fresh assembly gives. */
class KeptSiteTest {

    private final SiteConfig config = SiteFixtures.englishAndSpanish();
    private final Map<String, Object> data = Map.of();
    private final PeopleRegistry people = PeopleRegistry.empty();
    private final List<PageSource> sources = new ArrayList<>(List.of(
            page("blog/old.md", "blog", "en", "Old", "2024-01-01", List.of("heart")),
            page("blog/new.md", "blog", "en", "New", "2025-01-01", List.of("heart", "sleep")),
            page("blog/other.md", "blog", "en", "Other", "2023-01-01", List.of("sleep")),
            page("library/heart/bp.es.md", "library/heart", "es", "PA", "2025-01-01", List.of())));
    private final Map<String, String> urls = new HashMap<>();
    private final Map<String, RenderedMarkdown> bodies = new HashMap<>();
    private final KeptSite kept = new KeptSite();

    KeptSiteTest() {
        for (PageSource s : sources) {
            urls.put(s.id(), "/" + s.id().replace(".md", "/"));
            bodies.put(s.id(), body("A first paragraph."));
        }
    }

    @Test
    void aBodyEditSwapsThePageIntoTheLastSite() {
        Site first = assemble().site();
        bodies.put("blog/new.md", body("Another first paragraph, and more words than before."));

        KeptSite.Assembled second = assemble();

        assertThat(second.patchedFrom()).containsSame(first);
        assertThat(second.patched()).extracting(Page::id).containsExactly("blog/new.md");
        assertThat(second.site()).isEqualTo(fresh());
        Page edited = second.site().pages().stream().filter(p -> p.id().equals("blog/new.md")).findFirst().orElseThrow();
        assertThat(second.site().section("en", "blog").orElseThrow().pages()).contains(edited);
        assertThat(second.site().taxonomy("en", "tags").orElseThrow().terms())
                .allSatisfy(t -> assertThat(t.pages()).noneMatch(p -> p.id().equals("blog/new.md") && p != edited));
        // Nothing changed: the very same site.
        assertThat(assemble().site()).isSameAs(second.site());
    }

    @Test
    void anEditThatMovesAPageAssemblesTheSiteAgain() {
        assemble();
        int at = sources.indexOf(sources.stream().filter(s -> s.id().equals("blog/old.md")).findFirst().orElseThrow());
        // A later date puts the page first in its section and terms.
        sources.set(at, page("blog/old.md", "blog", "en", "Old", "2026-01-01", List.of("heart")));

        KeptSite.Assembled second = assemble();

        assertThat(second.patchedFrom()).isEmpty();
        assertThat(second.site()).isEqualTo(fresh());
        assertThat(second.site().section("en", "blog").orElseThrow().pages()).extracting(Page::title)
                .startsWith("Old");
    }

    @Test
    void aPageThatComesOrGoesAssemblesTheSiteAgain() {
        assemble();
        sources.remove(0);

        KeptSite.Assembled second = assemble();

        assertThat(second.patchedFrom()).isEmpty();
        assertThat(second.site()).isEqualTo(fresh());
    }

    private KeptSite.Assembled assemble() {
        return kept.assemble(config, List.copyOf(sources), Map.copyOf(urls), Map.copyOf(bodies), data, people,
                Glossaries.none(), new RelatedPages());
    }

    private Site fresh() {
        return SiteAssembler.assemble(config, List.copyOf(sources), Map.copyOf(urls), Map.copyOf(bodies), data, people,
                Glossaries.none(), new RelatedPages());
    }

    private static RenderedMarkdown body(String text) {
        return new RenderedMarkdown("<p>" + text + "</p>", Optional.empty(), text, text.split(" ").length, List.of(),
                Optional.empty(), text, List.of(), org.medsite.medical.Readability.of(List.of(), "en"));
    }

    private static PageSource page(String path, String folder, String lang, String title, String date, List<String> tags) {
        FrontMatter e = FrontMatter.empty();
        FrontMatter fm = new FrontMatter(Optional.of(title), e.description(),
                Optional.of(java.time.OffsetDateTime.parse(date + "T00:00:00Z")), e.lastmod(), false, e.publishDate(),
                e.expiryDate(), e.slug(), e.url(), List.of(), tags, List.of(), e.layout(), 0, e.summary(), e.image(),
                e.lang(), e.translationKey(), e.type(), List.of(), Map.of(), Map.of(), Map.of("tags", tags));
        return SiteFixtures.page(path, folder, lang, fm);
    }
}
