package org.medsite.render;

import java.util.List;

/**
 * A taxonomy as templates see it ({@code site.taxonomies.tags}).
 *
 * @param name its front matter key ({@code tags})
 * @param title its display name ({@code Tags})
 * @param url the link to its terms index
 * @param terms its terms, A to Z
 */
public record TaxonomyView(String name, String title, String url, List<TermView> terms) {

    /**
     * One term.
     *
     * @param name the term
     * @param url the link to its page
     * @param count how many pages carry it
     */
    public record TermView(String name, String url, int count) {
    }
}
