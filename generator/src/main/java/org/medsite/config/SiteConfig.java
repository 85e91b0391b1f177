package org.medsite.config;

import java.util.List;
import java.util.Map;

/**
 * A site's settings, validated once: {@code site.yaml} over built-in defaults, with the build's options
 * (base URL, theme) laid over both.
 *
 * @param title the site's name
 * @param description one sentence about the site, for the home page's meta description
 * @param baseUrl where the site is published, ending in {@code /}; {@code /} when unknown
 * @param language the main language (BCP 47, e.g. {@code en})
 * @param languages every language the site publishes in, the main one first
 * @param theme the theme's name
 * @param permalinks URL patterns per section (e.g. {@code blog: /:section/:year/:slug/})
 * @param markdown Markdown rendering options
 * @param menus named menus ({@code main}, {@code footer}, ...), each sorted by weight then name
 * @param params free settings for templates
 * @param taxonomies the taxonomies pages are grouped by, as front matter keys ({@code tags}, {@code categories},
 *     and any declared in {@code site.yaml}, e.g. {@code conditions})
 * @param paginate how many entries a list page shows before continuing on {@code page/2/}
 * @param sort the order of each section's list ({@code date}, {@code weight} or {@code title}); sections not
 *     named use weight, then date, then title
 * @param medical review cycle, disclaimer, emergency notice and editorial policy
 * @param readability the reading grade targets by audience
 * @param glossary marking glossary terms, and which audiences' pages are checked for jargon
 * @param privacy allowed third-party hosts, booking hosts, and required privacy pages
 * @param checks severities of build-time checks changed by the site ({@code error}, {@code warning} or
 *     {@code off}), by rule id
 * @param limits how long a page's templates may run
 * @param shareCards the generated social-media pictures of pages without their own image
 * @param images the resized copies of large photos offered with {@code srcset}
 * @param security the Content-Security-Policy and the {@code _headers} file
 * @param editorialReport whether each build writes the editorial report beside the output
 * @param searchIndex whether each build writes the client-side search index ({@code search-index.json}
 *     and its chunks), which a theme's search page loads
 */
public record SiteConfig(
        String title,
        String description,
        String baseUrl,
        String language,
        List<String> languages,
        String theme,
        Map<String, String> permalinks,
        MarkdownOptions markdown,
        Map<String, List<MenuEntry>> menus,
        Map<String, Object> params,
        List<String> taxonomies,
        int paginate,
        Map<String, String> sort,
        MedicalSettings medical,
        ReadabilitySettings readability,
        GlossarySettings glossary,
        PrivacySettings privacy,
        Map<String, String> checks,
        BuildLimits limits,
        ShareCardSettings shareCards,
        ImageSettings images,
        SecuritySettings security,
        boolean editorialReport,
        boolean searchIndex) {

    public static final String DEFAULT_THEME = "clinic";

    /**
     * Settings with the default {@link BuildLimits}, share cards, responsive images and security, the editorial
     * report and the search index.
     */
    public SiteConfig(String title, String description, String baseUrl, String language, List<String> languages,
            String theme, Map<String, String> permalinks, MarkdownOptions markdown, Map<String, List<MenuEntry>> menus,
            Map<String, Object> params, List<String> taxonomies, int paginate, Map<String, String> sort,
            MedicalSettings medical, ReadabilitySettings readability, GlossarySettings glossary,
            PrivacySettings privacy, Map<String, String> checks) {
        this(title, description, baseUrl, language, languages, theme, permalinks, markdown, menus, params, taxonomies,
                paginate, sort, medical, readability, glossary, privacy, checks, BuildLimits.DEFAULTS,
                ShareCardSettings.defaults(), ImageSettings.defaults(), SecuritySettings.defaults(), true, true);
    }

    /** Whether {@code checks:} turns the rule off: its findings are dropped, and a check all of whose rules are off is not run. */
    public boolean ruleOff(String rule) {
        return "off".equals(checks.get(rule));
    }

    public SiteConfig {
        languages = List.copyOf(languages);
        // Sorted, never Map.copyOf: its iteration order changes from run to run, and templates iterate menus.
        permalinks = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(permalinks));
        menus = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(menus));
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        taxonomies = List.copyOf(taxonomies);
        sort = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(sort));
        checks = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(checks));
    }

    public static final List<String> DEFAULT_TAXONOMIES = List.of("tags", "categories");
    public static final int DEFAULT_PAGINATE = 10;

    /** The path part of {@link #baseUrl}: {@code /} for a site at the root, {@code /clinic/} under a sub-path. */
    public String basePath() {
        int scheme = baseUrl.indexOf("://");
        if (scheme < 0) {
            return baseUrl;
        }
        int slash = baseUrl.indexOf('/', scheme + 3);
        return slash < 0 ? "/" : baseUrl.substring(slash);
    }

    /** Whether {@link #baseUrl} is absolute (needed for canonical URLs, feeds and sitemaps). */
    public boolean hasAbsoluteBaseUrl() {
        return baseUrl.contains("://");
    }
}
