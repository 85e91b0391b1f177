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

    public SearchIndexWriter(Site site) {
        this.site = site;
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
            List<Map<String, Object>> entries = new ArrayList<>();
            for (Page p : pages) {
                if (!SitemapWriter.isIndexed(p)) {
                    continue;
                }
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("title", p.title());
                e.put("url", site.config().basePath() + p.url().substring(1));
                e.put("summary", p.summary());
                e.put("headings", p.toc().stream().map(TocEntry::text).toList());
                e.put("tags", p.tags());
                e.put("section", p.section());
                e.put("lang", p.lang());
                String body = p.plainText();
                e.put("body", body.length() <= MAX_BODY ? body : body.substring(0, Math.max(0, body.lastIndexOf(' ', MAX_BODY))));
                entries.add(e);
            }
            try {
                files.put(path(lang, site.config().language()).substring(1), json.writeValueAsBytes(entries));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("maps of strings always serialize", e);
            }
        }
        return files;
    }
}
