package org.medsite.postprocess;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Gives every link to another site {@code rel="noopener noreferrer"}, whether it came from Markdown, raw
 * HTML or a template: the address of the page a patient was reading is health information that the
 * Referer header would otherwise hand to the linked site. Existing {@code rel} values are kept.
 */
public final class ExternalLinkHardening implements HtmlTransformer {

    @Override
    public void transform(Document page, String sitePath) {
        for (Element a : page.select("a[href^=http:], a[href^=https:], a[href^=//], area[href^=http:], area[href^=https:]")) {
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
