package org.medsite.postprocess;

import org.jsoup.nodes.Document;

/** One change made to every rendered page, after templates and before writing. */
public interface HtmlTransformer {

    /**
     * Changes {@code page} in place.
     *
     * @param sitePath the page's site path ({@code /blog/flu/}), to resolve relative links
     */
    void transform(Document page, String sitePath);
}
