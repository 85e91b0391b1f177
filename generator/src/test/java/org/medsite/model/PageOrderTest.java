package org.medsite.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.medsite.frontmatter.FrontMatter;

class PageOrderTest {

    /** The orders as they were composed before they were written out (issue #11): the reference. */
    private static final Comparator<Page> COMPOSED_DEFAULT = Comparator
            .comparing((Page p) -> p.frontMatter().weight() == 0 ? Integer.MAX_VALUE : p.frontMatter().weight())
            .thenComparing(p -> p.date().orElse(null), Comparator.nullsLast(Comparator.<OffsetDateTime>reverseOrder()))
            .thenComparing(Page::title, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Page::url);
    private static final Comparator<Page> COMPOSED_BY_DATE = Comparator
            .comparing((Page p) -> p.date().orElse(null), Comparator.nullsLast(Comparator.<OffsetDateTime>reverseOrder()))
            .thenComparing(Page::title, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Page::url);
    private static final Comparator<Page> COMPOSED_BY_WEIGHT = Comparator
            .comparingInt((Page p) -> p.frontMatter().weight())
            .thenComparing(Page::title, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Page::url);

    private static FrontMatter frontMatter(String title, Optional<OffsetDateTime> date, int weight) {
        FrontMatter e = FrontMatter.empty();
        return new FrontMatter(Optional.of(title), e.description(), date, e.lastmod(), false, e.publishDate(),
                e.expiryDate(), e.slug(), e.url(), List.of(), List.of(), List.of(), e.layout(), weight, e.summary(),
                e.image(), e.lang(), e.translationKey(), e.type(), List.of(), Map.of(), Map.of(), Map.of());
    }

    /** Pages that tie on every key but the last in many ways: few weights, dates (some missing) and titles. */
    private static List<Page> pages() {
        Random random = new Random(11);
        String[] titles = {"Flu", "flu", "Asthma", "asthma", "Zinc", "Ébola", ""};
        int[] weights = {0, 0, 0, 1, 2, -1};
        List<PageSource> sources = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Optional<OffsetDateTime> date = random.nextInt(5) == 0 ? Optional.empty()
                    : Optional.of(OffsetDateTime.parse("2025-0" + (1 + random.nextInt(3)) + "-01T00:00:00"
                            + (random.nextBoolean() ? "Z" : "+02:00")));
            sources.add(SiteFixtures.page("blog/p" + i + ".md", "blog", "en", frontMatter(
                    titles[random.nextInt(titles.length)], date, weights[random.nextInt(weights.length)])));
        }
        List<Page> pages = new ArrayList<>(SiteFixtures.assemble(SiteFixtures.englishAndSpanish(), sources).pages());
        java.util.Collections.shuffle(pages, random);
        return pages;
    }

    private static List<String> sorted(List<Page> pages, Comparator<Page> order) {
        List<Page> copy = new ArrayList<>(pages);
        copy.sort(order);
        return copy.stream().map(Page::url).toList();
    }

    @Test
    void theWrittenOutOrdersAreTheComposedOnes() {
        List<Page> pages = pages();
        assertEquals(sorted(pages, COMPOSED_DEFAULT), sorted(pages, PageOrder.DEFAULT));
        assertEquals(sorted(pages, COMPOSED_BY_DATE), sorted(pages, PageOrder.BY_DATE));
        assertEquals(sorted(pages, COMPOSED_BY_WEIGHT), sorted(pages, PageOrder.BY_WEIGHT));
    }

    @Test
    void eachPairComparesAsTheComposedOrderDoes() {
        List<Page> pages = pages().subList(0, 60);
        for (Page a : pages) {
            for (Page b : pages) {
                assertEquals(Integer.signum(COMPOSED_DEFAULT.compare(a, b)), Integer.signum(PageOrder.DEFAULT.compare(a, b)));
                assertEquals(Integer.signum(COMPOSED_BY_DATE.compare(a, b)), Integer.signum(PageOrder.BY_DATE.compare(a, b)));
                assertEquals(Integer.signum(COMPOSED_BY_WEIGHT.compare(a, b)),
                        Integer.signum(PageOrder.BY_WEIGHT.compare(a, b)));
            }
        }
    }
}
