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
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.time.LocalDate;
import org.medsite.check.Checks;
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
import org.medsite.diagnostics.FindingCollector;
import org.medsite.frontmatter.FrontMatter;
import org.medsite.frontmatter.FrontMatterParser;
import org.medsite.frontmatter.ParsedSource;
import org.medsite.markdown.Citations;
import org.medsite.markdown.LinkTargets;
import org.medsite.markdown.MarkdownContext;
import org.medsite.markdown.MarkdownRenderer;
import org.medsite.markdown.RenderedMarkdown;
import org.medsite.medical.MedicalInfo;
import org.medsite.medical.MedicalMetadataReader;
import org.medsite.medical.PeopleRegistry;
import org.medsite.medical.ReviewPolicy;
import org.medsite.medical.Source;
import org.medsite.model.Page;
import org.medsite.model.PageSource;
import org.medsite.model.Site;
import org.medsite.model.SiteAssembler;
import org.medsite.model.UrlPlanner;
import org.medsite.output.AtomicSiteWriter;
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
import org.medsite.postprocess.HtmlPostProcessor;
import org.medsite.postprocess.ImageDimensions;
import org.medsite.postprocess.ImageSizes;
import org.medsite.render.PageRenderer;
import org.medsite.render.TemplateEngine;
import org.medsite.render.Theme;
import org.medsite.render.ThemeAssets;
import org.medsite.render.ThemeLoader;
import org.medsite.render.Translations;
import org.medsite.text.SourceText;
import org.medsite.yaml.YamlReader;

/**
 * The one place that knows the order of the stages: config, discover, parse, plan URLs, render
 * Markdown, assemble, render templates, post-process and check, write. Each stage is timed; each
 * reports its problems to one collector, and the build goes on as far as it meaningfully can so that
 * one run shows every mistake. Nothing is written if any error was found.
 */
final class Pipeline {

    private static final java.util.regex.Pattern PAGINATED = java.util.regex.Pattern.compile("(.*)page/\\d+/index\\.html");

    private final BuildOptions options;
    private final BuildListener listener;
    private final List<StageTiming> timings = new ArrayList<>();
    private final FindingCollector findings;

    Pipeline(BuildOptions options, BuildListener listener) {
        this.options = options;
        this.listener = listener;
        this.findings = new FindingCollector(listener::finding);
    }

