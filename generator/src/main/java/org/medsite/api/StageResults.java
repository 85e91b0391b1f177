package org.medsite.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medsite.config.SiteConfig;
import org.medsite.content.ContentSource;
import org.medsite.content.SiteSources;
import org.medsite.diagnostics.Finding;
import org.medsite.markdown.RenderedMarkdown;
import org.medsite.medical.PeopleRegistry;
import org.medsite.model.PageSource;
import org.medsite.model.RelatedPages;
import org.medsite.render.KeptViews;
import org.medsite.postprocess.PageSources;
import org.medsite.render.PageRendering;
import org.medsite.render.TemplateEngine;
import org.medsite.render.Theme;
import org.medsite.render.Translations;

/**
 * The results of each stage of the last build, kept by a {@link BuildSession} so that the next build
 * redoes only what a change affects. Each cached result keeps the findings it produced, which are
 * reported again whenever the result is reused: a warm build reports exactly what a cold one would.
 *
 * <p>Owned by one session and used by one build at a time.
 */
final class StageResults {

    /** A parsed source: the page (or nothing, for a draft or a broken file) and its findings. */
    record Parsed(Optional<PageSource> page, List<Finding> findings) {
    }

    /**
     * A page's rendered Markdown, valid while its source is the same and every link target it looked up
     * still resolves the same way.
     */
    record Markdown(PageSource source, RenderedMarkdown rendered, List<Finding> findings,
            Map<String, Optional<String>> pageLinks, Map<String, Optional<String>> resourceLinks) {
    }

    /** A page's templates' output, what they read, and their findings. */
    record Rendered(PageRendering rendering, List<Finding> findings) {
    }

    /**
     * One output file after post-processing and page checks, for the HTML it was made from; with what the
     * page loads, and what the site's stylesheets loaded when its policy was written into it. The
     * {@code text} (the bytes as a string, searched for links by a session's next build) is empty in a
     * one-off build, which never reads it; {@code bytes} is null there for a page taken from the page cache
     * as the output file holds it (see {@code CachedStages.finished}).
     */
    record Finished(String html, boolean checked, String text, byte[] bytes, List<Finding> findings,
            PageSources sources, PageSources stylesheetSources) {
    }

    /**
     * The findings of the per-page site checks about one page, valid while the page is equal to this
     * one and the day is the same (settings, data and people changes clear them).
     */
    record Checked(org.medsite.model.Page page, java.time.LocalDate today, List<Finding> findings) {
    }

    /** The stage results every page shares: settings, theme, data, the people registry and templates. */
    record Shared(SiteConfig config, Theme theme, Map<String, Object> data, PeopleRegistry people,
            List<Finding> dataFindings, TemplateEngine engine, Translations translations,
            List<Finding> translationFindings, Map<String, byte[]> themeAssets) {
    }

