package org.medsite.model;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medsite.config.SiteConfig;

/**
 * The related pages of a site, remembered with what they were computed from. Finding them compares each
 * page with every page that shares a term with it, which takes seconds on a site of thousands of pages
 * with a few common tags; the answer depends only on each regular page's id, language, terms, date,
 * title and URL, so a dev server's session, which keeps one of these, reuses it for an edit that changes
 * none of them (a body edit, the common case). A one-off build uses a fresh one.
 *
 * <p>Thread-safe; owned by one session.
 */
public final class RelatedPages {

    /** What the related pages of one regular page depend on, of that page. */
    private record Input(String id, String lang, List<String> terms, Optional<OffsetDateTime> date, String title,
            String url) {
    }

    private List<Input> inputs;
    private Map<String, List<String>> related;

    /** For each page id, the ids of up to five related pages; {@code pages} sorted as the site's are. */
    synchronized Map<String, List<String>> of(SiteConfig config, List<Page> pages) {
        List<Input> now = new ArrayList<>();
        for (Page p : pages) {
            if (p.kind() == PageKind.PAGE) {
                now.add(new Input(p.id(), p.lang(), SiteAssembler.termKeys(config, p), p.date(), p.title(), p.url()));
            }
        }
        if (!now.equals(inputs)) {
            related = SiteAssembler.related(config, pages);
            inputs = now;
        }
        return related;
    }
}
