package org.medsite.render;

import java.time.LocalDate;
import java.util.function.Predicate;
import java.util.List;
import org.medsite.model.Page;
import org.medsite.model.Site;

/**
 * Template views kept from one build of a dev server's session to the next. Building a page's view
 * (dates, medical metadata, reviewers, sources, links) for every page on every save costs more than the
 * rest of a one-page rebuild on a big site; a page whose view would show the same thing keeps the one it
 * had. What a view shows is exactly what the {@code page:<id>} keys of {@link TemplateReads} stand for,
 * given the same settings, data and day, so the session says which pages' keys are unchanged
 * ({@link #reuse}) and forgets everything when settings or data change ({@link #forget}).
 *
 * <p>A one-off build uses a fresh one. Thread-safe.
 */
public final class KeptViews {

    private ViewFactory views;
    private Predicate<String> unchanged = id -> false;
    private Site patchedFrom;
    private List<Page> swapped = List.of();

    /** The next site's views may take the last site's view of each page id for which {@code pages} holds. */
    public synchronized void reuse(Predicate<String> pages) {
        reuse(pages, null, List.of());
    }

    /**
     * As {@link #reuse(Predicate)}, for a site that is {@code patchedFrom} with the pages {@code swapped}
     * swapped in (see {@code model.KeptSite}): when these views are that site's, only what shows the swapped
     * pages is built again.
     */
    public synchronized void reuse(Predicate<String> pages, Site patchedFrom, List<Page> swapped) {
        this.unchanged = pages;
        this.patchedFrom = patchedFrom;
        this.swapped = List.copyOf(swapped);
    }

    /** Settings, data or people changed: no view is kept. */
    public synchronized void forget() {
        views = null;
        unchanged = id -> false;
        patchedFrom = null;
        swapped = List.of();
    }

    /** The views of {@code site}, built once per site. */
    synchronized ViewFactory of(Site site, LocalDate today) {
        if (views == null || !views.isOf(site) || !views.today().equals(today)) {
            ViewFactory previous = views != null && views.today().equals(today) ? views : null;
            views = previous != null && patchedFrom != null && previous.isOf(patchedFrom)
                    ? previous.patched(site, swapped, unchanged)
                    : new ViewFactory(site, today, previous, unchanged);
            unchanged = id -> false;
            patchedFrom = null;
            swapped = List.of();
        }
        return views;
    }
}
