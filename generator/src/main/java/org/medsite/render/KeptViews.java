package org.medsite.render;

import java.time.LocalDate;
import java.util.function.Predicate;
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

    /** The next site's views may take the last site's view of each page id for which {@code pages} holds. */
    public synchronized void reuse(Predicate<String> pages) {
        this.unchanged = pages;
    }

    /** Settings, data or people changed: no view is kept. */
    public synchronized void forget() {
        views = null;
        unchanged = id -> false;
    }

    /** The views of {@code site}, built once per site. */
    synchronized ViewFactory of(Site site, LocalDate today) {
        if (views == null || !views.isOf(site)) {
            ViewFactory previous = views != null && views.today().equals(today) ? views : null;
            views = new ViewFactory(site, today, previous, unchanged);
            unchanged = id -> false;
        }
        return views;
    }
}
