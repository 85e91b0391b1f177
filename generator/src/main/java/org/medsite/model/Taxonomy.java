package org.medsite.model;

import java.util.List;

/**
 * One taxonomy of the site in one language, with its terms.
 *
 * @param name the taxonomy's front matter key ({@code tags})
 * @param lang the language
 * @param listPage the index of its terms ({@code /tags/})
 * @param terms its terms, by name
 */
public record Taxonomy(String name, String lang, Page listPage, List<Term> terms) {

    public Taxonomy {
        terms = List.copyOf(terms);
    }

    /**
     * One term and the pages that carry it.
     *
     * @param name the term as first written ({@code Heart health})
     * @param slug its URL segment ({@code heart-health})
     * @param page its list page ({@code /tags/heart-health/})
     * @param pages its pages, in list order
     */
    public record Term(String name, String slug, Page page, List<Page> pages) {

        public Term {
            pages = List.copyOf(pages);
        }
    }
}
