package org.medsite.frontmatter;

/**
 * A content file split into its front matter and its Markdown body.
 *
 * @param frontMatter the typed front matter
 * @param body the Markdown after the closing {@code ---}
 * @param bodyLine the 1-based file line on which {@code body} starts, to turn body lines into file lines
 * @param keyLines the file line of each front matter key, for later stages' findings
 */
public record ParsedSource(FrontMatter frontMatter, String body, int bodyLine, java.util.Map<String, Integer> keyLines) {

    public ParsedSource {
        keyLines = java.util.Map.copyOf(keyLines);
    }

    /** The line of a front matter key, or 1 (the front matter's start) when it is absent. */
    public int lineOf(String key) {
        return keyLines.getOrDefault(key, 1);
    }
}
