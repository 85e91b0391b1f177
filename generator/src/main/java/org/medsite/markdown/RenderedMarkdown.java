package org.medsite.markdown;

/**
 * A page body rendered to HTML.
 *
 * @param html the body as HTML
 * @param firstParagraph the plain text of the first paragraph, the fallback description and summary
 * @param wordCount the words of the body's text
 */
public record RenderedMarkdown(String html, String firstParagraph, int wordCount) {
}
