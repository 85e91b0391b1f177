package org.medsite.output;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.medsite.config.SiteConfig;

/** Site paths made into full URLs, as feeds, sitemaps and redirects need them. */
final class AbsoluteUrls {

    private final SiteConfig config;
    private final String origin;

    AbsoluteUrls(SiteConfig config) {
        this.config = config;
        String base = config.baseUrl();
        int slash = base.indexOf('/', base.indexOf("://") + 3);
        this.origin = slash < 0 ? base : base.substring(0, slash);
    }

    /** A site path without the base path ({@code /blog/flu/}) as a full URL. */
    String of(String sitePath) {
        return config.baseUrl() + (sitePath.startsWith("/") ? sitePath.substring(1) : sitePath);
    }

    /**
     * Page HTML with its links made absolute: feed readers show entries away from the site, where a
     * link such as {@code /library/flu/} would point nowhere.
     */
    String absolutize(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        for (Element e : doc.select("[href], [src]")) {
            for (String attr : new String[] {"href", "src"}) {
                String v = e.attr(attr);
                if (v.startsWith("/") && !v.startsWith("//")) {
                    e.attr(attr, origin + v);
                }
            }
        }
        return doc.body().html();
    }
}
