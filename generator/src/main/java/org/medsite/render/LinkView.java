package org.medsite.render;

/**
 * A link for menus, language switchers and lists.
 *
 * @param name the visible text
 * @param url the href: a path with the site's base path, or a full URL
 * @param lang the target's language, when it matters (language switchers); may be null
 * @param external whether it leaves the site
 * @param permalink the full URL when the site's base URL is absolute (for hreflang and canonical links),
 *     else the same as {@code url}
 */
public record LinkView(String name, String url, String lang, boolean external, String permalink) {
}