    BuildResult run(BuildMode mode) throws MedsiteException {
        long start = System.nanoTime();
        ForkJoinPool pool = new ForkJoinPool(options.threads());
        List<PageSummary> pages = List.of();
        Optional<WriteStats> written = Optional.empty();
        try {
            Optional<Built> built = buildSite(pool, mode);
            if (built.isPresent()) {
                pages = built.get().site().pages().stream().map(Pipeline::summary).toList();
                if (mode == BuildMode.BUILD && !findings.hasErrors()) {
                    OutputPlan plan = built.get().plan();
                    written = Optional.of(stage("write",
                            () -> new AtomicSiteWriter().write(plan, new OutputFolder(options.outputDir()))));
                }
                EditorialReport report = new EditorialReport(built.get().site(),
                        options.now().atOffset(java.time.ZoneOffset.UTC).toLocalDate(), findings.sorted());
                listener.info("editorial report: " + report.summary());
                if (written.isPresent()) {
                    new OutputFolder(options.outputDir()).writeBeside(EditorialReport.JSON_FILE, report.json());
                    new OutputFolder(options.outputDir()).writeBeside(EditorialReport.HTML_FILE, report.html());
                }
            }
        } catch (IOException e) {
            throw new MedsiteException("build failed: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
        return new BuildResult(mode, pages, findings.sorted(), timings, written, options.outputDir(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    private record Built(Site site, OutputPlan plan) {
    }

    private Optional<Built> buildSite(ForkJoinPool pool, BuildMode mode) throws IOException {
        Path siteDir = options.siteDir();
        if (!Files.isDirectory(siteDir)) {
            findings.error("site.missing", "", 0, "site folder " + siteDir + " does not exist");
            return Optional.empty();
        }
        // A check writes nothing, so whatever the output folder holds is no reason to refuse it.
        Optional<String> outputProblem = mode == BuildMode.CHECK ? Optional.empty()
                : new OutputFolder(options.outputDir()).problemWith(siteDir);
        if (outputProblem.isPresent()) {
            findings.error("output.folder", "", 0, outputProblem.get());
            return Optional.empty();
        }
        YamlReader yaml = new YamlReader();
        SiteConfig config = stage("config",
                () -> new SiteConfigLoader(yaml).load(siteDir, options.baseUrl(), options.theme(), findings));
        Optional<Theme> theme = new ThemeLoader(options.classLoader(), yaml).load(config.theme(), findings);
        if (theme.isEmpty()) {
            return Optional.empty();
        }
        SiteSources sources = stage("discover",
                () -> new ContentDiscovery(Set.copyOf(config.languages())).discover(siteDir, findings));
        Map<String, Object> data = stage("data", () -> new DataFiles(yaml).load(siteDir, findings));

        FrontMatterParser frontMatter = new FrontMatterParser(yaml, config.taxonomies());
        MedicalMetadataReader medicalReader = new MedicalMetadataReader(
                new ReviewPolicy(config.medical().reviewCycleMonths(), config.medical().dueSoonDays()));
        List<PageSource> parsed = stage("parse", () -> inPool(pool, () -> sources.pages().parallelStream()
                .map(source -> parse(source, frontMatter, config, medicalReader))
                .flatMap(Optional::stream)
                .toList()));
        Map<String, String> urls = stage("urls", () -> new UrlPlanner(config).plan(parsed, findings));

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
        MarkdownRenderer markdown = new MarkdownRenderer(config.markdown());
        Map<String, RenderedMarkdown> rendered = stage("markdown", () -> inPool(pool, () -> {
            Map<String, RenderedMarkdown> map = new ConcurrentHashMap<>();
            parsed.parallelStream().filter(p -> urls.containsKey(p.id())).forEach(p -> map.put(p.id(),
                    markdown.render(p.body(), new MarkdownContext(p.id(), p.source().displayName(), p.bodyLine(),
                            config.basePath(), targets, findings, p.frontMatter().title().isPresent(),
                            new Citations(p.medical().sources().stream().map(Source::id)
                                    .collect(java.util.stream.Collectors.toSet())), p.lang()))));
            return map;
        }));

        PeopleRegistry people = PeopleRegistry.load(siteDir, data, findings);
        Site site = stage("assemble", () -> SiteAssembler.assemble(config, parsed, urls, rendered, data, people));
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
            for (SiteCheck check : checks.site()) {
                check.check(site, today, configured);
            }
            return null;
        });

        Optional<Path> layouts = sources.layoutsDir()
                ? Optional.of(siteDir.resolve(ContentDiscovery.LAYOUTS_DIR)) : Optional.empty();
        TemplateEngine engine = new TemplateEngine(layouts, theme.get(), options.classLoader());
        Translations translations = Translations.load(siteDir, theme.get(), options.classLoader(), config.languages(),
                yaml, findings);
        PageRenderer renderer = new PageRenderer(engine, translations,
                options.now().atOffset(java.time.ZoneOffset.UTC).toLocalDate());
        Map<String, String> html = stage("render", () -> inPool(pool, () -> renderer.renderAll(site, findings)));

        OutputPlan plan = new OutputPlan(findings);
        stage("outputs", () -> {
            planStaticFiles(plan, sources, theme.get());
            planSiteFiles(plan, site, renderer);
            return null;
        });
        stage("postprocess", () -> {
            // Every page of the model counts as present, even one whose template failed: its own error
            // says what is wrong, and links to it are not broken.
            Set<String> allPaths = new HashSet<>(plan.paths());
            site.pages().forEach(p -> allPaths.add(p.outputPath()));
            allPaths.addAll(html.keySet());
            OutputIndex index = new OutputIndex(allPaths, config.basePath());
            // A page whose source already has errors (a broken Markdown link) would only repeat them here.
            Set<String> failedSources = new HashSet<>();
            findings.sorted().stream().filter(f -> f.isError()).forEach(f -> failedSources.add(f.file()));
            ImageSizes sizes = new ImageSizes();
            var entries = plan.entries();
            StructuredData structuredData = new StructuredData(site);
            Map<String, Page> byUrl = new HashMap<>();
            site.pages().forEach(p -> byUrl.put(p.url(), p));
            HtmlPostProcessor post = HtmlPostProcessor.standard(new ImageDimensions(config.basePath(),
                    path -> entries.containsKey(path) ? sizes.of(path, entries.get(path)::bytes) : Optional.empty()),
                    new JsonLdInjector(url -> config.hasAbsoluteBaseUrl() && byUrl.containsKey(url)
                            ? structuredData.of(byUrl.get(url)) : Optional.empty()));
            FindingCollector pageFindings = findings.withLevels(config.checks());
            Map<String, Page> byOutput = new HashMap<>();
            site.pages().forEach(p -> byOutput.put(p.outputPath(), p));
            // Later pages of a paginated list (blog/page/2/index.html) belong to their list page.
            for (String path : html.keySet()) {
                var m = PAGINATED.matcher(path);
                if (!byOutput.containsKey(path) && m.matches()) {
                    byOutput.put(path, byOutput.get(m.group(1) + "index.html"));
                }
            }
            Map<String, String> finished = inPool(pool, () -> {
                Map<String, String> map = new ConcurrentHashMap<>();
                html.entrySet().parallelStream().forEach(e -> {
                    Page page = byOutput.get(e.getKey());
                    var document = post.parse(e.getValue());
                    post.transform(document, page.url());
                    String origin = page.sourceFile().isEmpty() ? e.getKey() : page.sourceFile();
                    if (!failedSources.contains(origin)) {
                        RenderedPage renderedPage = new RenderedPage(e.getKey(), page.url(), origin, document);
                        for (PageCheck check : checks.pages()) {
                            check.check(renderedPage, index, pageFindings);
                        }
                    }
                    map.put(e.getKey(), post.serialize(document));
                });
                return map;
            });
            new TreeMap<>(finished).forEach((path, text) -> plan.addGenerated(path, text,
                    byOutput.get(path).sourceFile().isEmpty() ? "generated page " + byOutput.get(path).url()
                            : byOutput.get(path).sourceFile()));
            return null;
        });
        return Optional.of(new Built(site, plan));
    }

    /** Reads and parses one source; drafts, future and expired pages are left out unless asked for. */
    private Optional<PageSource> parse(ContentSource source, FrontMatterParser parser, SiteConfig config,
            MedicalMetadataReader medicalReader) {
        Optional<String> text;
        try {
            text = SourceText.read(source.file(), source.displayName(), findings);
        } catch (IOException e) {
            findings.error("source.unreadable", source.displayName(), 0, "cannot read file: " + e.getMessage());
            return Optional.empty();
        }
        Optional<ParsedSource> parsed = text.flatMap(t -> parser.parse(t, source.displayName(), findings));
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        FrontMatter fm = parsed.get().frontMatter();
        Instant now = options.now();
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
    private void planStaticFiles(OutputPlan plan, SiteSources sources, Theme theme) throws IOException {
        Set<String> own = new HashSet<>();
        for (StaticFile file : sources.staticFiles()) {
            own.add(file.target());
            plan.addCopy(file.target(), file.source(), file.origin());
        }
        for (Map.Entry<String, byte[]> asset : new ThemeAssets(options.classLoader()).read(theme).entrySet()) {
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
            files.putAll(new FeedWriter(site).write());
            files.putAll(new SitemapWriter(site).write());
        } else {
            listener.info("no feeds or sitemap.xml: they need full addresses; set 'baseURL: https://your-domain/' "
                    + "in site.yaml");
        }
        files.putAll(new Redirects(site).write(findings, !plan.contains("_redirects")));
        files.putAll(new SearchIndexWriter(site).write());
        renderer.renderRobots(site, absolute ? site.config().baseUrl() + SitemapWriter.path().substring(1) : null, findings)
                .ifPresent(text -> files.put("robots.txt", text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        files.put(".nojekyll", new byte[0]);
        files.forEach((path, bytes) -> {
            if (!plan.contains(path)) {
                plan.addGenerated(path, bytes, "generated " + path);
            }
        });
    }

    private static PageSummary summary(Page page) {
        String kind = switch (page.kind()) {
            case HOME -> "home";
            case SECTION -> "section";
            case PAGE -> "page";
            case TAXONOMY -> "taxonomy";
            case TERM -> "term";
            case PERSON -> "person";
            case NOT_FOUND -> "404";
        };
        return new PageSummary(page.url(), page.outputPath(), page.sourceFile(), page.title(), page.lang(), kind);
    }

    private interface Stage<T> {
        T run() throws IOException;
    }

    private <T> T stage(String name, Stage<T> stage) throws IOException {
        long t0 = System.nanoTime();
        T value = stage.run();
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        timings.add(new StageTiming(name, took));
        listener.stageFinished(name, took);
        return value;
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
