package org.medsite.api;

import java.util.Set;

/**
 * What changed in a site folder since the last build of a {@link BuildSession}, sorted by what each
 * change makes the pipeline redo.
 *
 * @param everything settings, data, theme strings or something unrecognised changed: redo every stage
 *     (a warm rebuild still reuses parsed files and rendered Markdown whose inputs are unchanged)
 * @param discover a file or folder was created, deleted or renamed: walk the folders again
 * @param content Markdown files edited, relative to {@code content/}
 * @param outputs files copied as they are (static files, bundle resources), by output path
 * @param templates templates created, edited or deleted, by template name ({@code partials/head.ftlh})
 * @param themeFiles a theme folder on disk changed (its assets are read again)
 */
record SiteChanges(boolean everything, boolean discover, Set<String> content, Set<String> outputs,
        Set<String> templates, boolean themeFiles) {

    static final SiteChanges EVERYTHING = new SiteChanges(true, true, Set.of(), Set.of(), Set.of(), true);

    SiteChanges {
        content = Set.copyOf(content);
        outputs = Set.copyOf(outputs);
        templates = Set.copyOf(templates);
    }

    boolean none() {
        return !everything && !discover && content.isEmpty() && outputs.isEmpty() && templates.isEmpty()
                && !themeFiles;
    }
}
