package org.medsite.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.medsite.config.SiteConfig;
import org.medsite.frontmatter.FrontMatter;

/** {@link SiteAssembler#related} against the rule it implements, written the slow and obvious way. */
class RelatedPagesRankTest {

    private final SiteConfig config = SiteFixtures.englishAndSpanish();

    @Test
    void theRankedCountGivesWhatSortingEveryCandidateGives() {
        Random random = new Random(11);
        for (int site = 0; site < 20; site++) {
            List<PageSource> sources = new ArrayList<>();
            int n = 20 + random.nextInt(180);
            for (int i = 0; i < n; i++) {
                // Few tags and dates, and repeated titles, so that counts and dates tie often; a tag written
                // twice in other case counts twice, as before.
                List<String> tags = new ArrayList<>();
                for (int t = random.nextInt(4); t > 0; t--) {
                    tags.add((random.nextBoolean() ? "Tag" : "tag") + random.nextInt(6));
                }
                List<String> categories = random.nextInt(3) == 0 ? List.of("c" + random.nextInt(2)) : List.of();
                Optional<java.time.OffsetDateTime> date = random.nextInt(5) == 0 ? Optional.empty()
                        : Optional.of(java.time.OffsetDateTime.parse("2024-01-0" + (1 + random.nextInt(3)) + "T00:00:00Z"));
                String lang = random.nextInt(6) == 0 ? "es" : "en";
                String path = "blog/p" + i + (lang.equals("es") ? ".es.md" : ".md");
                sources.add(SiteFixtures.page(path, "blog", lang, frontMatter("T" + random.nextInt(10), date, tags,
                        categories)));
            }
            List<Page> pages = SiteFixtures.assemble(config, sources).pages();

            assertThat(SiteAssembler.related(config, pages)).isEqualTo(sortingEveryCandidate(pages));
        }
    }

    private Map<String, List<String>> sortingEveryCandidate(List<Page> pages) {
        Map<String, List<String>> related = new LinkedHashMap<>();
        for (Page p : pages) {
            if (p.kind() != PageKind.PAGE) {
                continue;
            }
            List<String> mine = SiteAssembler.termKeys(config, p);
            List<Map.Entry<Page, Integer>> candidates = new ArrayList<>();
            for (Page other : pages) {
                if (other == p || other.kind() != PageKind.PAGE) {
                    continue;
                }
                List<String> theirs = SiteAssembler.termKeys(config, other);
                int shared = 0;
                for (String term : mine) {
                    for (String t : theirs) {
                        if (t.equals(term)) {
                            shared++;
                        }
                    }
                }
                if (shared > 0) {
                    candidates.add(Map.entry(other, shared));
                }
            }
            candidates.sort(Map.Entry.<Page, Integer>comparingByValue(Comparator.reverseOrder())
                    .thenComparing(Map.Entry.comparingByKey(PageOrder.BY_DATE)));
            List<String> ids = candidates.stream().limit(SiteAssembler.RELATED_PAGES).map(e -> e.getKey().id()).toList();
            if (!ids.isEmpty()) {
                related.put(p.id(), ids);
            }
        }
        return related;
    }

    private static FrontMatter frontMatter(String title, Optional<java.time.OffsetDateTime> date, List<String> tags,
            List<String> categories) {
        FrontMatter e = FrontMatter.empty();
        return new FrontMatter(Optional.of(title), e.description(), date, e.lastmod(), false, e.publishDate(),
                e.expiryDate(), e.slug(), e.url(), List.of(), tags, categories, e.layout(), 0, e.summary(), e.image(),
                e.lang(), e.translationKey(), e.type(), List.of(), Map.of(), Map.of(),
                Map.of("tags", tags, "categories", categories));
    }
}
