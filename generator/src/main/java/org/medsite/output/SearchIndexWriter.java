package org.medsite.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medsite.markdown.TocEntry;
import org.medsite.model.Page;
import org.medsite.model.Site;

/**
 * The client-side search index: one compact JSON file per language ({@code /search-index.json},
 * {@code /es/search-index.json}) that the theme's search page loads, so search works offline and no
 * query ever leaves the patient's browser.
 */
public final class SearchIndexWriter {

    /** Body text kept per page: enough to find a page by what it says, small enough for a phone. */
    static final int MAX_BODY = 4000;

    private final Site site;
    private final Entries entries;

    public SearchIndexWriter(Site site) {
        this(site, new Entries());
    }

    /** @param entries the entries of a session's earlier builds, reused for pages that show the same */
    public SearchIndexWriter(Site site, Entries entries) {
        this.site = site;
        this.entries = entries;
    }

    /**
     * Each page's entry as JSON, kept from one build of a dev server's session to the next with what it
     * was made from: serializing the text of thousands of pages on every save was most of the time spent
     * on site files. Not thread-safe; used by one build at a time.
     */
    public static final class Entries {
        private record Kept(List<Object> from, byte[] json) {
        }

        private Map<String, Kept> kept = new java.util.HashMap<>();
        private Map<String, Kept> next = new java.util.HashMap<>();

        private byte[] of(String pageId, List<Object> from, java.util.function.Supplier<byte[]> json) {
            Kept k = kept.get(pageId);
            if (k == null || !k.from().equals(from)) {
                k = new Kept(from, json.get());
            }
            next.put(pageId, k);
            return k.json();
        }

        /** Forgets the entries of pages that are gone. */
        private void done() {
            kept = next;
            next = new java.util.HashMap<>();
        }
    }

    /** The index's site path for a language. */
    public static String path(String lang, String mainLanguage) {
        return (lang.equals(mainLanguage) ? "" : "/" + lang) + "/search-index.json";
    }

    public Map<String, byte[]> write() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String lang : site.config().languages()) {
            List<Page> pages = site.regularPages(lang);
            if (pages.isEmpty()) {
                continue;
            }
            // The array written as Jackson writes it (compact, comma-separated), one kept entry at a time.
            java.io.ByteArrayOutputStream array = new java.io.ByteArrayOutputStream();
            array.write('[');
            boolean first = true;
            for (Page p : pages) {
                if (!SitemapWriter.isIndexed(p)) {
                    continue;
                }
                String url = site.config().basePath() + p.url().substring(1);
                String text = p.plainText();
                String body = text.length() <= MAX_BODY ? text : text.substring(0, Math.max(0, text.lastIndexOf(' ', MAX_BODY)));
                List<String> headings = p.toc().stream().map(TocEntry::text).toList();
                List<Object> from = List.of(p.title(), url, p.summary(), headings, p.tags(), p.section(), p.lang(), body);
                byte[] entry = entries.of(p.id(), from, () -> {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("title", p.title());
                    e.put("url", url);
                    e.put("summary", p.summary());
                    e.put("headings", headings);
                    e.put("tags", p.tags());
                    e.put("section", p.section());
                    e.put("lang", p.lang());
                    e.put("body", body);
                    try {
                        return json.writeValueAsBytes(e);
                    } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                        throw new IllegalStateException("maps of strings always serialize", ex);
                    }
                });
                if (!first) {
                    array.write(',');
                }
                array.writeBytes(entry);
                first = false;
            }
            array.write(']');
            files.put(path(lang, site.config().language()).substring(1), array.toByteArray());
        }
        entries.done();
        return files;
    }
}
