package org.medsite.check;

import org.jsoup.nodes.Document;

/**
 * A page after rendering, as checks see it.
 *
 * @param outputPath its file, relative to the output folder
 * @param url its site path
 * @param origin the file to name in findings: the page's Markdown file, else the output path
 * @param document its parsed HTML (read-only for checks)
 */
public record RenderedPage(String outputPath, String url, String origin, Document document) {
}
