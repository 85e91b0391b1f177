package org.medsite.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.medsite.cache.CheckedEntry;
import org.medsite.cache.ContentDigest;
import org.medsite.cache.FinishedEntry;
import org.medsite.cache.MarkdownEntry;
import org.medsite.cache.PageCache;
import org.medsite.cache.ParsedEntry;
import org.medsite.cache.RenderedEntry;
import org.medsite.cache.TextEntry;
import org.medsite.content.ContentSource;
import org.medsite.diagnostics.Finding;
import org.medsite.diagnostics.FindingCollector;
import org.medsite.frontmatter.ParsedSource;
import org.medsite.markdown.LinkTargets;
import org.medsite.markdown.RenderedMarkdown;
import org.medsite.model.Page;
import org.medsite.model.PageSource;
import org.medsite.model.Site;
import org.medsite.output.AtomicSiteWriter;
import org.medsite.output.EditorialReport;
import org.medsite.output.OutputFolder;
import org.medsite.output.OutputPlan;
import org.medsite.output.SearchIndexWriter;
import org.medsite.postprocess.PageSources;
import org.medsite.render.PageRendering;
import org.medsite.render.ReadValues;
import org.medsite.render.TemplateReads;
import org.medsite.text.SourceText;

/**
 * Where the pipeline's per-page stages look up and keep their results in the {@link PageCache} of a
 * one-off build (issue #11), and what each result's key is made of. A key is the digest of everything the
 * stage reads for that page: its own input (source text, Markdown body and the front matter the renderer
 * reads, rendered HTML), and the build's {@link BuildCache.Fingerprint#settings()} (settings, data, the
 * code and themes on the class path), which stands for everything else it may read. What a stage looks up
 * while it runs (link targets) is kept with the result and compared on reuse.
 *
 * <p>{@link #NONE} (sessions, which keep their results in memory, and checks) looks nothing up and keeps nothing.
 */
final class CachedStages {

    static final CachedStages NONE = new CachedStages(Optional.empty(), "", "", Map.of(), "", Path.of(""));

    private final Optional<PageCache> cache;
    private final String settings;
    /** The copied images' digest: a finished page reads their sizes, and no other copied file's bytes. */
    private final String images;
    private final Map<Path, String> sources;
    /** What every page's template output depends on besides the values its templates read. */
    private final String renderContext;
    private final Path outputDir;
    /** The parse key of each source parsed in this build, by content path. */
    private final Map<String, String> parsedKeys = new ConcurrentHashMap<>();
    private final Map<String, PageHash> pageHashes = new ConcurrentHashMap<>();
    /** What each page's record was made from in this build, by page id, where its Markdown has an entry hash. */
    private final Map<String, PageParts> pageParts = new ConcurrentHashMap<>();
    /** The hashes of each page's template output, by page id, where this build took or made its rendered entry. */
    private final Map<String, RenderedHashes> renderedHashes = new ConcurrentHashMap<>();
    private volatile Map<String, AtomicSiteWriter.Recorded> manifest;
    /** The finished pages taken from the cache without their bytes: what the manifest records of each, by path. */
    private final Map<String, AtomicSiteWriter.Recorded> unchanged = new ConcurrentHashMap<>();

    private CachedStages(Optional<PageCache> cache, String settings, String images, Map<Path, String> sources,
            String renderContext, Path outputDir) {
        this.cache = cache;
        this.settings = settings;
        this.images = images;
        this.sources = sources;
        this.renderContext = renderContext;
        this.outputDir = outputDir;
    }

    /** @param today the build's day: views show whether a page's review is due */
    static CachedStages of(PageCache cache, BuildCache.Fingerprint fingerprint, LocalDate today, Path outputDir) {
        // Templates reach settings, data files and themes (all in settings), the site's own templates and
        // theme strings, and the day, besides the site's pages, whose values the reads stand for.
        return new CachedStages(Optional.of(cache), fingerprint.settings(), fingerprint.images(),
                fingerprint.sources(), ContentDigest.of(fingerprint.settings(), "rendered", fingerprint.templates(),
                        today.toString()), outputDir);
    }

    Optional<PageCache> cache() {
        return cache;
    }