    /** Whether results are kept at all: a one-off build keeps none beyond its own run. */
    final boolean kept;
    SiteSources sources;
    Shared shared;
    Map<ContentSource, Parsed> parsed = new HashMap<>();
    Map<String, Markdown> markdown = new HashMap<>();
    /** The URL plan and the files {@link #markdown} was last checked against (see {@link Markdown}). */
    Map<String, String> markdownUrls;
    SiteSources markdownSources;
    /** The glossaries the cached Markdown was rendered with: when they change, every page is rendered again. */
    org.medsite.medical.Glossaries glossaries;
    /** What each key of {@link org.medsite.render.TemplateReads} stood for in the last site (a mutable map, patched in place). */
    Map<String, Object> readValues = Map.of();
    /** The site whose keys {@link #readValues} holds, or null. */
    org.medsite.model.Site readValuesSite;
    /** The last assembled site, patched for an edit that moves no page. */
    final org.medsite.model.KeptSite site = new org.medsite.model.KeptSite();
    Map<String, Rendered> rendered = new HashMap<>();
    Map<String, Finished> finished = new HashMap<>();
    /** The finished pages as planned by the last build (see {@code Pipeline.planFinishedLayer}), or null. */
    org.medsite.output.OutputPlan.Layer finishedLayer;
    /** The findings of the finished pages of {@link #finishedLayer}, in path order, or null. */
    List<Finding> finishedFindings;
    /**
     * A session's HTML of every output file, for the site {@link #htmlSite} and the renderings
     * {@link #htmlRendered} (the very map, so that a reset of {@link #rendered} is seen): patched for the
     * pages rendered again when the next site is patched from that one (see {@code Pipeline.renderPages}).
     */
    Map<String, String> html;
    org.medsite.model.Site htmlSite;
    Map<String, Rendered> htmlRendered;
    /** The output paths whose HTML this build changed, came or went; null when not known (then every path counts). */
    java.util.Set<String> htmlChanged;
    /** The ids of the pages whose templates reported findings, in the site's order. */
    List<String> renderReporting = List.of();
    /** Template views of pages, kept for the pages whose views show the same thing. */
    final KeptViews views = new KeptViews();
    /** Each page's search index entry, serialized again only when what it shows changed. */
    final org.medsite.output.SearchIndexWriter.Entries searchEntries = new org.medsite.output.SearchIndexWriter.Entries();
    /** The feeds, written again only when a page they list changed. */
    final org.medsite.output.FeedWriter.Kept feeds = new org.medsite.output.FeedWriter.Kept();
    /** The sitemaps, written again only when a page's place in the site changed. */
    final org.medsite.output.SitemapWriter.Kept sitemaps = new org.medsite.output.SitemapWriter.Kept();
    /** The pages swapped into {@link #patchedFrom} to make this build's site. */
    List<org.medsite.model.Page> swapped = List.of();
    /** The rules of _headers, worked out again only when a page's sources or the output paths changed. */
    final KeptPolicySources policySources = new KeptPolicySources();
    /** The URLs, planned again only when a page's URL may have changed. */
    final org.medsite.model.KeptUrls urls = new org.medsite.model.KeptUrls();
    /** The site this build's site was patched from (see {@link org.medsite.model.KeptSite}), or null. */
    org.medsite.model.Site patchedFrom;

    /**
     * Tells the kept results that this build's site is {@code assembled}: where it was patched from the
     * last one, what depends on every page's place in the site (views, search index order, share cards)
     * is patched too.
     */
    void patched(org.medsite.model.KeptSite.Assembled assembled) {
        patchedFrom = assembled.patchedFrom().orElse(null);
        swapped = assembled.patched();
        if (patchedFrom != null) {
            searchEntries.patched(patchedFrom, assembled.patched());
        }
    }

    /** Share cards and photo copies, kept in memory rather than read back from the image cache on each save. */
    final org.medsite.image.KeptImages images = new org.medsite.image.KeptImages();
    /** The related pages, recomputed only when a page's terms, date, title or URL changed. */
    final RelatedPages related = new RelatedPages();
    /** The per-page findings of the site checks, by page id (see {@link Checked}). */
    Map<String, Checked> checked = new HashMap<>();
    /** The last build's findings as the lists they were added in, and sorted (see {@link #sortedFindings}). */
    private List<List<Finding>> findingsAdded = List.of();
    private List<Finding> findingsSorted = List.of();

    /**
     * The findings of this build in report order: the last build's sorted list when this build added the
     * same lists of findings in the same order, which a session's rebuild mostly does, since it adds the
     * kept lists of unchanged pages as the last build did (the very lists: compared by identity first, a
     * look per list rather than per finding), and that list patched when a few lists changed. Sorting the
     * thousands of warnings of a big site on every save cost more than an edit's own work.
     */
    List<Finding> sortedFindings(org.medsite.diagnostics.FindingCollector findings) {
        List<List<Finding>> added = findings.segments();
        List<Finding> in = new java.util.ArrayList<>();
        List<Finding> out = new java.util.ArrayList<>();
        if (!changedLists(added, in, out)) {
            List<Finding> patched = in.isEmpty() && out.isEmpty() ? findingsSorted : patchedSort(in, out);
            findingsSorted = patched != null ? patched : findings.sorted();
        } else {
            findingsSorted = findings.sorted();
        }
        findingsAdded = added;
        return findingsSorted;
    }

