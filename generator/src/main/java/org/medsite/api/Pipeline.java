package org.medsite.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import java.time.LocalDate;
import org.medsite.check.Checks;
import org.medsite.check.JargonCheck;
import org.medsite.check.ReadabilityCheck;
import org.medsite.check.SiteCheck;
import org.medsite.diagnostics.Suggestions;
import org.medsite.check.OutputIndex;
import org.medsite.check.PageCheck;
import org.medsite.check.RenderedPage;
import org.medsite.config.SiteConfig;
import org.medsite.config.SiteConfigLoader;
import org.medsite.content.ContentDiscovery;
import org.medsite.content.ContentSource;
import org.medsite.content.DataFiles;
import org.medsite.content.SiteSources;
import org.medsite.content.StaticFile;
import org.medsite.diagnostics.Finding;
import org.medsite.diagnostics.FindingCollector;
import org.medsite.frontmatter.FrontMatter;
import org.medsite.frontmatter.FrontMatterParser;
import org.medsite.frontmatter.ParsedSource;
import org.medsite.image.ImageCache;
import org.medsite.image.ShareCardPlan;
import org.medsite.image.ResponsiveImages;
import org.medsite.image.SiteImages;
import org.medsite.markdown.Citations;
import org.medsite.markdown.GlossaryMarks;
import org.medsite.markdown.LinkTargets;
import org.medsite.markdown.MarkdownContext;
import org.medsite.markdown.MarkdownRenderer;
import org.medsite.markdown.RenderedMarkdown;
import org.medsite.medical.Glossaries;
import org.medsite.medical.Jargon;
import org.medsite.medical.MedicalInfo;
import org.medsite.medical.MedicalMetadataReader;
import org.medsite.medical.PeopleRegistry;
import org.medsite.medical.ReviewPolicy;
import org.medsite.medical.Source;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.medsite.model.KeptSite;
import org.medsite.model.Page;
import org.medsite.model.PageSource;
import org.medsite.model.Site;
import org.medsite.model.SiteAssembler;
import org.medsite.model.UrlPlanner;
import org.medsite.output.AtomicSiteWriter;
import org.medsite.output.BuildLock;
import org.medsite.output.EditorialReport;
import org.medsite.output.FeedWriter;
import org.medsite.output.Redirects;
import org.medsite.output.SearchIndexWriter;
import org.medsite.output.SitemapWriter;
import org.medsite.output.StructuredData;
import org.medsite.postprocess.JsonLdInjector;
import org.medsite.output.OutputFolder;
import org.medsite.output.OutputPlan;
import org.medsite.output.WriteStats;
import org.medsite.output.SecurityHeaders;
import org.medsite.postprocess.ContentSecurityPolicy;
import org.medsite.output.WriteStep;
import org.medsite.postprocess.HtmlPostProcessor;
import org.medsite.postprocess.PageElements;
import org.medsite.postprocess.PageSources;
import org.medsite.postprocess.ImageDimensions;
import org.medsite.postprocess.ImageSizes;
import org.medsite.render.PageRenderer;
import org.medsite.render.PageRendering;
import org.medsite.render.TemplateEngine;
import org.medsite.render.TemplateReads;
import org.medsite.render.Theme;
import org.medsite.render.ThemeAssets;
import org.medsite.render.ThemeLoader;
import org.medsite.render.Translations;
import org.medsite.yaml.YamlReader;

/**
 * The one place that knows the order of the stages: config, discover, parse, plan URLs, render
 * Markdown, assemble, render templates, post-process and check, write. Each stage is timed; each
 * reports its problems to one collector, and the build goes on as far as it meaningfully can so that
 * one run shows every mistake. Nothing is written if any error was found.
 *
 * <p>A build can start from the {@link StageResults} of an earlier one (a {@link BuildSession} does):
 * then each stage reuses what the {@link SiteChanges} leave valid. Files are parsed and their Markdown
 * rendered again only when they changed (or a link target of theirs did); pages are rendered again only
 * when something their templates read changed (see {@link TemplateReads}); output files are
 * post-processed again only when their HTML changed or a file they link to came or went. The stages
 * that look at the whole site (URLs, assemble, site checks, feeds and sitemap) always run, so a warm
 * build gives the same site as a cold one, but keep what is costly per page where its inputs are
 * unchanged: related pages, each page's site-check findings, template views and search index entries.
 */
final class Pipeline {

    /** The one stage of a build whose result came from the build cache. */
    static final String CACHED_STAGE = "cached";

    private static final java.util.regex.Pattern PAGINATED = java.util.regex.Pattern.compile("(.*)page/\\d+/index\\.html");

    private final BuildOptions options;
    private final BuildListener listener;
    private final StageResults results;
    private final SiteChanges changes;
    private final List<StageTiming> timings = new ArrayList<>();
    private final FindingCollector findings;
    /** What the build told the user, so that a build cache hit tells it again. */
    private final List<String> infos = java.util.Collections.synchronizedList(new ArrayList<>());
    /** The first moment after {@code now} at which a source's publish, date or expiry takes effect. */
    private final java.util.concurrent.atomic.AtomicReference<Instant> nextDateChange =
            new java.util.concurrent.atomic.AtomicReference<>();
    /** Where a one-off build's per-page stages find and keep their results across runs. */
    private CachedStages cachedStages = CachedStages.NONE;
    /** The sources' hashes a one-off build's fingerprint took or reused, kept once it has written its output. */
    private org.medsite.cache.FileHashes fileHashes = org.medsite.cache.FileHashes.none();

    Pipeline(BuildOptions options, BuildListener listener) {
        this(options, listener, StageResults.oneOff(), SiteChanges.EVERYTHING);
    }

    /** A build that reuses {@code results} where {@code changes} leave them valid, and updates them. */
    Pipeline(BuildOptions options, BuildListener listener, StageResults results, SiteChanges changes) {
        this.options = options;
        this.listener = new BuildListener() {
            @Override
            public void stageFinished(String stage, Duration took) {
                listener.stageFinished(stage, took);
            }

            @Override
            public void finding(Finding finding) {
                listener.finding(finding);
            }

            @Override
            public void info(String message) {
                infos.add(message);
                listener.info(message);
            }

            @Override
            public void debug(String message) {
                listener.debug(message);
            }

            @Override
            public void writeStep(WriteStep step) {
                listener.writeStep(step);
            }
        };
        this.results = results;
        this.changes = changes;
        this.findings = new FindingCollector(listener::finding);
    }

