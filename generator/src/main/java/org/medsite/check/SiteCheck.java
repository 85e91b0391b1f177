package org.medsite.check;

import java.time.LocalDate;
import org.medsite.diagnostics.FindingCollector;
import org.medsite.model.Page;
import org.medsite.model.Site;

/**
 * A build-time check of the assembled site (rather than of one rendered page). Its findings come in two
 * parts: those about one page, which depend only on that page, the site's settings, data and people, and
 * the day, so that a dev server's session checks again only the pages that changed; and those about the
 * site as a whole, which may look at every page and are found on every build.
 */
public interface SiteCheck {

    /**
     * Findings about {@code page} alone. Reads nothing of {@code site} but its settings, data and people.
     *
     * @param today the build's date, for rules about dates (reviews due, dates in the future)
     */
    void checkPage(Site site, Page page, LocalDate today, FindingCollector findings);

    /** Findings about the site as a whole (pages it lacks, data files). */
    default void checkSite(Site site, LocalDate today, FindingCollector findings) {
    }

    /** Every finding: each page's, then the site's. */
    default void check(Site site, LocalDate today, FindingCollector findings) {
        for (Page page : site.pages()) {
            checkPage(site, page, today, findings);
        }
        checkSite(site, today, findings);
    }
}