    /**
     * Puts the findings of the lists that came since the last build in {@code in}, and of those that went in
     * {@code out}, comparing the lists by identity first (a session adds the very lists of unchanged pages).
     *
     * @return true when there is no last build or too much changed, and a sort is as cheap
     */
    private boolean changedLists(List<List<Finding>> added, List<Finding> in, List<Finding> out) {
        if (findingsAdded.isEmpty() && !added.isEmpty()) {
            return true;
        }
        if (added.size() == findingsAdded.size()) {
            // A save mostly changes lists where they stand: compared place by place.
            for (int i = 0; i < added.size(); i++) {
                List<Finding> now = added.get(i);
                List<Finding> was = findingsAdded.get(i);
                if (now != was && !now.equals(was)) {
                    in.addAll(now);
                    out.addAll(was);
                }
            }
        } else {
            Map<List<Finding>, Integer> lists = new java.util.IdentityHashMap<>();
            findingsAdded.forEach(list -> lists.merge(list, 1, Integer::sum));
            for (List<Finding> list : added) {
                Integer left = lists.get(list);
                if (left == null) {
                    in.addAll(list);
                } else if (left == 1) {
                    lists.remove(list);
                } else {
                    lists.put(list, left - 1);
                }
            }
            // What is left of the last build's lists went.
            lists.forEach((list, times) -> {
                for (int t = 0; t < times; t++) {
                    out.addAll(list);
                }
            });
        }
        return (in.size() + out.size()) * 8L > findingsSorted.size();
    }

    /**
     * The last build's findings in report order without {@code out} and with {@code in}: where sorting every
     * finding again cost a few milliseconds on a big site. {@link Finding#ORDER} compares every field, so
     * that equal places hold equal findings: the result is the list a sort gives. Null if a finding of
     * {@code out} is not in the last list (then a sort decides).
     */
    private List<Finding> patchedSort(List<Finding> in, List<Finding> out) {
        in.sort(Finding.ORDER);
        out.sort(Finding.ORDER);
        List<Finding> merged = new java.util.ArrayList<>(findingsSorted.size() - out.size() + in.size());
        int nextIn = 0;
        int nextOut = 0;
        for (Finding f : findingsSorted) {
            // Both lists are in report order: a finding that went is met where it stands.
            if (nextOut < out.size() && Finding.ORDER.compare(out.get(nextOut), f) == 0) {
                nextOut++;
                continue;
            }
            while (nextIn < in.size() && Finding.ORDER.compare(in.get(nextIn), f) < 0) {
                merged.add(in.get(nextIn++));
            }
            merged.add(f);
        }
        while (nextIn < in.size()) {
            merged.add(in.get(nextIn++));
        }
        return nextOut == out.size() ? List.copyOf(merged) : null;
    }

    /** The last build's index of output paths, and its stylesheets' sources. */
    private org.medsite.check.OutputIndex outputIndex;
    private org.medsite.postprocess.PageSources stylesheetSources;

    /** Whether {@code paths} are the last build's output paths (see {@link #outputPaths}). */
    boolean sameOutputPaths(java.util.Set<String> paths) {
        return outputPaths != null && outputPaths.size() == paths.size() && outputPaths.containsAll(paths);
    }

    /** The index of {@code paths}: the last build's while the paths are the same (making it is a pass over every file). */
    org.medsite.check.OutputIndex outputIndex(boolean samePaths, java.util.Set<String> paths, String basePath) {
        if (outputIndex == null || !samePaths || !outputIndex.basePath().equals(basePath)) {
            outputIndex = new org.medsite.check.OutputIndex(paths, basePath);
        }
        return outputIndex;
    }

    /** The summaries of the pages of {@link #summariesSite}, for the build's result. */
    private List<PageSummary> summaries;
    private org.medsite.model.Site summariesSite;

    /**
     * The summaries of {@code site}'s pages: the last build's for a site patched from its site, since a
     * swapped page keeps everything a summary shows (URL, output path, source, title, language, kind).
     */
    List<PageSummary> summaries(org.medsite.model.Site site,
            java.util.function.Function<org.medsite.model.Page, PageSummary> summary) {
        org.medsite.model.KeptSite.Assembled assembled = this.site.last();
        boolean patched = summariesSite != null && assembled != null && assembled.site() == site
                && assembled.patchedFrom().filter(from -> from == summariesSite).isPresent();
        if (site != summariesSite && !patched) {
            summaries = site.pages().stream().map(summary).toList();
        }
        summariesSite = site;
        return summaries;
    }

    /** The index of the last build's output paths, when it was made with {@code basePath}; else null. */
    org.medsite.check.OutputIndex keptOutputIndex(String basePath) {
        return outputIndex != null && outputIndex.basePath().equals(basePath) ? outputIndex : null;
    }

    /**
     * What the finished pages were made with, for a save that looks only at the files whose HTML changed
     * (see {@code Pipeline.postProcess}): the stylesheets' sources, the sources with errors, the output
     * paths planned before the pages, and whether {@link #finished} holds the HTML of {@link #html} but
     * for {@link #htmlChanged} (false from the render of a build until its post-processing is done).
     */
    org.medsite.postprocess.PageSources finishedStylesheets;
    java.util.Set<String> failedSources;
    java.util.Set<String> finishedPaths;
    boolean finishedMatchesHtml;

