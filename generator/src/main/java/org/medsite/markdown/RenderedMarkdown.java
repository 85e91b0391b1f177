package org.medsite.markdown;

/**
 * A page body rendered to HTML.
 *
 * @param html the body as HTML
 * @param title the text of a leading {@code # Heading} lifted out of the body to be the title, if any
 * @param firstParagraph the plain text of the first paragraph, the fallback description and summary
 * @param wordCount the words of the body's text
 */
public record RenderedMarkdown(String html, java.util.Optional<String> title, String firstParagraph, int wordCount) {
}
