package org.medsite.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.medsite.markdown.TocEntry;
import org.medsite.model.Page;
import org.medsite.model.Site;

/**
 * The client-side search index of each language, which the theme's search page loads, so search works
 * offline and no query ever leaves the patient's browser: a small manifest ({@code /search-index.json},
 * {@code /es/search-index.json}) that lists the index's chunks, each a JSON array of up to
 * {@link #CHUNK_SIZE} pages' entries ({@code /search-index/0.json}, ...; named relative to the manifest).
 *
 * <p>Chunks of a fixed number of pages, rather than one file: a dev server's edit of one page's text
 * rewrites one chunk of a few hundred kilobytes, not an index of many megabytes (12 MB for 4000 pages),
 * and a page that keeps its place keeps every other chunk's bytes. The browser loads the chunks in
 * parallel; the bytes it loads in all are those of one file.
 */
public final class SearchIndexWriter {

    /** Body text kept per page: enough to find a page by what it says, small enough for a phone. */
    static final int MAX_BODY = 4000;

    /** Pages per chunk: about 300 kB of entries for pages of a few screens each. */
    public static final int CHUNK_SIZE = 100;

    private final Site site;
    private final Entries entries;
    private final KeptEntries kept;

    public SearchIndexWriter(Site site) {
        this(site, new Entries());
    }

    /** @param entries the entries of a session's earlier builds, reused for pages that show the same */
    public SearchIndexWriter(Site site, Entries entries) {
        this(site, entries, KeptEntries.NONE);
    }

    /** @param kept where a one-off build keeps each page's entry across runs */
    public SearchIndexWriter(Site site, KeptEntries kept) {
        this(site, new Entries(), kept);
    }

    private SearchIndexWriter(Site site, Entries entries, KeptEntries kept) {
        this.site = site;
        this.entries = entries;
        this.kept = kept;
    }

    /**
     * Where a one-off build keeps each page's entry across runs (its page cache): serializing every page's
     * text was most of what a one-page rebuild spent on the index (issue #11). An entry shows the page
     * record and the base path (settings) only.
     */
    public interface KeptEntries {
        /** Makes every entry. */
        KeptEntries NONE = (page, make) -> make.get();

        /** The entry of {@code page}: kept, or made by {@code make}. */
        byte[] entry(Page page, java.util.function.Supplier<byte[]> make);
    }

    /**
     * Each page's entry as JSON, kept from one build of a dev server's session to the next with what it
     * was made from: serializing the text of thousands of pages on every save was most of the time spent
     * on site files. Not thread-safe; used by one build at a time.
     */
    public static final class Entries {
        /** An entry, with the page record and the values it was made from. */
        private record Kept(Page page, List<Object> from, byte[] json) {
        }

        /** One language's index as last written: its pages in order, their entries, the chunks and the manifest. */
        private record Index(List<Page> pages, List<byte[]> entries, List<byte[]> chunks, byte[] manifest) {
        }

        private Map<String, Kept> kept = new java.util.HashMap<>();
        private Map<String, Kept> next = new java.util.HashMap<>();
        private final Map<String, Index> indexes = new java.util.HashMap<>();
        private Site site;
        private Site patchedFrom;
        private Map<String, Page> swapped = Map.of();

        /**
         * The next site is {@code from} with {@code pages} swapped in, each standing in the same place (see
         * {@code model.KeptSite}): when {@code from} is the site last written, each language's pages keep
         * their order and only the swapped ones' entries are looked at.
         */
        public void patched(Site from, List<Page> pages) {
            patchedFrom = from;
            swapped = new java.util.HashMap<>();
            pages.forEach(p -> swapped.put(p.id(), p));
        }

        private byte[] of(Page page, java.util.function.Supplier<List<Object>> from,
                java.util.function.Function<List<Object>, byte[]> json) {
            Kept k = kept.get(page.id());
            if (k == null || k.page() != page) {
                List<Object> values = from.get();
                k = k != null && k.from().equals(values) ? new Kept(page, values, k.json())
                        : new Kept(page, values, json.apply(values));
            }
            next.put(page.id(), k);
            return k.json();
        }

        /** The pages of a language in index order: the last ones with the swapped pages in, when patched. */
        private Optional<List<Page>> keptOrder(Site now, String lang) {
            Index last = indexes.get(lang);
            if (site == null || patchedFrom != site || last == null) {
                return Optional.empty();
            }
            return Optional.of(last.pages().stream().map(p -> swapped.getOrDefault(p.id(), p)).toList());
        }

