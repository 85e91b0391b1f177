package org.medsite.check;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.medsite.config.SiteConfig;

/**
 * The build-time checks of a site, in one place: those of the assembled site and those of each rendered
 * page. The pipeline runs whatever is listed here; a new check is added here and nowhere else.
 *
 * @param site checks of the assembled site
 * @param pages checks of each rendered page
 * @param stylesheets checks of each stylesheet of the output
 */
public record Checks(List<SiteCheck> site, List<PageCheck> pages, List<StylesheetCheck> stylesheets) {

    public Checks {
        site = List.copyOf(site);
        pages = List.copyOf(pages);
        stylesheets = List.copyOf(stylesheets);
    }

    /** The checks every build runs. */
    public static Checks standard(SiteConfig config) {
        java.util.Optional<String> ownHost = config.hasAbsoluteBaseUrl()
                ? ThirdPartyRequestCheck.host(config.baseUrl()) : java.util.Optional.empty();
        ThirdPartyRequestCheck requests = new ThirdPartyRequestCheck(config.privacy(), ownHost);
        List<SiteCheck> site = new java.util.ArrayList<>();
        addUnlessOff(site, new MedicalPageCheck(), MedicalPageCheck.RULES, config);
        addUnlessOff(site, new ReadabilityCheck(), ReadabilityCheck.RULES, config);
        addUnlessOff(site, new JargonCheck(), JargonCheck.RULES, config);
        addUnlessOff(site, new PrivacyContentCheck(), PrivacyContentCheck.RULES, config);
        if (!config.searchIndex()) {
            addUnlessOff(site, new SearchIndexCheck(), SearchIndexCheck.RULES, config);
        }
        return new Checks(site, List.of(new InternalLinkCheck(), requests, new VisibleDateCheck()), List.of(requests));
    }

    /**
     * Adds a check unless the site turned every rule it reports off: it would only make findings to be
     * dropped, and scanning every page's text for them was a few per cent of a cold build (issue #11).
     * {@code rules} must be every rule the check reports.
     */
    private static void addUnlessOff(List<SiteCheck> checks, SiteCheck check, Set<String> rules, SiteConfig config) {
        if (!rules.stream().allMatch(config::ruleOff)) {
            checks.add(check);
        }
    }

    /** Rule ids a site may change the severity of ({@code checks:} in site.yaml). */
    public static Set<String> configurableRules() {
        Set<String> rules = new TreeSet<>(MedicalPageCheck.RULES);
        rules.addAll(InternalLinkCheck.RULES);
        rules.addAll(ReadabilityCheck.RULES);
        rules.addAll(JargonCheck.RULES);
        rules.addAll(ThirdPartyRequestCheck.RULES);
        rules.addAll(PrivacyContentCheck.RULES);
        rules.addAll(VisibleDateCheck.RULES);
        rules.addAll(SearchIndexCheck.RULES);
        rules.addAll(org.medsite.postprocess.ContentSecurityPolicy.RULES);
        return rules;
    }
}
