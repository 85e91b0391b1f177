package org.medsite.content;

/** What a Markdown file is, by its name and place in {@code content/}. */
public enum SourceKind {
    /** {@code content/_index.md}: the home page. */
    HOME,
    /** {@code <folder>/_index.md}: the list page of a section, with its own front matter and text. */
    SECTION,
    /** {@code <folder>/index.md}: a page bundle; the other files in the folder belong to it. */
    BUNDLE,
    /** Any other Markdown file: one page. */
    PAGE
}
