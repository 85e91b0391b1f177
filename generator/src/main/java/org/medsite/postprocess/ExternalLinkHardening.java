package org.medsite.postprocess;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Gives every link to another site {@code rel="noopener noreferrer"}, whether it came from Markdown, raw
 * HTML or a template: the address of the page a patient was reading is health information that the
 * Referer header would otherwise hand to the linked site. Existing {@code rel} values are kept.
 */
public final class ExternalLinkHardening implements HtmlTransformer {

    /** Parsed once: Jsoup parses a selector string again on every call (issue #11). */
    private static final Evaluator EXTERNAL_LINKS = Selector.evaluatorOf(
            "a[href^=http:], a[href^=https:], a[href^=//], area[href^=http:], area[href^=https:]");

    @Override
    public void transform(Document page, String sitePath) {
        for (Element a : page.select(EXTERNAL_LINKS)) {
            String rel = a.attr("rel");
            StringBuilder sb = new StringBuilder(rel.strip());
            for (String token : new String[] {"noopener", "noreferrer"}) {
                if (!(" " + rel + " ").contains(" " + token + " ")) {
                    if (sb.length() > 0) {
                        sb.append(' ');
                    }
                    sb.append(token);
                }
            }
            a.attr("rel", sb.toString());
        }
    }
}
