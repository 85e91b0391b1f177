package org.medsite.postprocess;

import java.util.Optional;
import java.util.function.Function;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Adds a page's schema.org JSON-LD to its {@code <head>}, whatever the theme: structured data about
 * authorship and review should not depend on a template remembering it.
 */
public final class JsonLdInjector implements HtmlTransformer {

    private final Function<String, Optional<String>> jsonLdOfSitePath;

    /** @param jsonLdOfSitePath the JSON-LD text of a page by its site path, already safe inside a script */
    public JsonLdInjector(Function<String, Optional<String>> jsonLdOfSitePath) {
        this.jsonLdOfSitePath = jsonLdOfSitePath;
    }

    @Override
    public void transform(Document page, String sitePath) {
        jsonLdOfSitePath.apply(sitePath).ifPresent(json -> {
            Element script = page.head().appendElement("script").attr("type", "application/ld+json");
            script.appendChild(new DataNode(json));
        });
    }
}
