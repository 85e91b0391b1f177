package org.medsite.output;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medsite.model.Page;
import org.medsite.model.PageKind;
import org.medsite.model.Site;

/**
 * {@code sitemap.xml} (sitemaps.org 0.9) with {@code lastmod} and, for translated pages,
 * {@code xhtml:link} alternates. A multilingual site gets one sitemap per language and a sitemap index at
 * {@code /sitemap.xml}. Pages that ask not to be indexed ({@code params.noindex: true}) and the
 * not-found page are left out.
 */
public final class SitemapWriter {

    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    private final Site site;
    private final AbsoluteUrls urls;

    public SitemapWriter(Site site) {
        this.site = site;
        this.urls = new AbsoluteUrls(site.config());
    }

    /** The path of the sitemap robots.txt should point to. */
    public static String path() {
        return "/sitemap.xml";
    }

    /**
     * The sitemaps of a dev server's session, kept from one build to the next: a sitemap shows only what
     * decides a page's place in the site (URL, dates, translations, indexing), which a site patched from the
     * last one (see {@code model.KeptSite}) leaves as it was. Used by one build at a time.
     */
    public static final class Kept {
        private Site site;
        private Map<String, byte[]> files;

        /** @param patchedFrom the site {@code now} was patched from, or null */
        public Map<String, byte[]> write(Site now, Site patchedFrom) {
            if (files == null || site != now && site != patchedFrom) {
                files = new SitemapWriter(now).write();
            }
            site = now;
            return files;
        }
    }

    public Map<String, byte[]> write() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<String> languages = site.config().languages().stream().filter(l -> site.home(l).isPresent()).toList();
        if (languages.size() <= 1) {
            files.put("sitemap.xml", urlset(site.config().language()));
            return files;
        }
        for (String lang : languages) {
            files.put("sitemap-" + lang + ".xml", urlset(lang));
        }
        files.put("sitemap.xml", Xml.document(w -> {
            w.writeStartElement("sitemapindex");
            w.writeDefaultNamespace(NS);
            for (String lang : languages) {
                w.writeStartElement("sitemap");
                Xml.element(w, "loc", urls.of("/sitemap-" + lang + ".xml"));
                w.writeEndElement();
            }
            w.writeEndElement();
        }).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private byte[] urlset(String lang) {
        return Xml.document(w -> {
            w.writeStartElement("urlset");
            w.writeDefaultNamespace(NS);
            w.writeNamespace("xhtml", XHTML);
            for (Page p : site.pages()) {
                if (!p.lang().equals(lang) || !isIndexed(p)) {
                    continue;
                }
                w.writeStartElement("url");
                Xml.element(w, "loc", urls.of(p.url()));
                if (p.lastmod().isPresent()) {
                    Xml.element(w, "lastmod", p.lastmod().get().withOffsetSameInstant(ZoneOffset.UTC)
                            .toLocalDate().toString());
                }
                List<Page> translations = site.translations(p);
                if (!translations.isEmpty()) {
                    alternate(w, p);
                    for (Page t : translations) {
                        alternate(w, t);
                    }
                }
                w.writeEndElement();
            }
            w.writeEndElement();
        }).getBytes(StandardCharsets.UTF_8);
    }

    private void alternate(javax.xml.stream.XMLStreamWriter w, Page p) throws javax.xml.stream.XMLStreamException {
        w.writeEmptyElement("xhtml", "link", XHTML);
        w.writeAttribute("rel", "alternate");
        w.writeAttribute("hreflang", p.lang());
        w.writeAttribute("href", urls.of(p.url()));
    }

    static boolean isIndexed(Page p) {
        return p.kind() != PageKind.NOT_FOUND && !Boolean.TRUE.equals(p.frontMatter().params().get("noindex"));
    }
}
