package org.medsite.frontmatter;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The typed front matter of one page: the keys users know from Hugo and Jekyll, plus the page's
 * medical metadata, which is kept by name in {@link #medical} for the medical stage to type and check.
 *
 * @param title page title
 * @param description one-sentence description for search engines and link previews
 * @param date publication date
 * @param lastmod date of the last meaningful change
 * @param draft drafts are left out unless the build includes them
 * @param publishDate the page is left out before this date unless the build includes future pages
 * @param expiryDate the page is left out from this date on
 * @param slug the last URL segment, replacing the one derived from the file name
 * @param url the whole site path of the page, replacing the permalink pattern
 * @param aliases old site paths that should redirect to this page
 * @param tags taxonomy terms
 * @param categories taxonomy terms
 * @param layout a template name to use instead of the default for the page's kind
 * @param weight ordering weight (lower first)
 * @param summary the page's main message in a sentence or two
 * @param image a lead image (page bundle resource or site path)
 * @param lang the page's language, when not given by its file name
 * @param translationKey pages sharing a key are translations of one another
 * @param type the kind of content ({@code condition}, {@code blog}, ...); selects templates
 * @param menus the menus this page adds itself to ({@code menu: main})
 * @param params free values for templates
 * @param medical the medical keys present (author, reviewedBy, lastReviewed, sources, ...), as written
 * @param terms the page's terms in every taxonomy of the site ({@code tags}, {@code categories}, and any the
 *     site declares), by taxonomy
 */
public record FrontMatter(
        Optional<String> title,
        Optional<String> description,
        Optional<OffsetDateTime> date,
        Optional<OffsetDateTime> lastmod,
        boolean draft,
        Optional<OffsetDateTime> publishDate,
        Optional<OffsetDateTime> expiryDate,
        Optional<String> slug,
        Optional<String> url,
        List<String> aliases,
        List<String> tags,
        List<String> categories,
        Optional<String> layout,
        int weight,
        Optional<String> summary,
        Optional<String> image,
        Optional<String> lang,
        Optional<String> translationKey,
        Optional<String> type,
        List<String> menus,
        Map<String, Object> params,
        Map<String, Object> medical,
        Map<String, List<String>> terms) {

    public FrontMatter {
        aliases = List.copyOf(aliases);
        tags = List.copyOf(tags);
        categories = List.copyOf(categories);
        menus = List.copyOf(menus);
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        medical = Collections.unmodifiableMap(new LinkedHashMap<>(medical));
        terms = Collections.unmodifiableMap(new LinkedHashMap<>(terms));
    }

    /** The page's terms in one taxonomy. */
    public List<String> terms(String taxonomy) {
        return terms.getOrDefault(taxonomy, List.of());
    }

    public static FrontMatter empty() {
        return new FrontMatter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(),
                List.of(), Optional.empty(), 0, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), Map.of(), Map.of(), Map.of());
    }
}
