package org.medsite.model;

import java.time.OffsetDateTime;
import java.util.Comparator;

/** Orders of pages in lists. */
public final class PageOrder {

    /**
     * Hugo's default, which users expect: pages with a weight first (lowest first), then newest first,
     * then by title, then by URL so that the order never depends on the file system.
     */
    public static final Comparator<Page> DEFAULT = PageOrder::byDefault;

    /** Newest first: blogs and news. */
    public static final Comparator<Page> BY_DATE = PageOrder::byDate;

    /** Lowest weight first, then by title: hand-ordered pages such as services. */
    public static final Comparator<Page> BY_WEIGHT = PageOrder::byWeight;

    // Written out rather than composed with Comparator.comparing(...).thenComparing(...): every list of a
    // build is sorted with these, mostly before the JIT compiled anything, and the composed form's chain of
    // lambdas, boxed keys and Optionals cost a one-page rebuild about a tenth of its samples (issue #11).

    private static int byDefault(Page a, Page b) {
        int c = Integer.compare(weightFirst(a), weightFirst(b));
        return c != 0 ? c : byDate(a, b);
    }

    private static int byDate(Page a, Page b) {
        int c = newestFirst(a.date().orElse(null), b.date().orElse(null));
        return c != 0 ? c : byTitleThenUrl(a, b);
    }

    private static int byWeight(Page a, Page b) {
        int c = Integer.compare(a.frontMatter().weight(), b.frontMatter().weight());
        return c != 0 ? c : byTitleThenUrl(a, b);
    }

    /** A weight of 0 is no weight: after every weighted page. */
    private static int weightFirst(Page p) {
        int weight = p.frontMatter().weight();
        return weight == 0 ? Integer.MAX_VALUE : weight;
    }

    /** Newest first, pages without a date last. */
    private static int newestFirst(OffsetDateTime a, OffsetDateTime b) {
        if (a == null || b == null) {
            return a == b ? 0 : a == null ? 1 : -1;
        }
        return b.compareTo(a);
    }

    private static int byTitleThenUrl(Page a, Page b) {
        int c = String.CASE_INSENSITIVE_ORDER.compare(a.title(), b.title());
        return c != 0 ? c : a.url().compareTo(b.url());
    }

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
