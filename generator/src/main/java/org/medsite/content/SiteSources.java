package org.medsite.content;

import java.util.List;

/**
 * Everything the discover stage found in a site folder, in a stable order.
 *
 * @param pages Markdown sources, sorted by path
 * @param staticFiles files from {@code static/} and non-Markdown files from {@code content/}
 * @param layoutsDir whether the site has its own {@code layouts/}
 */
public record SiteSources(List<ContentSource> pages, List<StaticFile> staticFiles, boolean layoutsDir) {

    public SiteSources {
        pages = List.copyOf(pages);
        staticFiles = List.copyOf(staticFiles);
    }
}