    /** Parses a source's text (front matter and body), reporting its problems. */
    interface Parse {
        Optional<ParsedSource> parse(String text, FindingCollector findings);
    }

    /**
     * A source read and parsed into front matter and body: from the cache when the file's hash (taken by the
     * fingerprint) is that of a cached parse, without reading the file; else read and parsed by {@code parse}.
     */
    Optional<ParsedSource> parsed(ContentSource source, FindingCollector findings, Parse parse) throws IOException {
        if (cache.isEmpty()) {
            return SourceText.read(source.file(), source.displayName(), findings).flatMap(t -> parse.parse(t, findings));
        }
        String fingerprinted = sources.get(source.file().toAbsolutePath().normalize());
        if (fingerprinted != null) {
            String key = parsedKey(source, fingerprinted);
            Optional<ParsedEntry> hit = cache.get().use(PageCache.Kind.PARSED, key, ParsedEntry.class, Optional::of);
            if (hit.isPresent()) {
                parsedKeys.put(source.path(), key);
                hit.get().findings().forEach(findings::add);
                return hit.get().parsed();
            }
        }
        if (Files.size(source.file()) > SourceText.MAX_BYTES) {
            // Too large to read: SourceText says so, and there is nothing to keep.
            return SourceText.read(source.file(), source.displayName(), findings).flatMap(t -> parse.parse(t, findings));
        }
        // Keyed by the bytes read here, which may differ from the fingerprint's if the file changed since.
        byte[] bytes = Files.readAllBytes(source.file());
        String key = parsedKey(source, ContentDigest.hash(bytes));
        FindingCollector own = new FindingCollector();
        ParsedEntry entry = new ParsedEntry(SourceText.decode(bytes, source.displayName(), own)
                .flatMap(t -> parse.parse(t, own)), own.sorted());
        cache.get().put(PageCache.Kind.PARSED, key, entry);
        parsedKeys.put(source.path(), key);
        entry.findings().forEach(findings::add);
        return entry.parsed();
    }

    private String parsedKey(ContentSource source, String hash) {
        return ContentDigest.of(settings, "parsed", source.displayName(), hash);
    }

    /** A page's rendered Markdown: from the cache while its link targets resolve the same way, else by {@code render}. */
    StageResults.Markdown markdown(PageSource p, LinkTargets targets, Supplier<StageResults.Markdown> render) {
        if (cache.isEmpty()) {
            return render.get();
        }
        // What renderMarkdown reads of the page (body, front matter, medical metadata, language) is made from
        // the source's bytes, its place and the settings alone: the parse key stands for all of it.
        String parsedKey = parsedKeys.get(p.source().path());
        if (parsedKey == null) {
            return render.get();
        }
        String key = ContentDigest.of(settings, "markdown", parsedKey, p.source().toString());
        Optional<StageResults.Markdown> hit = cache.get().use(PageCache.Kind.MARKDOWN, key, MarkdownEntry.class,
                entry -> Optional.of(new StageResults.Markdown(p, entry.rendered(), entry.findings(), entry.pageLinks(),
                        entry.resourceLinks())).filter(cached -> Pipeline.stillValid(cached, p, targets)));
        if (hit.isPresent()) {
            keepParts(p, parsedKey, hit.get().rendered(), cache.get().entryHash(PageCache.Kind.MARKDOWN, key));
            return hit.get();
        }
        StageResults.Markdown rendered = render.get();
        cache.get().put(PageCache.Kind.MARKDOWN, key, new MarkdownEntry(rendered.rendered(), rendered.findings(),
                rendered.pageLinks(), rendered.resourceLinks()))
                .ifPresent(entryHash -> keepParts(p, parsedKey, rendered.rendered(), entryHash));
        return rendered;
    }

    private void keepParts(PageSource source, String parsedKey, RenderedMarkdown rendered, String markdownEntry) {
        if (markdownEntry != null) {
            pageParts.put(source.id(), new PageParts(source, parsedKey, rendered, markdownEntry));
        }
    }

    /**
     * What a written page's record is made of ({@code SiteAssembler.page}: its source, its URL and its rendered
     * Markdown), each named by a hash this build has already: the parse key (the source's bytes, place and the
     * settings) and the Markdown entry's hash (its exact encoded value, which the key alone does not name: an
     * entry is replaced under the same key when a link's target changed).
     */
    private record PageParts(PageSource source, String parsedKey, RenderedMarkdown rendered, String markdownEntry) {

