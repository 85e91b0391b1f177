package org.medsite.model;

import java.util.List;
import java.util.Map;
import org.medsite.config.SiteConfig;
import org.medsite.diagnostics.Finding;
import org.medsite.diagnostics.FindingCollector;

/**
 * The URLs of a dev server's session, kept from one build to the next: planning looks at every page
 * (slugs, clashes), and an edit rarely changes what decides a page's URL. When the sources are the last
 * build's but for some whose URL comes out the same, without a finding, the last plan stands and its
 * findings are reported again; anything else plans every URL again.
 *
 * <p>Owned by one session and used by one build at a time.
 */
public final class KeptUrls {

    private SiteConfig config;
    private List<PageSource> sources;
    private Map<String, String> urls;
    private List<Finding> findings;

    /** The site path of each source, by source id, as {@link UrlPlanner#plan} gives it. */
    public synchronized Map<String, String> plan(SiteConfig config, List<PageSource> now, FindingCollector findings) {
        UrlPlanner planner = new UrlPlanner(config);
        if (!sameUrls(planner, config, now)) {
            FindingCollector own = new FindingCollector();
            urls = planner.plan(now, own);
            this.findings = own.sorted();
            this.config = config;
        }
        sources = List.copyOf(now);
        this.findings.forEach(findings::add);
        return urls;
    }

    private boolean sameUrls(UrlPlanner planner, SiteConfig config, List<PageSource> now) {
        if (sources == null || !config.equals(this.config) || now.size() != sources.size()) {
            return false;
        }
        for (int i = 0; i < now.size(); i++) {
            PageSource source = now.get(i);
            PageSource before = sources.get(i);
            if (source == before) {
                continue;
            }
            if (!source.id().equals(before.id())) {
                return false;
            }
            FindingCollector own = new FindingCollector();
            String url = planner.urlOf(source, own);
            if (url == null || !url.equals(urls.get(source.id())) || !own.sorted().isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
