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

    /** Newest first: blogs and news. */
    public static final Comparator<Page> BY_DATE = Comparator
            .comparing((Page p) -> p.date().orElse(null), Comparator.nullsLast(Comparator.<OffsetDateTime>reverseOrder()))
            .thenComparing(Page::title, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Page::url);

    /** Lowest weight first, then by title: hand-ordered pages such as services. */
    public static final Comparator<Page> BY_WEIGHT = Comparator
            .comparingInt((Page p) -> p.frontMatter().weight())
            .thenComparing(Page::title, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Page::url);

    private PageOrder() {
    }

    /** The order named in {@code site.yaml}'s {@code sort:} ({@code date}, {@code weight}, {@code title}). */
    public static Comparator<Page> named(String order, String lang) {
        return switch (order == null ? "" : order) {
            case "date" -> BY_DATE;
            case "weight" -> BY_WEIGHT;
            case "title" -> byTitle(lang);
            default -> DEFAULT;
        };
    }

    /**
     * A to Z in the language's own alphabet ("Óvulo" sorts with O in Spanish), for health libraries.
     */
    public static Comparator<Page> byTitle(String lang) {
        java.text.Collator collator = java.text.Collator.getInstance(java.util.Locale.forLanguageTag(lang));
        collator.setStrength(java.text.Collator.SECONDARY);
        return Comparator.comparing(Page::title, collator::compare).thenComparing(Page::url);
    }
}