        /** The page record copies its lists, but not their elements. */
        private static boolean sameElements(List<?> a, List<?> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i) != b.get(i)) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The hash of {@code page} from its parts, when it is the record made from them (the same instances of
         * its source's and its Markdown's parts, which only {@code SiteAssembler.page} puts together); else empty.
         */
        Optional<String> hashOf(Page page) {
            if (!madeFrom(page)) {
                return Optional.empty();
            }
            // The URL is the one part planned from other pages; the record's other values follow from these.
            return Optional.of(ContentDigest.of("page from parts", parsedKey, source.source().toString(),
                    markdownEntry, page.url()));
        }

        private boolean madeFrom(Page page) {
            return page.body() == source.body() && page.frontMatter() == source.frontMatter()
                    && page.medical() == source.medical() && page.contentHtml() == rendered.html()
                    && page.plainText() == rendered.plainText() && page.readability() == rendered.readability()
                    && page.glossary() == rendered.glossary() && sameElements(page.toc(), rendered.toc())
                    && sameElements(page.cited(), rendered.cited());
        }
    }

    /**
     * What every finished page depends on besides its own HTML: settings, the images copied as they are
     * (their sizes, and their responsive copies' widths), every output path (the link check), and what the
     * site's stylesheets load (the policy). The other copied files' bytes are read by no post-processing step
     * (a session's save looks at changed pages alone unless an image changed, for the same reason): with them
     * in the key, editing one file in static/ finished every page again.
     */
    String finishedSite(Collection<String> allPaths, PageSources stylesheetSources) {
        if (cache.isEmpty()) {
            return "";
        }
        ContentDigest digest = new ContentDigest().text(settings).text("finished").text(images)
                .text(stylesheetSources.toString());
        new TreeSet<>(allPaths).forEach(digest::text);
        return digest.hex();
    }

    /**
     * The key of one finished page: the site's part and the page's own inputs (empty without a cache). The
     * template output is named by its hash as its rendered entry keeps it, where it is that entry's HTML, and
     * the Markdown body the page checks read by the page record's hash where the record is made from its
     * parts; else each is hashed here. Hashing a thousand pages' HTML and bodies as text was megabytes of a
     * one-page rebuild's hashing and heap (issue #11).
     */
    String finishedKey(String site, String path, Page page, String origin, boolean check, String html,
            Supplier<Optional<String>> jsonLd) {
        if (cache.isEmpty()) {
            return "";
        }
        RenderedHashes rendered = renderedHashes.get(page.id());
        String htmlHash = rendered != null && rendered.html().get(path) == html ? rendered.hashes().get(path) : null;
        // The record's hash from its parts, as the checks already worked it out (not hashed again per file).
        PageHash known = pageHashOf(page);
        Optional<String> record = known.fromParts() ? known.hash() : Optional.empty();
        // Each part is length-prefixed, and a tag says what the next ones are: the two forms never meet.
        return ContentDigest.of(site, path, page.url(), origin, String.valueOf(check),
                htmlHash != null ? htmlHash : ContentDigest.of(html),
                record.isPresent() ? "page from parts" : "body", record.isPresent() ? record.get() : page.body(),
                record.isPresent() ? "" : String.valueOf(page.bodyLine()), jsonLd.get().orElse("\u0000"));
    }

    /** A page's template output as its rendered entry holds it, and the hash of each output file's HTML. */
    private record RenderedHashes(Map<String, String> html, Map<String, String> hashes) {
    }

    /**
     * A finished page from the cache, when the output folder (where the last build wrote it) still holds what
     * that build made. Where the output manifest records the file with the hash the page had, and the file
     * has the size it records, the page is taken without its bytes ({@link #unchanged}): the writer trusts
     * the manifest and the size alike, and reading a thousand files back to hash them was a tenth of a
     * one-page rebuild's time in the stages (issue #11). Else the bytes are read back and used only while
     * they hash to what that build made.
     */
    Optional<StageResults.Finished> finished(String key, String path, String html, boolean check,
            PageSources stylesheetSources) {
        if (cache.isEmpty()) {
            return Optional.empty();
        }
        return cache.get().use(PageCache.Kind.FINISHED, key, FinishedEntry.class, entry -> {
            Path file = outputDir.resolve(path).normalize();
            try {
                AtomicSiteWriter.Recorded recorded = manifest().get(path);
                if (file.startsWith(outputDir) && recorded != null && recorded.hash().equals(entry.hash())) {
                    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS);
                    if (attributes.isRegularFile() && attributes.size() == recorded.size()) {
                        unchanged.put(path, recorded);
                        return Optional.of(new StageResults.Finished(html, check, "", null, entry.findings(),
                                entry.sources(), stylesheetSources));
                    }
                }
                if (file.startsWith(outputDir) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    byte[] bytes = Files.readAllBytes(file);
                    if (ContentDigest.hash(bytes).equals(entry.hash())) {
                        // No text: only a session reads it, and sessions do not use this cache.
                        return Optional.of(new StageResults.Finished(html, check, "", bytes, entry.findings(),
                                entry.sources(), stylesheetSources));
                    }
                }
            } catch (IOException e) {
                // Unreadable now: made again, like any other miss.
            }
            return Optional.empty();
        });
    }

    /**
     * The per-page site checks' findings about {@code page}: from the cache when the page is equal to one
     * checked before on the same day (the key is the hash of the whole page record, and the settings, which
     * stand for the data and people the checks read), else by {@code check}.
     */
    List<Finding> checked(Page page, LocalDate today, Supplier<List<Finding>> check) {
        if (cache.isEmpty()) {
            return check.get();
        }
        Optional<String> pageHash = pageHash(page);
        if (pageHash.isEmpty()) {
            return check.get();
        }
        String key = ContentDigest.of(settings, "checked", today.toString(), pageHash.get());
        Optional<List<Finding>> hit = cache.get().use(PageCache.Kind.CHECKED, key, CheckedEntry.class,
                entry -> Optional.of(entry.findings()));
        if (hit.isPresent()) {
            return hit.get();
        }
        List<Finding> found = check.get();
        cache.get().put(PageCache.Kind.CHECKED, key, new CheckedEntry(found));
        return found;
    }

    /**
     * The hash of what a list of template reads stands for in one site: each key with the hash of its value
     * ({@link ReadValues}), worked out once per key. Template keys stand for nothing here: the
     * templates are part of the render context. A page's body key stands for the hash of the whole page
     * record, which the checks took already: more than the body, so at worst a page that shows another's
     * text is rendered again when only the other's title changed, and the text is not encoded twice. A
     * page's view key stands for the hash of its own values (kept by the record's hash) and of what it shows
     * of other pages, so an unchanged page's components are not read at all.
     */
    final class ReadHashes {

        private final PageCache cache;
        private final ReadValues values;
        private final Map<String, Page> bodies = new java.util.HashMap<>();
        private final Map<String, Page> views = new java.util.HashMap<>();
        private final Map<String, Optional<String>> hashes = new ConcurrentHashMap<>();

        private ReadHashes(PageCache cache, List<Page> pages, ReadValues values) {
            this.cache = cache;
            this.values = values;
            pages.forEach(p -> {
                bodies.put(TemplateReads.pageBody(p.id()), p);
                views.put(TemplateReads.page(p.id()), p);
            });
        }

        /** Empty when a value cannot be hashed (it cannot be encoded): the page is then rendered. */
        Optional<String> of(Collection<String> sortedReads) {
            ContentDigest digest = new ContentDigest();
            for (String key : sortedReads) {
                Optional<String> hash = hashes.computeIfAbsent(key, this::hash);
                if (hash.isEmpty()) {
                    return Optional.empty();
                }
                digest.text(key).text(hash.get());
            }
            return Optional.of(digest.hex());
        }

        private Optional<String> hash(String key) {
            if (key.startsWith(TemplateReads.template(""))) {
                return Optional.of("");
            }
            Page body = bodies.get(key);
            if (body != null) {
                return pageHash(body).map(hash -> "page " + hash);
            }
            Page viewed = views.get(key);
            if (viewed != null) {
                Optional<String> own = ownHash(viewed);
                if (own.isPresent()) {
                    return cache.hashOf(values.shownOfOthers(viewed)).map(others -> "view " + own.get() + " " + others);
                }
            }
            Object value = values.get(key);
            // A key that stands for nothing (a page that went) differs from every value a key can have.
            if (value == null) {
                return Optional.of("\u0000absent");
            }
            return cache.hashOf(value);
        }

        /**
         * The hash of a page's own values ({@link ReadValues#own}): kept by the page record's hash, as they
         * depend on the record alone, so that an unchanged page's are not read or encoded again (issue #11).
         */
        private Optional<String> ownHash(Page page) {
            Optional<String> pageHash = pageHash(page);
            if (pageHash.isEmpty()) {
                return Optional.empty();
            }
            String key = ContentDigest.of(settings, "view", pageHash.get());
            Optional<String> hit = cache.use(PageCache.Kind.VIEW, key, TextEntry.class, entry -> Optional.of(entry.text()));
            if (hit.isPresent()) {
                return hit;
            }
            Optional<String> made = cache.hashOf(ReadValues.own(page));
            made.ifPresent(hash -> cache.put(PageCache.Kind.VIEW, key, new TextEntry(hash)));
            return made;
        }
    }

    /** What the reads of a site's pages stand for in that site, worked out key by key as asked for. */
    ReadHashes readHashes(Site site) {
        return cache.isPresent() ? new ReadHashes(cache.get(), site.pages(), new ReadValues(site))
                : new ReadHashes(null, List.of(), null);
    }

    /**
     * A page's template output from the cache, when the values its templates read when it was cached (and
     * the render context: settings, templates, the day) are the same in this build.
     */
    Optional<StageResults.Rendered> rendered(Page page, ReadHashes reads) {
        if (cache.isEmpty()) {
            return Optional.empty();
        }
        String key = renderedKey(page.id());
        Optional<StageResults.Rendered> hit = cache.get().use(PageCache.Kind.RENDERED, key, RenderedEntry.class,
                entry -> reads.of(entry.reads()).filter(entry.readsHash()::equals).map(hash -> {
                    renderedHashes.put(page.id(), new RenderedHashes(entry.html(), entry.htmlHashes()));
                    return new StageResults.Rendered(new PageRendering(page.id(), entry.html(),
                            new java.util.HashSet<>(entry.reads())), entry.findings());
                }));
        return hit;
    }

    /** Keeps a page's template output made by this build, with what its reads stand for in this build's site. */
    void keepRendered(StageResults.Rendered rendered, ReadHashes reads) {
        if (cache.isEmpty()) {
            return;
        }
        List<String> sorted = new java.util.ArrayList<>(new TreeSet<>(rendered.rendering().reads()));
        PageRendering rendering = rendered.rendering();
        Map<String, String> htmlHashes = new java.util.TreeMap<>();
        rendering.html().forEach((path, html) -> htmlHashes.put(path, ContentDigest.of(html)));
        renderedHashes.put(rendering.pageId(), new RenderedHashes(rendering.html(), htmlHashes));
        reads.of(sorted).ifPresent(hash -> cache.get().put(PageCache.Kind.RENDERED, renderedKey(rendering.pageId()),
                new RenderedEntry(sorted, hash, rendering.html(), htmlHashes, rendered.findings())));
    }

    private String renderedKey(String pageId) {
        return ContentDigest.of(renderContext, pageId);
    }

    /**
     * The hash of a page record, worked out once per page: the per-page site checks, the search index entry
     * and the report's rows are each keyed by it. A written page's is made from the hashes of its parts
     * ({@link PageParts}); a page made otherwise (a generated list, or one whose Markdown could not be kept)
     * is hashed by encoding the whole record (issue #11: encoding a thousand records was a tenth of a
     * one-page rebuild's samples).
     */
    private Optional<String> pageHash(Page page) {
        return pageHashOf(page).hash();
    }

    private PageHash pageHashOf(Page page) {
        PageHash known = pageHashes.get(page.id());
        if (known != null && known.page() == page) {
            return known;
        }
        PageParts parts = pageParts.get(page.id());
        Optional<String> fromParts = parts == null ? Optional.empty() : parts.hashOf(page);
        PageHash made = fromParts.isPresent() ? new PageHash(page, fromParts, true)
                : new PageHash(page, cache.get().hashOf(page).map(encoded -> ContentDigest.of("page encoded", encoded)),
                        false);
        pageHashes.put(page.id(), made);
        return made;
    }

    /** @param fromParts whether the hash was made from the record's parts ({@link PageParts#hashOf}) */
    private record PageHash(Page page, Optional<String> hash, boolean fromParts) {
    }

    /** Each page's search index entry, kept while the page record and the settings are the same. */
    SearchIndexWriter.KeptEntries searchEntries() {
        if (cache.isEmpty()) {
            return SearchIndexWriter.KeptEntries.NONE;
        }
        return (page, make) -> {
            Optional<String> pageHash = pageHash(page);
            if (pageHash.isEmpty()) {
                return make.get();
            }
            String key = ContentDigest.of(settings, "search", pageHash.get());
            Optional<byte[]> hit = cache.get().use(PageCache.Kind.SEARCH, key, TextEntry.class,
                    entry -> Optional.of(entry.text().getBytes(StandardCharsets.UTF_8)));
            if (hit.isPresent()) {
                return hit.get();
            }
            byte[] made = make.get();
            cache.get().put(PageCache.Kind.SEARCH, key, new TextEntry(new String(made, StandardCharsets.UTF_8)));
            return made;
        };
    }

    /**
     * Each page's rows of the editorial report, kept while the page record, its review status and findings,
     * and the settings are the same.
     */
    EditorialReport.KeptRows reportRows() {
        if (cache.isEmpty()) {
            return EditorialReport.KeptRows.NONE;
        }
        return (page, kind, status, findings, make) -> {
            Optional<String> pageHash = pageHash(page);
            if (pageHash.isEmpty()) {
                return make.get();
            }
            String key = ContentDigest.of(settings, "report", kind, pageHash.get(), String.valueOf(status),
                    findingsHash(findings));
            Optional<String> hit = cache.get().use(PageCache.Kind.REPORT, key, TextEntry.class,
                    entry -> Optional.of(entry.text()));
            if (hit.isPresent()) {
                return hit.get();
            }
            String made = make.get();
            cache.get().put(PageCache.Kind.REPORT, key, new TextEntry(made));
            return made;
        };
    }

    /**
     * The hash of a list of findings, from their fields: the report hashes every page's findings, and encoding
     * them reflectively made the JVM generate and compile an accessor class per field (issue #11).
     */
    static String findingsHash(List<Finding> findings) {
        ContentDigest digest = new ContentDigest().text(String.valueOf(findings.size()));
        for (Finding f : findings) {
            digest.text(f.severity().name()).text(f.rule()).text(f.file()).text(String.valueOf(f.line()))
                    .text(f.message());
        }
        return digest.hex();
    }

    /** The last build's output manifest, read on first use. */
    private Map<String, AtomicSiteWriter.Recorded> manifest() throws IOException {
        Map<String, AtomicSiteWriter.Recorded> m = manifest;
        if (m == null) {
            synchronized (this) {
                if (manifest == null) {
                    manifest = AtomicSiteWriter.manifest(new OutputFolder(outputDir));
                }
                m = manifest;
            }
        }
        return m;
    }

    /**
     * Plans a finished page: its bytes, or, for one taken from the cache without them ({@link #finished}),
     * the file the last build wrote, unchanged.
     */
    void plan(OutputPlan plan, String path, StageResults.Finished done, String origin) {
        AtomicSiteWriter.Recorded recorded = done.bytes() == null ? unchanged.get(path) : null;
        if (recorded == null) {
            plan.addGenerated(path, done.bytes(), origin);
        } else {
            plan.addUnchanged(path, outputDir.resolve(path).normalize(), recorded.hash(), recorded.size(), origin);
        }
    }

    /** Keeps a finished page made by this build for the next one. */
    void keepFinished(String key, StageResults.Finished done) {
        cache.ifPresent(c -> c.put(PageCache.Kind.FINISHED, key,
                new FinishedEntry(ContentDigest.hash(done.bytes()), done.findings(), done.sources())));
    }
}
