package org.medsite.frontmatter;

/**
 * A content file split into its front matter and its Markdown body.
 *
 * @param frontMatter the typed front matter
 * @param body the Markdown after the closing {@code ---}
 * @param bodyLine the 1-based file line on which {@code body} starts, to turn body lines into file lines
 */
public record ParsedSource(FrontMatter frontMatter, String body, int bodyLine) {
}
