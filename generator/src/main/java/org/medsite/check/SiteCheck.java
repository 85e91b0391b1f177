package org.medsite.check;

import org.medsite.diagnostics.FindingCollector;
import org.medsite.model.Site;

/** A build-time check of the assembled site (rather than of one rendered page). */
public interface SiteCheck {

    /**
     * @param today the build's date, for rules about dates (reviews due, dates in the future)
     */
    void check(Site site, java.time.LocalDate today, FindingCollector findings);
}