    /** The pages of {@link #pagesSite} by URL and by output path (see {@link #pagesOf}). */
    private Map<String, org.medsite.model.Page> pagesByUrl = new HashMap<>();
    private Map<String, org.medsite.model.Page> pagesByOutput = new HashMap<>();
    private org.medsite.model.Site pagesSite;

    /** The pages of {@code site} by URL: for a site patched from the last one, the last map with the swapped pages. */
    Map<String, org.medsite.model.Page> pagesByUrl(org.medsite.model.Site site) {
        pagesOf(site);
        return pagesByUrl;
    }

    /** The pages of {@code site} by output path (a paginated list's later pages are not in it). */
    Map<String, org.medsite.model.Page> pagesByOutput(org.medsite.model.Site site) {
        pagesOf(site);
        return pagesByOutput;
    }

    private void pagesOf(org.medsite.model.Site site) {
        if (site == pagesSite) {
            return;
        }
        org.medsite.model.KeptSite.Assembled assembled = this.site.last();
        boolean patched = pagesSite != null && assembled != null && assembled.site() == site
                && assembled.patchedFrom().filter(from -> from == pagesSite).isPresent();
        if (patched) {
            // A swapped page stands where the one it replaces stood: same URL, same output path.
            for (org.medsite.model.Page page : assembled.patched()) {
                pagesByUrl.put(page.url(), page);
                pagesByOutput.put(page.outputPath(), page);
            }
        } else {
            pagesByUrl = new HashMap<>();
            pagesByOutput = new HashMap<>();
            for (org.medsite.model.Page page : site.pages()) {
                pagesByUrl.put(page.url(), page);
                pagesByOutput.put(page.outputPath(), page);
            }
        }
        pagesSite = site;
    }

    /** The finished pages' paths in order, the last build's list while the pages are the same. */
    private List<String> finishedOrder = List.of();

    List<String> finishedOrder(boolean samePages, java.util.Set<String> paths) {
        if (!samePages || finishedOrder.size() != paths.size()) {
            finishedOrder = List.copyOf(new java.util.TreeSet<>(paths));
        }
        return finishedOrder;
    }

    /** {@code sources}, or the last build's equal instance. */
    org.medsite.postprocess.PageSources sameStylesheetSources(org.medsite.postprocess.PageSources sources) {
        if (!sources.equals(stylesheetSources)) {
            stylesheetSources = sources;
        }
        return stylesheetSources;
    }

    /** Every output path of the last build, to see which files came or went. */
    java.util.Set<String> outputPaths;
    /** What the output folder holds, once a session has written it; updated in place by {@link ChangedFilesWriter}. */
    Map<String, Object> written;
    /**
     * The layers of the plan whose entries {@link #written} holds, but for each layer's unwritten paths
     * (see {@link org.medsite.output.OutputPlan.Layer#unwritten()}); compared by identity.
     */
    java.util.Set<org.medsite.output.OutputPlan.Layer> writtenLayers = java.util.Set.of();
    /** The pages whose templates the last build ran (the others' output was reused). */
    List<String> lastRendered = List.of();
    /** The output files the last build wrote or removed. */
    List<String> lastChanged = List.of();

    /** The output folder's lock, once taken: a session holds it for its lifetime. */
    org.medsite.output.BuildLock lock;

    private StageResults(boolean kept) {
        this.kept = kept;
    }

    static StageResults oneOff() {
        return new StageResults(false);
    }

    static StageResults kept() {
        return new StageResults(true);
    }

    /** Lets other builds write the output folder again. */
    void releaseLock() {
        if (lock == null) {
            return;
        }
        try {
            lock.close();
        } catch (java.io.IOException e) {
            // The channel is closed either way, and a lock never outlives its process.
        } finally {
            lock = null;
        }
    }

    /** Forgets every result that depends on the settings, data or templates. */
    void clearShared() {
        shared = null;
        sources = null;
        parsed = new HashMap<>();
        markdown = new HashMap<>();
        markdownUrls = null;
        markdownSources = null;
        readValues = Map.of();
        readValuesSite = null;
        rendered = new HashMap<>();
        finished = new HashMap<>();
        finishedLayer = null;
        finishedFindings = null;
        checked = new HashMap<>();
        views.forget();
    }
}
