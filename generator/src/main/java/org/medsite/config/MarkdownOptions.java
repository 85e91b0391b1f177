package org.medsite.config;

/**
 * How Markdown is rendered, from {@code site.yaml}'s {@code markdown:} block.
 *
 * @param typographer curly quotes, dashes and ellipses (Flexmark's typographic extension)
 * @param hardWraps a newline inside a paragraph becomes {@code <br>}
 */
public record MarkdownOptions(boolean typographer, boolean hardWraps) {

    public static MarkdownOptions defaults() {
        return new MarkdownOptions(true, false);
    }
}
