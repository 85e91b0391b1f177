package org.medsite.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
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
import org.medsite.content.ContentSource;
import org.medsite.diagnostics.Finding;
import org.medsite.diagnostics.FindingCollector;
import org.medsite.frontmatter.ParsedSource;
import org.medsite.markdown.LinkTargets;
import org.medsite.model.Page;
import org.medsite.model.PageSource;
import org.medsite.postprocess.PageSources;
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

    static final CachedStages NONE = new CachedStages(Optional.empty(), "", "", Map.of(), Path.of(""));

    private final Optional<PageCache> cache;
    private final String settings;
    private final String resources;
    private final Map<Path, String> sources;
    private final Path outputDir;
    /** The parse key of each source parsed in this build, by content path. */
    private final Map<String, String> parsedKeys = new ConcurrentHashMap<>();

    private CachedStages(Optional<PageCache> cache, String settings, String resources, Map<Path, String> sources,
            Path outputDir) {
        this.cache = cache;
        this.settings = settings;
        this.resources = resources;
        this.sources = sources;
        this.outputDir = outputDir;
    }

    static CachedStages of(PageCache cache, BuildCache.Fingerprint fingerprint, Path outputDir) {
        return new CachedStages(Optional.of(cache), fingerprint.settings(), fingerprint.resources(),
                fingerprint.sources(), outputDir);
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
            return hit.get();
        }
        StageResults.Markdown rendered = render.get();
        cache.get().put(PageCache.Kind.MARKDOWN, key, new MarkdownEntry(rendered.rendered(), rendered.findings(),
                rendered.pageLinks(), rendered.resourceLinks()));
        return rendered;
    }

    /**
     * What every finished page depends on besides its own HTML: settings, the files copied as they are
     * (image sizes), every output path (the link check), and what the site's stylesheets load (the policy).
     */
    String finishedSite(Collection<String> allPaths, PageSources stylesheetSources) {
        if (cache.isEmpty()) {
            return "";
        }
        ContentDigest digest = new ContentDigest().text(settings).text("finished").text(resources)
                .text(stylesheetSources.toString());
        new TreeSet<>(allPaths).forEach(digest::text);
        return digest.hex();
    }

    /** The key of one finished page: the site's part and the page's own inputs (empty without a cache). */
    String finishedKey(String site, String path, String url, String origin, boolean check, String html,
            String body, int bodyLine, Supplier<Optional<String>> jsonLd) {
        if (cache.isEmpty()) {
            return "";
        }
        // The page checks read the Markdown body too, to name the line of raw HTML a finding is about.
        return ContentDigest.of(site, path, url, origin, String.valueOf(check), html, body, String.valueOf(bodyLine),
                jsonLd.get().orElse("\u0000"));
    }

    /**
     * A finished page from the cache, its bytes read back from the output folder (where the last build
     * wrote them) and used only while they hash to what that build made.
     */
    Optional<StageResults.Finished> finished(String key, String path, String html, boolean check,
            PageSources stylesheetSources) {
        if (cache.isEmpty()) {
            return Optional.empty();
        }
        return cache.get().use(PageCache.Kind.FINISHED, key, FinishedEntry.class, entry -> {
            Path file = outputDir.resolve(path).normalize();
            try {
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
        Optional<String> pageHash = cache.get().hashOf(page);
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

    /** Keeps a finished page made by this build for the next one. */
    void keepFinished(String key, StageResults.Finished done) {
        cache.ifPresent(c -> c.put(PageCache.Kind.FINISHED, key,
                new FinishedEntry(ContentDigest.hash(done.bytes()), done.findings(), done.sources())));
    }
}
