package org.medsite.check;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.medsite.diagnostics.FindingCollector;
import org.medsite.model.Page;
import org.medsite.model.Site;

/**
 * With {@code searchIndex: false} in site.yaml, a page laid out as the search page ({@code layout: search})
 * would load an index the build no longer writes: its search would find nothing. Run only while the index
 * is off (see {@link Checks#standard}).
 */
public final class SearchIndexCheck implements SiteCheck {

    public static final String RULE = "config.no-search-index";
    public static final Set<String> RULES = Set.of(RULE);

    @Override
    public void checkPage(Site site, Page page, LocalDate today, FindingCollector findings) {
        if (page.frontMatter().layout().equals(Optional.of("search"))) {
            // The page records no line for its layout key: the front matter's start (line 1) stands for it.
            findings.warning(RULE, page.sourceFile(), 1, "this is the search page "
                    + "(layout: search), but 'searchIndex: false' in site.yaml means no search index is written, "
                    + "so its search finds nothing; remove 'searchIndex: false' or this page");
        }
    }
}
