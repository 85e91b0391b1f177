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
     * page loads, and what the site's stylesheets loaded when its policy was written into it.
     */
    record Finished(String html, boolean checked, String text, byte[] bytes, List<Finding> findings,
            PageSources sources, PageSources stylesheetSources) {
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
    /** What each key of {@link org.medsite.render.TemplateReads} stood for in the last site. */
    Map<String, Object> readValues = Map.of();
    Map<String, Rendered> rendered = new HashMap<>();
    Map<String, Finished> finished = new HashMap<>();
    /** Every output path of the last build, to see which files came or went. */
    java.util.Set<String> outputPaths;
    /** What the output folder holds, once a session has written it. */
    Map<String, Object> written;
    /** The pages whose templates the last build ran (the others' output was reused). */
    List<String> lastRendered = List.of();
    /** The output files the last build wrote or removed. */
    List<String> lastChanged = List.of();

    private StageResults(boolean kept) {
        this.kept = kept;
    }

    static StageResults oneOff() {
        return new StageResults(false);
    }

    static StageResults kept() {
        return new StageResults(true);
    }

    /** Forgets every result that depends on the settings, data or templates. */
    void clearShared() {
        shared = null;
        sources = null;
        parsed = new HashMap<>();
        markdown = new HashMap<>();
        readValues = Map.of();
        rendered = new HashMap<>();
        finished = new HashMap<>();
    }
}
