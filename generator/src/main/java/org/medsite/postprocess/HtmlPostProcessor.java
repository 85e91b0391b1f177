package org.medsite.postprocess;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;

/**
 * The post-process stage for one page: parses the rendered HTML once, lets each transformer change it
 * and each inspector read it, and serializes it. Serialization is fixed (no pretty-printing, UTF-8, HTML
 * entities only where required), so the same page always gives the same bytes.
 */
public final class HtmlPostProcessor {

    private final List<HtmlTransformer> transformers;

    public HtmlPostProcessor(List<HtmlTransformer> transformers) {
        this.transformers = List.copyOf(transformers);
    }

    /** The default transformers of a build. */
    public static HtmlPostProcessor standard(ImageDimensions images, JsonLdInjector jsonLd) {
        return new HtmlPostProcessor(List.of(new ExternalLinkHardening(), images, jsonLd));
    }

    public Document parse(String html) {
        Document document = Jsoup.parse(html);
        document.outputSettings()
                .prettyPrint(false)
                .charset("UTF-8")
                .escapeMode(Entities.EscapeMode.base);
        return document;
    }

    public void transform(Document document, String sitePath) {
        for (HtmlTransformer t : transformers) {
            t.transform(document, sitePath);
        }
    }

    public String serialize(Document document) {
        return document.outerHtml();
    }
}
