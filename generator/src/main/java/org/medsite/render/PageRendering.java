package org.medsite.render;

import java.util.Map;
import java.util.Set;

/**
 * What rendering one page produced.
 *
 * @param pageId the page's id
 * @param html the HTML of each output file by output path: one, or one per page of a paginated list;
 *     none when its template failed
 * @param reads the {@link TemplateReads} keys its templates read
 */
public record PageRendering(String pageId, Map<String, String> html, Set<String> reads) {

    public PageRendering {
        html = Map.copyOf(html);
        reads = Set.copyOf(reads);
    }
}
