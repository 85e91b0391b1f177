package org.medsite.check;

import java.util.List;
import org.jsoup.nodes.Document;
import org.medsite.postprocess.PageElements;

/**
 * A page after rendering, as checks see it.
 *
 * @param outputPath its file, relative to the output folder
 * @param url its site path
 * @param origin the file to name in findings: the page's Markdown file, else the output path
 * @param document its parsed HTML (read-only for checks)
 * @param body the page's Markdown body as written ({@code ""} for a generated page), to find the line of
 *     what the rendered page shows
 * @param bodyLine the file line on which {@code body} starts
 * @param elements the document's elements, listed once for all checks (issue #11)
 */
public record RenderedPage(String outputPath, String url, String origin, Document document, String body,
        int bodyLine, PageElements elements) {

    public RenderedPage(String outputPath, String url, String origin, Document document, String body, int bodyLine) {
        this(outputPath, url, origin, document, body, bodyLine, PageElements.of(document));
    }

    /** A page whose findings name its file only. */
    public RenderedPage(String outputPath, String url, String origin, Document document) {
        this(outputPath, url, origin, document, "", 0);
    }

    /**
     * The file line of the first body line holding all of {@code parts} (raw HTML written in the Markdown,
     * such as an {@code <iframe>} and its address), or 0 when the body has none: the element then came
     * from a template, and the finding names the file only.
     */
    public int lineOf(String... parts) {
        List<String> lines = body.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean all = parts.length > 0;
            for (String part : parts) {
                all &= !part.isEmpty() && line.contains(part);
            }
            if (all) {
                return bodyLine + i;
            }
        }
        return 0;
    }
}
