package org.medsite.markdown;

/**
 * A page body rendered to HTML.
 *
 * @param html the body as HTML
 * @param title the text of a leading {@code # Heading} lifted out of the body to be the title, if any
 * @param firstParagraph the plain text of the first paragraph, the fallback description and summary
 * @param wordCount the words of the body's text
 * @param toc the body's level-2 and level-3 headings, in order
 * @param teaser the plain text before a {@code <!--more-->} line, if the body has one
 * @param plainText the body's text without markup, for the search index; empty when the build writes none
 * @param cited the ids of the sources the body cites, in the order of first citation
 * @param readability how hard the body's prose is to read
 * @param glossary the glossary terms the body uses and the jargon it leaves undefined
 */
public record RenderedMarkdown(String html, java.util.Optional<String> title, String firstParagraph, int wordCount,
        java.util.List<TocEntry> toc, java.util.Optional<String> teaser, String plainText, java.util.List<String> cited,
        org.medsite.medical.Readability readability, org.medsite.medical.PageGlossary glossary) {

    /** A body without glossary terms or jargon. */
    public RenderedMarkdown(String html, java.util.Optional<String> title, String firstParagraph, int wordCount,
            java.util.List<TocEntry> toc, java.util.Optional<String> teaser, String plainText,
            java.util.List<String> cited, org.medsite.medical.Readability readability) {
        this(html, title, firstParagraph, wordCount, toc, teaser, plainText, cited, readability,
                org.medsite.medical.PageGlossary.none());
    }

    public RenderedMarkdown {
        toc = java.util.List.copyOf(toc);
        cited = java.util.List.copyOf(cited);
    }

    /** This body with {@code leading} markup before it (a page's front matter video); its text is unchanged. */
    public RenderedMarkdown withLeadingHtml(String leading) {
        return new RenderedMarkdown(leading + "\n" + html, title, firstParagraph, wordCount, toc, teaser, plainText, cited,
                readability, glossary);
    }
}