    BuildResult run(BuildMode mode) throws MedsiteException {
        long start = System.nanoTime();
        if (results.kept) {
            listener.debug(String.format(java.util.Locale.ROOT, "timeline run-start %.3f", start / 1e6));
        }
        ForkJoinPool pool = new ForkJoinPool(options.threads());
        List<PageSummary> pages = List.of();
        Optional<WriteStats> written = Optional.empty();
        // A one-off build's findings in report order, sorted once when the last was added (after the write) for
        // its report, its build cache and its result.
        List<Finding> sorted = null;
        results.lastChanged = List.of();
        // A one-off build whose inputs are those of the last one, into the output that one wrote, is that one.
        BuildCache cache = mode == BuildMode.BUILD && !results.kept ? new BuildCache(new OutputFolder(options.outputDir()))
                : null;
        String cacheKey = null;
        if (cache != null) {
            try {
                // The sources' hashes are taken again only for files whose stat changed since the last build.
                fileHashes = org.medsite.cache.FileHashes.in(new OutputFolder(options.outputDir()).stateDir());
                org.medsite.cache.FileHashes hashes = fileHashes;
                // On the build's pool: the sources are hashed on all of its threads.
                BuildCache.Fingerprint fingerprint = stage("fingerprint",
                        () -> inPool(pool, () -> BuildCache.fingerprint(options, hashes)));
                cacheKey = fingerprint.whole();
                cachedStages = CachedStages.of(new org.medsite.cache.PageCache(new OutputFolder(options.outputDir())
                        .stateDir(), options.classLoader(), listener::debug), fingerprint,
                        options.now().atOffset(java.time.ZoneOffset.UTC).toLocalDate(), options.outputDir());
            } catch (IOException | RuntimeException e) {
                listener.debug("build cache: cannot fingerprint the inputs (" + e.getMessage() + ")");
            }
            if (cacheKey != null && Files.isDirectory(new OutputFolder(options.outputDir()).stateDir())) {
                // The cache is in the state folder, which another build may be writing: a hit is a build too.
                try {
                    lockOutput();
                } catch (IOException | MedsiteException e) {
                    pool.shutdownNow();
                    if (e instanceof MedsiteException m) {
                        throw m;
                    }
                    throw new MedsiteException("build failed: " + e.getMessage(), e);
                }
            }
            Optional<BuildCache.Entry> hit = cacheKey == null ? Optional.empty()
                    : cache.lookUp(cacheKey, options.now(), listener);
            if (hit.isPresent()) {
                pool.shutdownNow();
                results.releaseLock();
                return replay(hit.get(), start);
            }
        }
        try {
            Optional<Built> built = buildSite(pool, mode);
            if (built.isPresent()) {
                pages = results.kept ? results.summaries(built.get().site(), Pipeline::summary)
                        : built.get().site().pages().stream().map(Pipeline::summary).toList();
                if (!results.kept) {
                    // A one-off build has no next build to keep them for: the template HTML of every page
                    // and the finished pages (whose bytes the plan holds) need not outlive the write (issue #11).
                    results.rendered = Map.of();
                    results.finished = Map.of();
                }
                if (mode == BuildMode.BUILD && !findings.hasErrors()) {
                    OutputPlan plan = built.get().plan();
                    written = Optional.of(stage("write", () -> write(plan)));
                }
                // A dev server's session rebuilds on every save: the report is for builds that are published.
                boolean report = built.get().site().config().editorialReport();
                if (!results.kept) {
                    sorted = findings.sorted();
                }
                if (!results.kept && !report && written.isPresent()) {
                    // Switched off: a report of an earlier build beside this output would describe other pages.
                    Files.deleteIfExists(options.outputDir().resolveSibling(EditorialReport.JSON_FILE));
                    Files.deleteIfExists(options.outputDir().resolveSibling(EditorialReport.HTML_FILE));
                }
                if (!results.kept && report) {
                    EditorialReport editorial = new EditorialReport(built.get().site(),
                            options.now().atOffset(java.time.ZoneOffset.UTC).toLocalDate(), sorted,
                            cachedStages.reportRows());
                    listener.info(EditorialReport.INFO_PREFIX + editorial.summary());
                    if (written.isPresent()) {
                        new OutputFolder(options.outputDir()).writeBeside(EditorialReport.JSON_FILE, editorial.json());
                        new OutputFolder(options.outputDir()).writeBeside(EditorialReport.HTML_FILE, editorial.html());
                    }
                }
                if (cache != null && cacheKey != null && written.isPresent()) {
                    try {
                        cache.store(cacheKey, options.now(), Optional.ofNullable(nextDateChange.get()), pages,
                                sorted, infos, built.get().plan().paths().size());
                    } catch (IOException e) {
                        listener.debug("build cache: cannot record this build (" + e.getMessage() + ")");
                    }
                }
                if (written.isPresent()) {
                    storePageCache();
                }
            }
        } catch (IOException e) {
            throw new MedsiteException("build failed: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
            // A build that did not store its page cache drops what it appended to it.
            cachedStages.cache().ifPresent(org.medsite.cache.PageCache::close);
            if (!results.kept) {
                results.releaseLock();
            }
        }
        if (sorted == null) {
            sorted = results.kept ? results.sortedFindings(findings) : findings.sorted();
        }
        BuildResult result = new BuildResult(mode, pages, sorted, timings, written, options.outputDir(),
                Duration.ofNanos(System.nanoTime() - start));
        if (results.kept) {
            listener.debug(String.format(java.util.Locale.ROOT, "timeline run-end %.3f", System.nanoTime() / 1e6));
        }
        return result;
    }

    /** Keeps the per-page results of a build that wrote its output, for the next one-off build. */
    private void storePageCache() {
        try {
            fileHashes.store();
        } catch (IOException e) {
            listener.debug("file hashes: cannot record them (" + e.getMessage() + ")");
        }
        cachedStages.cache().ifPresent(pageCache -> {
            listener.debug("page cache: reused " + pageCache.summary());
            try {
                pageCache.store();
            } catch (IOException e) {
                listener.debug("page cache: cannot record this build's pages (" + e.getMessage() + ")");
            }
        });
    }

    /** The result of the recorded build, told again; no stage runs and nothing is written. */
    private BuildResult replay(BuildCache.Entry hit, long start) {
        long t0 = System.nanoTime();
        hit.infos().forEach(listener::info);
        hit.findings().forEach(findings::add);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        timings.add(new StageTiming(CACHED_STAGE, took));
        listener.stageFinished(CACHED_STAGE, took);
        return new BuildResult(BuildMode.BUILD, hit.pages(), findings.sorted(), timings,
                Optional.of(new WriteStats(0, hit.files(), 0)), options.outputDir(), Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * A one-off build, and a session's first, replace the output folder as a whole; a session's later
     * builds change only the files that changed.
     */
    private WriteStats write(OutputPlan plan) throws IOException {
        OutputFolder folder = new OutputFolder(options.outputDir());
        if (results.kept) {
            // A session's writes are not recorded in the build cache: the next one-off build must not trust it.
            new BuildCache(folder).forget();
        }
        if (!results.kept || results.written == null) {
            WriteStats stats = new AtomicSiteWriter().write(plan, folder, listener::writeStep);
            if (results.kept) {
                results.written = ChangedFilesWriter.versions(plan);
                results.lastChanged = List.copyOf(plan.paths());
                plan.layers().forEach(OutputPlan.Layer::written);
                results.writtenLayers = layersOf(plan);
            }
            return stats;
        }
        ChangedFilesWriter writer = new ChangedFilesWriter(folder, results.written);
        // Unless the write fails on the way, the state holds the plan's layers as they are now.
        Set<OutputPlan.Layer> writtenLayers = results.writtenLayers;
        results.writtenLayers = Set.of();
        WriteStats stats = writer.write(plan, writtenLayers);
        results.writtenLayers = layersOf(plan);
        results.lastChanged = writer.changed();
        listener.debug("write: " + writer.compared());
        return stats;
    }

    /** The plan's layers, as a set compared by identity. */
    private static Set<OutputPlan.Layer> layersOf(OutputPlan plan) {
        Set<OutputPlan.Layer> layers = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        layers.addAll(plan.layers());
        return layers;
    }

    /**
     * Takes the output folder's lock for the rest of the run (for a session, until it is closed), after
     * the folder was found fit to use, so a refused folder gets no state folder beside it. Then puts
     * right what a build killed while swapping folders left behind.
     */
    private void lockOutput() throws IOException, OutputInUseException {
        if (results.lock != null) {
            return;
        }
        OutputFolder folder = new OutputFolder(options.outputDir());
        try {
            results.lock = BuildLock.acquire(folder);
        } catch (BuildLock.HeldException e) {
            throw new OutputInUseException(e.getMessage(), e);
        }
        AtomicSiteWriter.recover(folder);
    }

    private record Built(Site site, OutputPlan plan) {
    }

    private Optional<Built> buildSite(ForkJoinPool pool, BuildMode mode) throws IOException, MedsiteException {
        Path siteDir = options.siteDir();
        if (!Files.isDirectory(siteDir)) {
            findings.error("site.missing", "", 0, "site folder " + siteDir + " does not exist");
            return Optional.empty();
        }
        // A check writes nothing, so whatever the output folder holds is no reason to refuse it. A session
        // checks the folder before its first write only: after that, the folder holds what it wrote.
        Optional<String> outputProblem = mode == BuildMode.CHECK || results.written != null ? Optional.empty()
                : new OutputFolder(options.outputDir()).problemWith(siteDir);
        if (outputProblem.isPresent()) {
            findings.error("output.folder", "", 0, outputProblem.get());
            return Optional.empty();
        }
        if (mode == BuildMode.BUILD) {
            lockOutput();
        }
        YamlReader yaml = new YamlReader();
        SiteConfig config = stage("config",
                () -> new SiteConfigLoader(yaml).load(siteDir, options.baseUrl(), options.theme(), findings));
        Optional<Theme> theme = new ThemeLoader(options.classLoader(), yaml).load(config.theme(), findings);
        if (theme.isEmpty()) {
            return Optional.empty();
        }
        StageResults.Shared previous = results.shared;
        if (previous != null && (!previous.config().equals(config) || !previous.theme().equals(theme.get()))) {
            results.clearShared();
            previous = null;
        }
        boolean reloadShared = previous == null || changes.everything();
        if (changes.everything()) {
            // Data files and theme strings are read by templates directly, not through a tracked key.
            results.rendered = new HashMap<>();
            // Checks and views read the people registry and data files.
            results.checked = new HashMap<>();
            results.views.forget();
        }
        SiteSources sources = results.sources != null && !changes.discover() && !changes.everything() ? results.sources
                : stage("discover", () -> new ContentDiscovery(Set.copyOf(config.languages())).discover(siteDir, findings));
        results.sources = sources;
        FindingCollector dataFindings = new FindingCollector();
        Map<String, Object> data = reloadShared ? stage("data", () -> new DataFiles(yaml).load(siteDir, dataFindings))
                : previous.data();

        FrontMatterParser frontMatter = new FrontMatterParser(yaml, config.taxonomies());
        MedicalMetadataReader medicalReader = new MedicalMetadataReader(
                new ReviewPolicy(config.medical().reviewCycleMonths(), config.medical().dueSoonDays()));
        Map<ContentSource, StageResults.Parsed> parsedSources = stage("parse", () -> {
            Map<ContentSource, StageResults.Parsed> map = new ConcurrentHashMap<>(capacityFor(sources.pages().size()));
            // Kept results are sorted out on this thread, only the rest goes to the pool (see postProcess).
            List<ContentSource> toParse = new ArrayList<>();
            for (ContentSource source : sources.pages()) {
                StageResults.Parsed cached = results.parsed.get(source);
                if (cached != null && !changes.content().contains(source.path())) {
                    map.put(source, cached);
                } else {
                    toParse.add(source);
                }
            }
            inPoolUnlessOne(pool, toParse, source -> {
                FindingCollector own = new FindingCollector();
                Optional<PageSource> page = parse(source, frontMatter, config, medicalReader, own);
                map.put(source, new StageResults.Parsed(page, own.sorted()));
            });
            return map;
        });
        results.parsed = parsedSources;
        List<PageSource> parsed = new ArrayList<>();
        for (ContentSource source : sources.pages()) {
            StageResults.Parsed p = parsedSources.get(source);
            findings.addAll(p.findings());
            p.page().ifPresent(parsed::add);
        }
        Map<String, String> urls = stage("urls", () -> results.kept ? results.urls.plan(config, parsed, findings)
                : new UrlPlanner(config).plan(parsed, findings));

        Set<String> resources = new HashSet<>();
        for (StaticFile file : sources.staticFiles()) {
            if (file.origin().startsWith(ContentDiscovery.CONTENT_DIR + "/")) {
                resources.add(file.target());
            }
        }
        LinkTargets targets = new LinkTargets() {
            @Override
            public Optional<String> page(String contentPath) {
                return Optional.ofNullable(urls.get(contentPath));
            }

            @Override
            public Optional<String> resource(String contentPath) {
                return resources.contains(contentPath) ? Optional.of("/" + contentPath) : Optional.empty();
            }
        };
        FindingCollector glossaryFindings = new FindingCollector();
        Glossaries glossaries = Glossaries.load(siteDir, config.language(), config.languages(), yaml, glossaryFindings);
        findings.addAll(glossaryFindings.sorted());
        if (!glossaries.equals(results.glossaries)) {
            results.markdown = new HashMap<>();
            results.glossaries = glossaries;
        }
        MarkdownRenderer markdown = new MarkdownRenderer(config.markdown(), config.searchIndex());
        // In a session, the same URL plan and the same files give every link the target it had: a page
        // whose source is the very record its Markdown was rendered from needs no look at its links.
        boolean sameTargets = results.kept && urls == results.markdownUrls && sources == results.markdownSources;
        Map<String, StageResults.Markdown> renderedMarkdown = stage("markdown", () -> {
            Map<String, StageResults.Markdown> map = new ConcurrentHashMap<>(capacityFor(parsed.size()));
            List<PageSource> toCheck = new ArrayList<>();
            for (PageSource p : parsed) {
                StageResults.Markdown cached = results.markdown.get(p.id());
                if (sameTargets && cached != null && cached.source() == p) {
                    map.put(p.id(), cached);
                } else if (urls.containsKey(p.id())) {
                    toCheck.add(p);
                }
            }
            inPoolUnlessOne(pool, toCheck, p -> {
                StageResults.Markdown cached = results.markdown.get(p.id());
                map.put(p.id(), cached != null && stillValid(cached, p, targets) ? cached
                        : cachedStages.markdown(p, targets, () -> renderMarkdown(markdown, p, config, targets, glossaries)));
            });
            return map;
        });
        results.markdown = renderedMarkdown;
        results.markdownUrls = urls;
        results.markdownSources = sources;
        Map<String, RenderedMarkdown> rendered = new HashMap<>(capacityFor(parsed.size()));
        for (PageSource p : parsed) {
            StageResults.Markdown m = renderedMarkdown.get(p.id());
            if (m != null) {
                findings.addAll(m.findings());
                rendered.put(p.id(), m.rendered());
            }
        }

        PeopleRegistry people = reloadShared ? PeopleRegistry.load(siteDir, data, dataFindings) : previous.people();
        // A session patches the last site where an edit moves no page (see KeptSite).
        Site site = stage("assemble", () -> results.kept
                ? results.site.assemble(config, parsed, urls, rendered, data, people, glossaries, results.related).site()
                : SiteAssembler.assemble(config, parsed, urls, rendered, data, people, glossaries, results.related));
        if (results.kept) {
            KeptSite.Assembled assembled = results.site.last();
            results.patched(assembled);
            listener.debug(assembled.patchedFrom().isEmpty() ? "assemble: the whole site"
                    : "assemble: " + assembled.patched().size() + " page(s) swapped into the last site");
        }
        Checks checks = Checks.standard(config);
        stage("check", () -> {
            FindingCollector configured = findings.withLevels(config.checks());
            for (String rule : config.checks().keySet()) {
                if (!Checks.configurableRules().contains(rule)) {
                    findings.warning("config.checks", SiteConfigLoader.FILE_NAME, 0, "there is no check '" + rule + "'"
                            + Suggestions.didYouMean(rule, Checks.configurableRules()));
                }
            }
            LocalDate today = options.now().atOffset(java.time.ZoneOffset.UTC).toLocalDate();
            // A page's findings are kept while the page is the same: on a big site, scanning every page's
            // text on every save was most of a rebuild.
            // The pages to check again are checked on all cores (this stage was the longest one-thread stretch
            // of a cold build); their findings are still added in page order below, so reports do not change.
            Map<String, StageResults.Checked> fresh = new ConcurrentHashMap<>();
            List<Page> toCheck = new ArrayList<>();
            for (Page page : site.pages()) {
                StageResults.Checked cached = results.checked.get(page.id());
                if (cached == null || !cached.today().equals(today) || cached.page() != page && !cached.page().equals(page)) {
                    toCheck.add(page);
                }
            }
            inPoolUnlessOne(pool, toCheck, page -> fresh.put(page.id(), new StageResults.Checked(page, today,
                    // A one-off build finds them in its page cache when the page is what it was.
                    cachedStages.checked(page, today, () -> {
                        FindingCollector own = new FindingCollector();
                        for (SiteCheck check : checks.site()) {
                            check.checkPage(site, page, today, own);
                        }
                        return own.sorted();
                    }))));
            Map<String, StageResults.Checked> checked = new HashMap<>(capacityFor(site.pages().size()));
            for (Page page : site.pages()) {
                StageResults.Checked cached = fresh.getOrDefault(page.id(), results.checked.get(page.id()));
                checked.put(page.id(), cached);
                configured.addAll(cached.findings());
            }
            results.checked = checked;
            for (SiteCheck check : checks.site()) {
                check.checkSite(site, today, configured);
            }
            return null;
        });

        StageResults.Shared shared = reloadShared || !changes.templates().isEmpty() || changes.themeFiles()
                ? loadShared(config, theme.get(), data, people, dataFindings, sources, yaml, previous, reloadShared)
                : previous;
        results.shared = shared;
        findings.addAll(shared.dataFindings());
        findings.addAll(shared.translationFindings());
        PageRenderer renderer = new PageRenderer(shared.engine(), shared.translations(),
                options.now().atOffset(java.time.ZoneOffset.UTC).toLocalDate(), results.views);
        Map<String, String> html = stage("render", () -> inPool(pool, () -> renderPages(site, renderer)));

        OutputPlan plan = new OutputPlan(findings);
        stage("outputs", () -> {
            planStaticFiles(plan, sources, theme.get(), shared.themeAssets());
            planSiteFiles(plan, site, renderer);
            checkStylesheets(plan, checks, config);
            return null;
        });
        ImageSizes sizes = new ImageSizes();
        Map<String, List<Integer>> copies = stage("images", () -> planImages(pool, mode, site, plan, sizes));
        stage("postprocess", () -> {
            postProcess(pool, site, html, plan, checks, config, sizes, copies);
            return null;
        });
        return Optional.of(new Built(site, plan));
    }

    /** Settings-wide results: the template engine and theme strings, and the data read above. */
    private StageResults.Shared loadShared(SiteConfig config, Theme theme, Map<String, Object> data,
            PeopleRegistry people, FindingCollector dataFindings, SiteSources sources, YamlReader yaml,
            StageResults.Shared previous, boolean reloadData) throws IOException {
        Optional<Path> layouts = sources.layoutsDir()
                ? Optional.of(options.siteDir().resolve(ContentDiscovery.LAYOUTS_DIR)) : Optional.empty();
        // A new engine forgets every parsed template; pages that used a changed one are found by their reads.
        TemplateEngine engine = new TemplateEngine(layouts, theme, options.classLoader(), config.limits().templateTime());
        Translations translations;
        List<Finding> translationFindings;
        if (reloadData || previous == null) {
            FindingCollector collector = new FindingCollector();
            translations = Translations.load(options.siteDir(), theme, options.classLoader(), config.languages(), yaml,
                    collector);
            translationFindings = collector.sorted();
        } else {
            translations = previous.translations();
            translationFindings = previous.translationFindings();
        }
        Map<String, byte[]> assets = previous == null || changes.themeFiles() ? new ThemeAssets(options.classLoader()).read(theme)
                : previous.themeAssets();
        return new StageResults.Shared(config, theme, data, people,
                reloadData || previous == null ? dataFindings.sorted() : previous.dataFindings(), engine, translations,
                translationFindings, assets);
    }

    /**
     * Renders the pages whose templates read something that changed (all of them in a one-off build)
     * and reuses the output of the others.
     *
     * @return the HTML of each output file by output path
     */
    private Map<String, String> renderPages(Site site, PageRenderer renderer) {
        Set<String> changedReads = new HashSet<>();
        changes.templates().forEach(t -> changedReads.add(TemplateReads.template(t)));
        List<Page> toRender = new ArrayList<>();
        if (results.kept) {
            // A site patched from the one the values are of changes only the swapped pages' own keys.
            KeptSite.Assembled assembled = results.site.last();
            boolean patched = assembled != null && assembled.site() == site && results.readValuesSite != null
                    && assembled.patchedFrom().filter(from -> from == results.readValuesSite).isPresent();
            Map<String, Object> before = results.readValues;
            // Patched in place: until that is done, the values are of no site.
            results.readValuesSite = null;
            Map<String, Object> values = patched ? before : TemplateReads.values(site);
            if (patched) {
                changedReads.addAll(TemplateReads.patch(values, assembled.patched()));
            } else {
                values.forEach((key, value) -> {
                    if (!Objects.equals(before.get(key), value)) {
                        changedReads.add(key);
                    }
                });
                before.keySet().stream().filter(k -> !values.containsKey(k)).forEach(changedReads::add);
            }
            results.readValues = values;
            results.readValuesSite = site;
            // A page's view shows what its page keys stand for: unchanged keys, same view.
            Predicate<String> sameView = id -> !changedReads.contains(TemplateReads.page(id))
                    && !changedReads.contains(TemplateReads.pageBody(id));
            if (patched) {
                results.views.reuse(sameView, assembled.patchedFrom().get(), assembled.patched());
            } else {
                results.views.reuse(sameView);
            }
        }
        // A session's site patched from the one its HTML map is of: the map is patched for the pages
        // rendered again, instead of the HTML of every page being put into a new map on every save.
        KeptSite.Assembled assembled = results.kept ? results.site.last() : null;
        // Which HTML changed is known only when the last build's post-processing saw the map as it was.
        boolean finishedMatchedHtml = results.finishedMatchesHtml;
        results.finishedMatchesHtml = false;
        boolean patchHtml = assembled != null && assembled.site() == site && results.html != null
                && results.htmlRendered == results.rendered
                && assembled.patchedFrom().filter(from -> from == results.htmlSite).isPresent();
        // A one-off build takes a page's template output from its page cache when what the page's templates
        // read stands for the same values as when it was cached.
        CachedStages.ReadHashes readHashes = cachedStages.readHashes(site);
        Map<String, StageResults.Rendered> fromPageCache = new ConcurrentHashMap<>();
        if (cachedStages.cache().isPresent()) {
            site.pages().parallelStream().forEach(page -> cachedStages.rendered(page, readHashes)
                    .ifPresent(r -> fromPageCache.put(page.id(), r)));
        }
        Map<String, StageResults.Rendered> kept = patchHtml ? results.rendered : new HashMap<>();
        for (Page page : site.pages()) {
            StageResults.Rendered cached = results.rendered.getOrDefault(page.id(), fromPageCache.get(page.id()));
            if (cached == null || readsAny(cached.rendering().reads(), changedReads)) {
                toRender.add(page);
            } else if (!patchHtml) {
                kept.put(page.id(), cached);
            }
        }
        results.lastRendered = toRender.stream().map(Page::id).toList();
        if (results.kept) {
            listener.debug("render: " + toRender.size() + " page(s) rendered again for " + changedReads.size()
                    + " changed read(s)" + (changedReads.size() <= 5 ? " " + new java.util.TreeSet<>(changedReads) : ""));
        }
        Map<String, FindingCollector> pageFindings = new HashMap<>();
        toRender.forEach(p -> pageFindings.put(p.id(), new FindingCollector()));
        Map<String, StageResults.Rendered> replaced = new HashMap<>();
        List<StageResults.Rendered> made = new ArrayList<>();
        for (PageRendering r : renderer.render(site, toRender, p -> pageFindings.get(p.id()))) {
            StageResults.Rendered rendered = new StageResults.Rendered(r, pageFindings.get(r.pageId()).sorted());
            made.add(rendered);
            StageResults.Rendered before = kept.put(r.pageId(), rendered);
            if (before != null) {
                replaced.put(r.pageId(), before);
            }
        }
        if (cachedStages.cache().isPresent()) {
            made.parallelStream().forEach(r -> cachedStages.keepRendered(r, readHashes));
        }
        results.rendered = kept;
        Map<String, String> html;
        Set<String> changedHtml = null;
        // The pages whose templates reported something, in the site's order: a session's save mostly
        // renders pages that report nothing, and then these are the last build's.
        List<String> reporting;
        boolean sameReporting = patchHtml && toRender.stream().allMatch(p -> kept.get(p.id()).findings().isEmpty()
                && (!replaced.containsKey(p.id()) || replaced.get(p.id()).findings().isEmpty()));
        if (patchHtml) {
            html = results.html;
            Set<String> changedPaths = new HashSet<>();
            for (Page page : toRender) {
                StageResults.Rendered before = replaced.get(page.id());
                Map<String, String> now = kept.get(page.id()).rendering().html();
                if (before != null) {
                    for (String path : before.rendering().html().keySet()) {
                        if (!now.containsKey(path) && html.remove(path) != null) {
                            changedPaths.add(path);
                        }
                    }
                }
                for (Map.Entry<String, String> e : now.entrySet()) {
                    String was = html.get(e.getKey());
                    // The same HTML keeps the instance the finished page was made from (compared by identity first).
                    if (was == null || !was.equals(e.getValue())) {
                        html.put(e.getKey(), e.getValue());
                        changedPaths.add(e.getKey());
                    }
                }
            }
            changedHtml = finishedMatchedHtml ? changedPaths : null;
        } else {
            html = new HashMap<>();
            for (Page page : site.pages()) {
                html.putAll(kept.get(page.id()).rendering().html());
            }
        }
        if (sameReporting) {
            reporting = results.renderReporting;
        } else {
            reporting = new ArrayList<>();
            for (Page page : site.pages()) {
                if (!kept.get(page.id()).findings().isEmpty()) {
                    reporting.add(page.id());
                }
            }
        }
        // A template problem shows on every page that uses the template: report each once.
        Set<String> reported = new HashSet<>();
        for (String id : reporting) {
            for (Finding f : kept.get(id).findings()) {
                if (reported.add(templateProblem(f))) {
                    findings.add(f);
                }
            }
        }
        if (results.kept) {
            results.html = html;
            results.htmlSite = site;
            results.htmlRendered = kept;
            results.htmlChanged = changedHtml;
            results.renderReporting = reporting;
        }
        return html;
    }

    /**
     * Whether a page's reads include a changed one. Looks each key of the smaller set up in the other: an
     * edit changes a key or two, and a session asks this of every page on every save.
     */
    private static boolean readsAny(Set<String> reads, Set<String> changed) {
        Set<String> fewer = changed.size() < reads.size() ? changed : reads;
        Set<String> more = fewer == changed ? reads : changed;
        for (String key : fewer) {
            if (more.contains(key)) {
                return true;
            }
        }
        return false;
    }

    /** A template finding without the page it was found on, so the same problem is reported once. */
    private static String templateProblem(Finding f) {
        String message = f.message();
        int page = message.indexOf(" (while rendering ");
        if (page >= 0) {
            message = message.substring(0, page);
        }
        int lookedFor = message.indexOf("; looked for ");
        if (f.rule().equals("template.missing") && lookedFor >= 0) {
            message = message.substring(lookedFor);
        }
        return f.rule() + "|" + f.file() + "|" + f.line() + "|" + message;
    }

    /** Stylesheets (the theme's and the site's) can load things too: {@code url()} and {@code @import}. */
    private void checkStylesheets(OutputPlan plan, Checks checks, SiteConfig config) throws IOException {
        FindingCollector configured = findings.withLevels(config.checks());
        for (var entry : plan.entriesInOrder()) {
            if (entry.getKey().toLowerCase(java.util.Locale.ROOT).endsWith(".css")) {
                String css = new String(entry.getValue().bytes(), java.nio.charset.StandardCharsets.UTF_8);
                for (var check : checks.stylesheets()) {
                    check.checkStylesheet(entry.getValue().origin(), css, configured);
                }
            }
        }
    }

    /**
     * Share cards and smaller copies of photos, from the cache beside the output where an earlier build
     * made them. A check writes nothing and shows no image, so it only works out which copies there are.
     *
     * @return the widths of the copies of each photo, by output path
     */
    private Map<String, List<Integer>> planImages(ForkJoinPool pool, BuildMode mode, Site site, OutputPlan plan,
            ImageSizes sizes) throws IOException {
        boolean build = mode == BuildMode.BUILD;
        ImageCache cache = new ImageCache(build ? Optional.of(new OutputFolder(options.outputDir()).stateDir()
                .resolve("images")) : Optional.empty(), build && results.kept ? Optional.of(results.images) : Optional.empty());
        SiteImages images = new SiteImages(cache, findings);
        var entries = plan.entries();
        Map<String, List<Integer>> copies = inPool(pool, () -> {
            if (build) {
                images.planCards(site, results.kept ? results.images.cards(site, results.patchedFrom)
                        : ShareCardPlan.of(site), plan);
            }
            return images.planVariants(plan, new ResponsiveImages(site.config().images()),
                    path -> sizes.of(path, entries.get(path)::bytes).map(ImageDimensions.Size::width).orElse(0), build);
        });
        if (build) {
            cache.prune();
            listener.info("images: " + cache.made("card") + " share cards drawn, " + cache.reused("card")
                    + " from cache; " + cache.made("resize") + " photo copies made, " + cache.reused("resize")
                    + " from cache");
        }
        return copies;
    }

    private void postProcess(ForkJoinPool pool, Site site, Map<String, String> html, OutputPlan plan, Checks checks,
            SiteConfig config, ImageSizes sizes, Map<String, List<Integer>> copies) throws IOException {
        // A page whose source already has errors (a broken Markdown link) would only repeat them here.
        Set<String> failedSources = new HashSet<>(findings.errorFiles());
        // Every page's policy allows what the site's stylesheets load too: when that changes, every page changes.
        // A session's last instance when equal: each kept page compares it with its own by identity first.
        PageSources stylesheetSources = results.kept ? results.sameStylesheetSources(stylesheetSources(plan))
                : stylesheetSources(plan);
        // A session's save whose pages' HTML changed for a few files, and nothing that every page depends on
        // (which files there are, what the stylesheets load, which sources have errors, an image's bytes),
        // looks at those files only: the others keep what they were finished to (see StageResults.finishedPaths).
        Set<String> changedHtml = results.kept ? results.htmlChanged : null;
        OutputIndex keptIndex = results.kept ? results.keptOutputIndex(config.basePath()) : null;
        boolean onlyChanged = changedHtml != null && keptIndex != null && cachedStages.cache().isEmpty()
                && results.finished instanceof ConcurrentHashMap
                && stylesheetSources == results.finishedStylesheets && failedSources.equals(results.failedSources)
                && changes.outputs().stream().noneMatch(ImageSizes::mayRead)
                && changedHtml.stream().allMatch(p -> html.containsKey(p) && results.finished.containsKey(p))
                && results.finishedPaths != null && results.finishedPaths.equals(plan.paths());
        Set<String> allPaths = null;
        boolean samePaths = onlyChanged;
        OutputIndex outputIndex = keptIndex;
        if (!onlyChanged) {
            results.finishedPaths = results.kept ? Set.copyOf(plan.paths()) : null;
            // Every page of the model counts as present, even one whose template failed: its own error
            // says what is wrong, and links to it are not broken.
            allPaths = new HashSet<>(plan.paths());
            for (Page p : site.pages()) {
                allPaths.add(p.outputPath());
            }
            allPaths.addAll(html.keySet());
            // A session's save mostly keeps every output path: then what is made of the paths is kept too.
            samePaths = results.kept && results.sameOutputPaths(allPaths);
            outputIndex = results.kept ? results.outputIndex(samePaths, allPaths, config.basePath())
                    : new OutputIndex(allPaths, config.basePath());
        }
        OutputIndex index = outputIndex;
        StructuredData structuredData = new StructuredData(site);
        // Pages by URL and by output path: a session's are patched for the pages swapped into its site.
        Map<String, Page> byUrl = results.kept ? results.pagesByUrl(site) : new HashMap<>();
        Map<String, Page> byOutputPath = results.kept ? results.pagesByOutput(site) : new HashMap<>();
        if (!results.kept) {
            for (Page p : site.pages()) {
                byUrl.put(p.url(), p);
                byOutputPath.put(p.outputPath(), p);
            }
        }
        java.util.function.Function<String, Optional<String>> jsonLd = url -> config.hasAbsoluteBaseUrl()
                && byUrl.containsKey(url) ? structuredData.of(byUrl.get(url)) : Optional.empty();
        HtmlPostProcessor post = HtmlPostProcessor.standard(new ImageDimensions(config.basePath(),
                path -> plan.entry(path) != null ? sizes.of(path, plan.entry(path)::bytes) : Optional.empty(),
                path -> copies.getOrDefault(path, List.of()), config.images().sizes()), new JsonLdInjector(jsonLd));
        // Later pages of a paginated list (blog/page/2/index.html) belong to their list page.
        java.util.function.Function<String, Page> byOutput = path -> {
            Page page = byOutputPath.get(path);
            if (page == null) {
                var m = PAGINATED.matcher(path);
                if (m.matches()) {
                    page = byOutputPath.get(m.group(1) + "index.html");
                }
            }
            return page;
        };
        Set<String> linkedChanges = linkedChanges(allPaths, samePaths, config.basePath());
        ContentSecurityPolicy policy = new ContentSecurityPolicy(config.security());
        boolean metaPolicy = config.security().policy() && config.security().metaElement();
        String finishedSite = onlyChanged ? "" : cachedStages.finishedSite(allPaths, stylesheetSources);
        // The pages finished again (or taken from the page cache) rather than kept from the last build.
        Set<String> fresh = ConcurrentHashMap.newKeySet();
        // A session's finished pages are patched in place when only some files are looked at; what the
        // patched ones were is kept aside for the _headers rules.
        Map<String, StageResults.Finished> finishedBefore = onlyChanged ? new HashMap<>() : results.finished;
        Map<String, StageResults.Finished> finished = onlyChanged ? results.finished : new ConcurrentHashMap<>();
        // The pages kept from the last build are sorted out on this thread, and only the others go to the
        // pool: a session's save finishes a page or two, and waking the pool's threads for thousands of
        // look-ups cost more than the look-ups on a busy machine.
        List<Map.Entry<String, String>> toFinish = new ArrayList<>();
        Iterable<Map.Entry<String, String>> candidates = onlyChanged
                ? changedHtml.stream().sorted().map(p -> Map.entry(p, html.get(p))).toList() : html.entrySet();
        for (Map.Entry<String, String> e : candidates) {
            StageResults.Finished cached = results.finished.get(e.getKey());
            // A page rendered again often gives the same HTML (a list whose entries' text changed).
            if (cached != null && (cached.html() == e.getValue() || cached.html().equals(e.getValue()))
                    && cached.checked() == !failedSources.contains(origin(byOutput.apply(e.getKey()), e.getKey()))
                    && (cached.stylesheetSources() == stylesheetSources
                            || cached.stylesheetSources().equals(stylesheetSources))
                    && !linksToAny(cached.text(), linkedChanges)) {
                finished.put(e.getKey(), cached);
            } else {
                toFinish.add(e);
                if (onlyChanged) {
                    finishedBefore.put(e.getKey(), cached);
                }
            }
        }
        java.util.function.Consumer<Map.Entry<String, String>> finish = e -> {
            Page page = byOutput.apply(e.getKey());
            String origin = origin(page, e.getKey());
            boolean check = !failedSources.contains(origin);
            String key = cachedStages.finishedKey(finishedSite, e.getKey(), page, origin, check, e.getValue(),
                    () -> jsonLd.apply(page.url()));
            Optional<StageResults.Finished> reused = cachedStages.finished(key, e.getKey(), e.getValue(), check,
                    stylesheetSources);
            fresh.add(e.getKey());
            if (reused.isPresent()) {
                finished.put(e.getKey(), reused.get());
                return;
            }
            FindingCollector pageFindings = new FindingCollector().withLevels(config.checks());
            var document = post.parse(e.getValue());
            post.transform(document, page.url());
            // Listed once for the policy and every check, instead of a walk of the page per selector.
            PageElements elements = PageElements.of(document);
            PageSources used = PageSources.of(elements);
            if (check) {
                RenderedPage renderedPage = new RenderedPage(e.getKey(), page.url(), origin, document, page.body(),
                        page.bodyLine(), elements);
                for (PageCheck pageCheck : checks.pages()) {
                    pageCheck.check(renderedPage, index, pageFindings);
                }
                if (config.security().policy()) {
                    ContentSecurityPolicy.reportInlineCode(used, origin, pageFindings);
                }
            }
            if (metaPolicy) {
                policy.insertMeta(document, used.with(stylesheetSources));
            }
            String text = post.serialize(document);
            // Only a session reads the text again (links to changed files); a one-off build holds the bytes alone.
            StageResults.Finished done = new StageResults.Finished(e.getValue(), check, results.kept ? text : "",
                    text.getBytes(java.nio.charset.StandardCharsets.UTF_8), pageFindings.sorted(), used,
                    stylesheetSources);
            cachedStages.keepFinished(key, done);
            finished.put(e.getKey(), done);
        };
        inPoolUnlessOne(pool, toFinish, finish);
        if (results.kept) {
            listener.debug("postprocess: " + (onlyChanged ? "looked at the " + changedHtml.size()
                    + " file(s) whose HTML changed" : "looked at every file") + ", finished " + toFinish.size() + " again");
        }
        results.finished = finished;
        // Every page kept is one of the last build's; when the fresh ones were there too, the pages are the same
        // (when only changed files were looked at, each was one of the last build's and still is).
        boolean samePages = onlyChanged || results.kept && finished.size() == finishedBefore.size()
                && fresh.stream().allMatch(finishedBefore::containsKey);
        if (results.kept) {
            results.finishedStylesheets = stylesheetSources;
            results.failedSources = failedSources;
            results.finishedMatchesHtml = true;
        }
        Iterable<String> inOrder = results.kept ? results.finishedOrder(samePages, finished.keySet())
                : new TreeSet<>(finished.keySet());
        if (results.kept) {
            planFinishedLayer(plan, inOrder, finished, onlyChanged ? fresh : null, finishedBefore, byOutput);
        } else {
            for (String path : inOrder) {
                StageResults.Finished done = finished.get(path);
                findings.addAll(done.findings());
                // A page taken from the page cache unchanged is planned as the file the last build wrote.
                cachedStages.plan(plan, path, done, plannedOrigin(byOutput.apply(path)));
            }
        }
        if (config.security().headersFile()) {
            Supplier<List<SecurityHeaders.Rule>> rules = () -> headerRules(plan, finished, stylesheetSources, policy,
                    config.security().policy());
            // A session's edit rarely changes what pages load or which files there are: the last rules stand.
            planHeadersFile(plan, results.kept ? results.policySources.rules(finishedBefore, finished,
                    samePages ? fresh : null, stylesheetSources, plan.paths(), rules) : rules.get(), findings);
        }
    }

    /**
     * The initial capacity of a hash map that is to hold {@code entries}: made on every build and save for
     * every page, a map that grew by doubling rehashed its entries again and again.
     */
    private static int capacityFor(int entries) {
        return entries * 4 / 3 + 1;
    }

    /** What a finished page's plan entry names as its origin. */
    private static String plannedOrigin(Page page) {
        return page.sourceFile().isEmpty() ? "generated page " + page.url() : page.sourceFile();
    }

    /**
     * A session's finished pages, planned as the layer it keeps from save to save: patched for the files
     * finished again when only the files whose HTML changed were looked at (the other paths and pages are
     * the last build's), made anew otherwise. Their findings are added in path order, as a one-off build
     * adds them, as one list: the last build's while the pages finished again have the findings they had.
     *
     * @param refinished the paths finished again, when only changed files were looked at; else null
     * @param before what the paths finished again were before, when only changed files were looked at
     */
    private void planFinishedLayer(OutputPlan plan, Iterable<String> inOrder, Map<String, StageResults.Finished> finished,
            Set<String> refinished, Map<String, StageResults.Finished> before,
            java.util.function.Function<String, Page> byOutput) {
        OutputPlan.Layer pages = refinished == null ? null : results.finishedLayer;
        List<Finding> pageFindings = pages == null ? null : results.finishedFindings;
        // Until they are patched, no layer and no list match the finished pages: a build that fails on the way keeps none.
        results.finishedLayer = null;
        results.finishedFindings = null;
        listener.debug(pages == null ? "postprocess: planned the finished pages anew"
                : "postprocess: planned the finished pages as the last build's, " + refinished.size() + " patched");
        if (pages == null) {
            pages = new OutputPlan.Layer();
            for (String path : inOrder) {
                pages.putGenerated(path, finished.get(path).bytes(), plannedOrigin(byOutput.apply(path)));
            }
        } else {
            for (String path : new TreeSet<>(refinished)) {
                pages.putGenerated(path, finished.get(path).bytes(), plannedOrigin(byOutput.apply(path)));
                StageResults.Finished was = before.get(path);
                if (was == null || !was.findings().equals(finished.get(path).findings())) {
                    pageFindings = null;
                }
            }
        }
        if (pageFindings == null) {
            List<Finding> all = new ArrayList<>();
            for (String path : inOrder) {
                all.addAll(finished.get(path).findings());
            }
            pageFindings = List.copyOf(all);
        }
        findings.addAll(pageFindings);
        plan.addLayer(pages);
        results.finishedLayer = pages;
        results.finishedFindings = pageFindings;
    }

    /** Where a finished page's findings point: its source file, or the output path of a generated page. */
    private static String origin(Page page, String outputPath) {
        return page.sourceFile().isEmpty() ? outputPath : page.sourceFile();
    }

    /**
     * The rules of {@code _headers}: the pages that frame nothing share one policy (what all of them use), and
     * each page with a frame (a click-to-load video) gets that policy plus its own frame sources, on its own path.
     */
    private static List<SecurityHeaders.Rule> headerRules(OutputPlan plan, Map<String, StageResults.Finished> finished,
            PageSources stylesheetSources, ContentSecurityPolicy policy, boolean withPolicy) {
        PageSources shared = stylesheetSources;
        for (StageResults.Finished done : new TreeMap<>(finished).values()) {
            if (!done.sources().sources().containsKey("frame-src")) {
                shared = shared.with(done.sources());
            }
        }
        java.util.SortedMap<String, String> framing = new TreeMap<>();
        for (var e : new TreeMap<>(finished).entrySet()) {
            if (e.getValue().sources().sources().containsKey("frame-src")) {
                framing.put(e.getKey(), policy.header(shared.with(e.getValue().sources())));
            }
        }
        return SecurityHeaders.rules(new java.util.TreeSet<>(plan.entries().keySet()),
                withPolicy ? Optional.of(policy.header(shared)) : Optional.empty(), framing);
    }

    /** What the output's stylesheets load ({@code url()}): images and fonts the pages' policy must allow. */
    private static PageSources stylesheetSources(OutputPlan plan) throws IOException {
        PageSources sources = PageSources.NONE;
        for (var entry : plan.entriesInOrder()) {
            if (entry.getKey().toLowerCase(java.util.Locale.ROOT).endsWith(".css")) {
                sources = sources.with(PageSources.ofStylesheet(
                        new String(entry.getValue().bytes(), java.nio.charset.StandardCharsets.UTF_8)));
            }
        }
        return sources;
    }

    /** {@code _headers} with {@code rules}, merged into the site's own file. */
    private static void planHeadersFile(OutputPlan plan, List<SecurityHeaders.Rule> rules, FindingCollector findings)
            throws IOException {
        if (rules.size() > SecurityHeaders.CLOUDFLARE_RULE_LIMIT) {
            findings.warning("security.headers-limit", SecurityHeaders.FILE, 0, "has " + rules.size() + " rules; "
                    + "Cloudflare Pages reads only " + SecurityHeaders.CLOUDFLARE_RULE_LIMIT + ": put the pages with "
                    + "videos in a folder of their own, so that the folders beside them need one rule each");
        }
        var own = plan.entry(SecurityHeaders.FILE);
        byte[] bytes = SecurityHeaders.file(rules, own == null ? Optional.empty()
                : Optional.of(new String(own.bytes(), java.nio.charset.StandardCharsets.UTF_8)));
        if (own == null) {
            plan.addGenerated(SecurityHeaders.FILE, bytes, "generated " + SecurityHeaders.FILE);
        } else {
            plan.replace(SecurityHeaders.FILE, bytes, own.origin());
        }
    }

    /**
     * The links (with the base path) to output files that came or went, or whose bytes a page may show
     * (an image's size): pages that link to one are checked and post-processed again.
     */
    private Set<String> linkedChanges(Set<String> allPaths, boolean samePaths, String basePath) {
        // Of a file's bytes, post-processing reads only an image's size (for width and height).
        Set<String> changed = new HashSet<>();
        changes.outputs().stream().filter(ImageSizes::mayRead).forEach(changed::add);
        if (results.kept && !samePaths) {
            Set<String> before = results.outputPaths;
            if (before != null) {
                allPaths.stream().filter(p -> !before.contains(p)).forEach(changed::add);
                before.stream().filter(p -> !allPaths.contains(p)).forEach(changed::add);
            }
            results.outputPaths = Set.copyOf(allPaths);
        }
        Set<String> links = new HashSet<>();
        for (String path : changed) {
            links.add(basePath + path);
            if (path.equals("index.html")) {
                links.add(basePath);
            } else if (path.endsWith("/index.html")) {
                links.add(basePath + path.substring(0, path.length() - "index.html".length()));
                links.add(basePath + path.substring(0, path.length() - "/index.html".length()));
            }
        }
        return links;
    }

    /** Whether finished HTML has a link (an attribute value) to one of {@code links}; relative links are not seen. */
    private static boolean linksToAny(String html, Set<String> links) {
        for (String link : links) {
            int at = html.indexOf("\"" + link);
            while (at >= 0) {
                char after = at + 1 + link.length() < html.length() ? html.charAt(at + 1 + link.length()) : '"';
                if (after == '"' || after == '#' || after == '?') {
                    return true;
                }
                at = html.indexOf("\"" + link, at + 1);
            }
        }
        return false;
    }

    /** Whether cached Markdown is still right: same source, and each link it resolved resolves the same way. */
    static boolean stillValid(StageResults.Markdown cached, PageSource source, LinkTargets targets) {
        if (!cached.source().equals(source)) {
            return false;
        }
        for (Map.Entry<String, Optional<String>> link : cached.pageLinks().entrySet()) {
            if (!targets.page(link.getKey()).equals(link.getValue())) {
                return false;
            }
        }
        for (Map.Entry<String, Optional<String>> link : cached.resourceLinks().entrySet()) {
            if (!targets.resource(link.getKey()).equals(link.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** Renders one page's Markdown, noting the link targets it looked up. */
    private static StageResults.Markdown renderMarkdown(MarkdownRenderer markdown, PageSource p, SiteConfig config,
            LinkTargets targets, Glossaries glossaries) {
        Map<String, Optional<String>> pageLinks = new ConcurrentHashMap<>();
        Map<String, Optional<String>> resourceLinks = new ConcurrentHashMap<>();
        LinkTargets noted = new LinkTargets() {
            @Override
            public Optional<String> page(String contentPath) {
                return pageLinks.computeIfAbsent(contentPath, targets::page);
            }

            @Override
            public Optional<String> resource(String contentPath) {
                return resourceLinks.computeIfAbsent(contentPath, targets::resource);
            }
        };
        FindingCollector own = new FindingCollector();
        Object optOut = p.frontMatter().medical().get("glossary");
        if (optOut != null && !(optOut instanceof Boolean)) {
            own.error("glossary.type", p.source().displayName(), p.medical().lineOf("glossary"),
                    "'glossary' must be false (to not mark glossary terms on this page) or true");
        }
        // Only articles are marked: list and home pages have no "Words used on this page" to link to.
        boolean article = p.source().kind() == org.medsite.content.SourceKind.PAGE
                || p.source().kind() == org.medsite.content.SourceKind.BUNDLE;
        boolean marked = config.glossary().enabled() && article && !Boolean.FALSE.equals(optOut);
        // Only the pages the jargon check applies to are scanned for jargon: nothing else reads it.
        GlossaryMarks glossary = new GlossaryMarks(marked ? glossaries.forLanguage(p.lang()) : Optional.empty(),
                JargonCheck.applies(article, p.medical(), p.lang(), config.glossary())
                        ? Jargon.forLanguage(p.lang()) : Optional.empty());
        MarkdownContext context = new MarkdownContext(p.id(), p.source().displayName(),
                p.bodyLine(), config.basePath(), noted, own, p.frontMatter().title().isPresent(),
                new Citations(p.medical().sources().stream().map(Source::id)
                        .collect(java.util.stream.Collectors.toSet())), p.lang(), glossary,
                ReadabilityCheck.measures(article, p.medical(), config));
        RenderedMarkdown rendered = markdown.render(p.body(), context);
        // A front matter video leads the content, where themes print page.content (and load video.js for it).
        Optional<String> video = org.medsite.markdown.FrontMatterVideo.facade(p.frontMatter().medical().get("video"),
                p.medical().lineOf("video"), context);
        if (video.isPresent()) {
            rendered = rendered.withLeadingHtml(video.get());
        }
        return new StageResults.Markdown(p, rendered, own.sorted(), Map.copyOf(pageLinks), Map.copyOf(resourceLinks));
    }

    /** Reads and parses one source; drafts, future and expired pages are left out unless asked for. */
    private Optional<PageSource> parse(ContentSource source, FrontMatterParser parser, SiteConfig config,
            MedicalMetadataReader medicalReader, FindingCollector findings) {
        Optional<ParsedSource> parsed;
        try {
            parsed = cachedStages.parsed(source, findings, (t, own) -> parser.parse(t, source.displayName(), own));
        } catch (IOException e) {
            findings.error("source.unreadable", source.displayName(), 0, "cannot read file: " + e.getMessage());
            return Optional.empty();
        }
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        FrontMatter fm = parsed.get().frontMatter();
        Instant now = options.now();
        Stream.of(fm.publishDate(), fm.date(), fm.expiryDate()).flatMap(Optional::stream).map(Pipeline::starts)
                .filter(t -> t.isAfter(now))
                .forEach(t -> nextDateChange.accumulateAndGet(t, (a, b) -> a == null || b.isBefore(a) ? b : a));
        if (fm.draft() && !options.includeDrafts()
                || !options.includeFuture() && fm.publishDate().or(fm::date).map(d -> starts(d).isAfter(now)).orElse(false)
                || !options.includeExpired() && fm.expiryDate().map(d -> !starts(d).isAfter(now)).orElse(false)) {
            return Optional.empty();
        }
        String lang = source.lang().or(fm::lang).orElse(config.language());
        if (!config.languages().contains(lang)) {
            findings.error("content.language", source.displayName(), 0, "language '" + lang
                    + "' is not one of the site's languages " + config.languages()
                    + "; add it to 'languages:' in site.yaml");
            return Optional.empty();
        }
        String defaultType = source.folder().startsWith("blog") ? "blog" : "page";
        MedicalInfo medical = medicalReader.read(fm, defaultType, parsed.get()::lineOf, source.displayName(), findings);
        return Optional.of(new PageSource(source, fm, parsed.get().body(), parsed.get().bodyLine(), lang, medical));
    }

    /**
     * When a date takes effect. A date without a time ({@code 2026-03-01}) means that day wherever the
     * reader is, so it starts at the earliest midnight on Earth (UTC+14): a post dated today is never
     * held back as "future" because the build machine runs on UTC.
     */
    private static Instant starts(java.time.OffsetDateTime date) {
        if (date.getOffset().equals(java.time.ZoneOffset.UTC) && date.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
            return date.toLocalDate().atStartOfDay(java.time.ZoneOffset.ofHours(14)).toInstant();
        }
        return date.toInstant();
    }

    /** Theme files first, then the site's own static files and bundle resources, which win over the theme's. */
    private void planStaticFiles(OutputPlan plan, SiteSources sources, Theme theme, Map<String, byte[]> themeAssets) {
        Set<String> own = new HashSet<>();
        for (StaticFile file : sources.staticFiles()) {
            own.add(file.target());
            plan.addCopy(file.target(), file.source(), file.origin());
        }
        for (Map.Entry<String, byte[]> asset : themeAssets.entrySet()) {
            if (!own.contains(asset.getKey())) {
                plan.addGenerated(asset.getKey(), asset.getValue(), "theme " + theme.name() + ": static/" + asset.getKey());
            }
        }
    }

    /**
     * The files a site has besides its pages: feeds and sitemap (which need an absolute base URL),
     * redirects for old addresses, the search index, robots.txt, and .nojekyll (so GitHub Pages serves
     * the files as they are). A file of the same name in static/ wins over the generated one.
     */
    private void planSiteFiles(OutputPlan plan, Site site, PageRenderer renderer) {
        Map<String, byte[]> files = new TreeMap<>();
        boolean absolute = site.config().hasAbsoluteBaseUrl();
        if (absolute) {
            files.putAll(results.kept ? results.feeds.write(site, results.patchedFrom, results.swapped)
                    : new FeedWriter(site).write());
            files.putAll(results.kept ? results.sitemaps.write(site, results.patchedFrom) : new SitemapWriter(site).write());
        } else {
            listener.info("no feeds or sitemap.xml: they need full addresses; set 'baseURL: https://your-domain/' "
                    + "in site.yaml");
        }
        files.putAll(new Redirects(site).write(findings, !plan.contains("_redirects")));
        // A one-off build's entries are not kept: on a 16000-page site they were ~90 MB held to the end (issue #11).
        // Switched off (searchIndex: false), no page's entry is made: the index was ~6% of a cold build's CPU.
        if (site.config().searchIndex()) {
            files.putAll((results.kept ? new SearchIndexWriter(site, results.searchEntries)
                    : new SearchIndexWriter(site, cachedStages.searchEntries())).write());
        }
        renderer.renderRobots(site, absolute ? site.config().baseUrl() + SitemapWriter.path().substring(1) : null, findings)
                .ifPresent(text -> files.put("robots.txt", text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        // Settings a theme turns into CSS (clinic: params.colors), as a file so that pages need no inline style.
        renderer.renderSiteFile(site, "theme-settings.css.ftl", findings).ifPresent(text -> files.put(
                "css/theme-settings.css", text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        files.put(".nojekyll", new byte[0]);
        files.forEach((path, bytes) -> {
            if (!plan.contains(path)) {
                plan.addGenerated(path, bytes, "generated " + path);
            }
        });
    }

    private static PageSummary summary(Page page) {
        return new PageSummary(page.url(), page.outputPath(), page.sourceFile(), page.title(), page.lang(),
                page.kind().label());
    }

    private interface Stage<T> {
        T run() throws IOException;
    }

    private <T> T stage(String name, Stage<T> stage) throws IOException {
        long t0 = System.nanoTime();
        T value = stage.run();
        long t1 = System.nanoTime();
        Duration took = Duration.ofNanos(t1 - t0);
        timings.add(new StageTiming(name, took));
        listener.stageFinished(name, took);
        if (results.kept) {
            // Where a dev server's save goes between its stages (generator/bench/serve/timeline.py).
            listener.debug(String.format(java.util.Locale.ROOT, "timeline stage %s %.3f %.3f", name, t0 / 1e6, t1 / 1e6));
        }
        return value;
    }

    /**
     * Does {@code work} for each item, in parallel on the build's pool; one item (a session's save, mostly)
     * on this thread, since waking the pool costs more than the item on a busy machine.
     */
    private static <T> void inPoolUnlessOne(ForkJoinPool pool, List<T> items, java.util.function.Consumer<T> work)
            throws IOException {
        if (items.size() <= 1) {
            try {
                items.forEach(work);
            } catch (UncheckedIOException e) {
                throw e.getCause(); // as inPool reports it
            }
            return;
        }
        inPool(pool, () -> {
            items.parallelStream().forEach(work);
            return null;
        });
    }

    /** Runs a parallel stream's work on the build's own pool, so {@code threads} is respected. */
    private static <T> T inPool(ForkJoinPool pool, Callable<T> work) throws IOException {
        try {
            return pool.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("build interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        }
    }
}
