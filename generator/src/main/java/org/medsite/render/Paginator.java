package org.medsite.render;

import java.util.List;

/**
 * One page of a paginated list ({@code paginator} in list templates): {@code /blog/}, {@code /blog/page/2/}, ...
 *
 * @param pageNumber this page's number, from 1
 * @param totalPages how many pages the list has
 * @param totalItems how many entries the whole list has
 * @param pages the entries on this page
 * @param prev the link to the previous page, or null on the first
 * @param next the link to the next page, or null on the last
 * @param first the link to the first page
 * @param last the link to the last page
 */
public record Paginator(int pageNumber, int totalPages, int totalItems, List<PageView> pages, String prev,
        String next, String first, String last) {

    /** Whether there is more than one page, i.e. whether to show page navigation at all. */
    public boolean isPaginated() {
        return totalPages > 1;
    }
}
