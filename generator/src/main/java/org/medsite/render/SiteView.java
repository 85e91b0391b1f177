package org.medsite.render;

import java.util.List;
import java.util.Map;

/**
 * The site as templates see it (the {@code site} variable), in the language of the page being rendered.
 *
 * @param title the site's name
 * @param description one sentence about the site
 * @param baseUrl where the site is published ({@code https://example.org/clinic/} or {@code /})
 * @param basePath the path part of the base URL ({@code /clinic/} or {@code /})
 * @param language the page's language
 * @param mainLanguage the site's main language
 * @param languages every language of the site
 * @param home the home page of this language
 * @param pages the regular pages of this language, newest first
 * @param sections the sections of this language, by folder
 * @param menus the menus by name, with links ready to print
 * @param params free settings from {@code site.yaml}
 * @param data the contents of {@code data/}
 * @param pagesByPath every page of this language by its site path without the base path ({@code /about/})
 * @param taxonomies the taxonomies of this language by name ({@code site.taxonomies.tags})
 * @param feeds the site-wide feeds of this language
 * @param medical the site's medical settings: disclaimer, emergency notice, editorial policy, review cycle
 * @param glossary the glossary of this language from A to Z (empty without {@code data/glossary.yaml}),
 *     for a glossary page
 */
public record SiteView(
        String title,
        String description,
        String baseUrl,
        String basePath,
        String language,
        String mainLanguage,
        List<String> languages,
        PageView home,
        List<PageView> pages,
        Map<String, SectionView> sections,
        Map<String, List<LinkView>> menus,
        Map<String, Object> params,
        Map<String, Object> data,
        Map<String, PageView> pagesByPath,
        Map<String, TaxonomyView> taxonomies,
        List<FeedLink> feeds,
        MedicalSettingsView medical,
        List<GlossaryTermView> glossary) {

    /** The section of a folder ({@code site.section("blog")}), or null. */
    public SectionView section(String folder) {
        return sections.get(folder);
    }

    /**
     * The page at a site path ({@code site.page("/editorial-policy/")}), or null: lets a theme link to a
     * page only when the site has it.
     */
    public PageView page(String sitePath) {
        String path = sitePath.startsWith("/") ? sitePath : "/" + sitePath;
        PageView found = pagesByPath.get(path);
        return found != null || path.endsWith("/") || path.endsWith(".html") ? found : pagesByPath.get(path + "/");
    }
}
