package org.medsite.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.medsite.cache.ContentDigest;
import org.medsite.cache.FinishedEntry;
import org.medsite.cache.MarkdownEntry;
import org.medsite.cache.PageCache;
import org.medsite.cache.ParsedEntry;
import org.medsite.content.ContentSource;
import org.medsite.diagnostics.FindingCollector;
import org.medsite.frontmatter.ParsedSource;
import org.medsite.markdown.LinkTargets;
import org.medsite.medical.Source;
import org.medsite.model.PageSource;
import org.medsite.postprocess.PageSources;

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

    static final CachedStages NONE = new CachedStages(Optional.empty(), "", "", Path.of(""));

    private final Optional<PageCache> cache;
    private final String settings;
    private final String resources;
    private final Path outputDir;

    private CachedStages(Optional<PageCache> cache, String settings, String resources, Path outputDir) {
        this.cache = cache;
        this.settings = settings;
        this.resources = resources;
        this.outputDir = outputDir;
    }

    static CachedStages of(PageCache cache, BuildCache.Fingerprint fingerprint, Path outputDir) {
        return new CachedStages(Optional.of(cache), fingerprint.settings(), fingerprint.resources(), outputDir);
    }

    Optional<PageCache> cache() {
        return cache;
    }

    /** A source's text parsed into front matter and body: from the cache, else by {@code parse}. */
    Optional<ParsedSource> parsed(String text, ContentSource source, FindingCollector findings,
            java.util.function.Function<FindingCollector, Optional<ParsedSource>> parse) {
        if (cache.isEmpty()) {
            return parse.apply(findings);
        }
        String key = ContentDigest.of(settings, "parsed", source.displayName(), text);
        Optional<ParsedEntry> hit = cache.get().use(PageCache.Kind.PARSED, key, ParsedEntry.class, Optional::of);
        ParsedEntry entry = hit.orElseGet(() -> {
            FindingCollector own = new FindingCollector();
            return new ParsedEntry(parse.apply(own), own.sorted());
        });
        if (hit.isEmpty()) {
            cache.get().put(PageCache.Kind.PARSED, key, entry);
        }
        entry.findings().forEach(findings::add);
        return entry.parsed();
    }

    /** A page's rendered Markdown: from the cache while its link targets resolve the same way, else by {@code render}. */
    StageResults.Markdown markdown(PageSource p, LinkTargets targets, Supplier<StageResults.Markdown> render) {
        if (cache.isEmpty()) {
            return render.get();
        }
        Object optOut = p.frontMatter().medical().get("glossary");
        // What MarkdownRenderer and the glossary marks read of the page (Pipeline.renderMarkdown).
        String key = ContentDigest.of(settings, "markdown", p.source().toString(), p.body(), String.valueOf(p.bodyLine()),
                String.valueOf(p.frontMatter().title().isPresent()),
                new TreeSet<>(p.medical().sources().stream().map(Source::id).toList()).toString(), p.lang(),
                String.valueOf(optOut), String.valueOf(p.medical().lineOf("glossary")));
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
            Supplier<Optional<String>> jsonLd) {
        if (cache.isEmpty()) {
            return "";
        }
        return ContentDigest.of(site, path, url, origin, String.valueOf(check), html, jsonLd.get().orElse("\u0000"));
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
                    if (ContentDigest.sha256(bytes).equals(entry.sha256())) {
                        return Optional.of(new StageResults.Finished(html, check,
                                new String(bytes, StandardCharsets.UTF_8), bytes, entry.findings(), entry.sources(),
                                stylesheetSources));
                    }
                }
            } catch (IOException e) {
                // Unreadable now: made again, like any other miss.
            }
            return Optional.empty();
        });
    }

    /** Keeps a finished page made by this build for the next one. */
    void keepFinished(String key, StageResults.Finished done) {
        cache.ifPresent(c -> c.put(PageCache.Kind.FINISHED, key,
                new FinishedEntry(ContentDigest.sha256(done.bytes()), done.findings(), done.sources())));
    }
}
