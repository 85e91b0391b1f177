package org.medsite.markdown;

import org.medsite.diagnostics.FindingCollector;

/**
 * What rendering one page's Markdown needs to know about the page.
 *
 * @param contentPath the page's path relative to {@code content/}, to resolve relative links
 * @param displayName the file's name in findings
 * @param bodyLine the file line on which the Markdown body starts
 * @param basePath the site's base path ({@code /} or {@code /clinic/}), prefixed to site paths
 * @param links the pages and files links may point at
 * @param findings where broken links are reported
 * @param hasTitle whether the front matter gives a title (else a leading {@code # Heading} becomes it)
 * @param citations the sources the page may cite, collecting the order it cites them in
 * @param lang the page's language, for readability formulas
 * @param glossary the glossary terms to mark and jargon to look for, collecting what the page uses
 * @param measureReadability whether the body's readability is measured (else it is reported as not measured,
 *     of no words)
 */
public record MarkdownContext(String contentPath, String displayName, int bodyLine, String basePath,
        LinkTargets links, FindingCollector findings, boolean hasTitle, Citations citations, String lang,
        GlossaryMarks glossary, boolean measureReadability) {

    /** A page whose readability is measured. */
    public MarkdownContext(String contentPath, String displayName, int bodyLine, String basePath, LinkTargets links,
            FindingCollector findings, boolean hasTitle, Citations citations, String lang, GlossaryMarks glossary) {
        this(contentPath, displayName, bodyLine, basePath, links, findings, hasTitle, citations, lang, glossary, true);
    }

    /** A page without glossary work. */
    public MarkdownContext(String contentPath, String displayName, int bodyLine, String basePath, LinkTargets links,
            FindingCollector findings, boolean hasTitle, Citations citations, String lang) {
        this(contentPath, displayName, bodyLine, basePath, links, findings, hasTitle, citations, lang,
                GlossaryMarks.none());
    }

    /** The file line of a 0-based line of the body. */
    public int fileLine(int bodyLineIndex) {
        return bodyLine + bodyLineIndex;
    }
}
