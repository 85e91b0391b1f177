package org.medsite.model;

import java.time.OffsetDateTime;
import java.util.Comparator;

/** Orders of pages in lists. */
public final class PageOrder {

    /**
     * Hugo's default, which users expect: pages with a weight first (lowest first), then newest first,
     * then by title, then by URL so that the order never depends on the file system.
     */
    public static final Comparator<Page> DEFAULT = Comparator
            .comparing((Page p) -> p.frontMatter().weight() == 0 ? Integer.MAX_VALUE : p.frontMatter().weight())
            .thenComparing(p -> p.date().orElse(null), Comparator.nullsLast(Comparator.<OffsetDateTime>reverseOrder()))
            .thenComparing(Page::title, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Page::url);

    private PageOrder() {
    }
}