        /** Forgets the entries of pages that are gone. */
        private void done(Site now) {
            kept = next;
            next = new java.util.HashMap<>();
            site = now;
            patchedFrom = null;
            swapped = Map.of();
        }
    }

    /** The index's site path for a language: its manifest. */
    public static String path(String lang, String mainLanguage) {
        return (lang.equals(mainLanguage) ? "" : "/" + lang) + "/search-index.json";
    }

    /** A chunk's name, relative to the folder of its manifest. */
    static String chunkName(int chunk) {
        return "search-index/" + chunk + ".json";
    }

    public Map<String, byte[]> write() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        Set<String> languages = new java.util.HashSet<>();
        for (String lang : site.config().languages()) {
            Optional<List<Page>> keptOrder = entries.keptOrder(site, lang);
            // A patched site's unchanged pages are the very records the entries were made from.
            List<Page> pages;
            if (keptOrder.isPresent()) {
                pages = keptOrder.get();
            } else {
                List<Page> regular = site.regularPages(lang);
                if (regular.isEmpty()) {
                    continue;
                }
                pages = regular.stream().filter(SitemapWriter::isIndexed).toList();
            }
            languages.add(lang);
            List<byte[]> parts = new ArrayList<>(pages.size());
            for (Page p : pages) {
                parts.add(entries.of(p, () -> from(p), from -> kept.entry(p, () -> entry(json, from))));
            }
            Entries.Index last = entries.indexes.get(lang);
            List<byte[]> chunks = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int from = 0, chunk = 0; from < parts.size(); from += CHUNK_SIZE, chunk++) {
                int to = Math.min(parts.size(), from + CHUNK_SIZE);
                // A chunk whose entries are the last build's keeps its bytes: the writer sees it unchanged at once.
                boolean same = last != null && last.chunks().size() > chunk
                        && Math.min(last.entries().size(), from + CHUNK_SIZE) == to
                        && sameArrays(last.entries().subList(from, to), parts.subList(from, to));
                chunks.add(same ? last.chunks().get(chunk) : array(parts.subList(from, to)));
                names.add(chunkName(chunk));
            }
            byte[] manifest = manifest(json, pages.size(), names);
            if (last != null && java.util.Arrays.equals(last.manifest(), manifest)) {
                manifest = last.manifest();
            }
            entries.indexes.put(lang, new Entries.Index(pages, parts, List.copyOf(chunks), manifest));
            String path = path(lang, site.config().language()).substring(1);
            files.put(path, manifest);
            String folder = path.substring(0, path.length() - "search-index.json".length());
            for (int i = 0; i < chunks.size(); i++) {
                files.put(folder + names.get(i), chunks.get(i));
            }
        }
        entries.indexes.keySet().retainAll(languages);
        entries.done(site);
        return files;
    }

    /** The manifest: how many pages the index has, and its chunks in order. */
    private static byte[] manifest(ObjectMapper json, int pages, List<String> chunks) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pages", pages);
        m.put("chunks", chunks);
        try {
            return json.writeValueAsBytes(m);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException("a map of a number and strings always serializes", ex);
        }
    }

    /** What a page's entry shows: title, link, summary, headings, tags, section, language and body text. */
    private List<Object> from(Page p) {
        String url = site.config().basePath() + p.url().substring(1);
        String text = p.plainText();
        String body = text.length() <= MAX_BODY ? text : text.substring(0, Math.max(0, text.lastIndexOf(' ', MAX_BODY)));
        List<String> headings = p.toc().stream().map(TocEntry::text).toList();
        return List.of(p.title(), url, p.summary(), headings, p.tags(), p.section(), p.lang(), body);
    }

    private static byte[] entry(ObjectMapper json, List<Object> from) {
        Map<String, Object> e = new LinkedHashMap<>();
        String[] names = {"title", "url", "summary", "headings", "tags", "section", "lang", "body"};
        for (int i = 0; i < names.length; i++) {
            e.put(names[i], from.get(i));
        }
        try {
            return json.writeValueAsBytes(e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException("maps of strings always serialize", ex);
        }
    }

    /** The entries as a JSON array, as Jackson writes one (compact, comma-separated). */
    private static byte[] array(List<byte[]> parts) {
        int size = 2 + Math.max(0, parts.size() - 1);
        for (byte[] part : parts) {
            size += part.length;
        }
        byte[] file = new byte[size];
        int at = 0;
        file[at++] = '[';
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                file[at++] = ',';
            }
            System.arraycopy(parts.get(i), 0, file, at, parts.get(i).length);
            at += parts.get(i).length;
        }
        file[at] = ']';
        return file;
    }

    private static boolean sameArrays(List<byte[]> a, List<byte[]> b) {
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }
}
