package org.medsite.model;

import org.medsite.content.ContentSource;
import org.medsite.frontmatter.FrontMatter;

/**
 * A content file after the parse stage, before its Markdown is rendered.
 *
 * @param source where it came from
 * @param frontMatter its typed front matter
 * @param body its Markdown body
 * @param bodyLine the file line on which the body starts
 * @param lang its language: the file name's, else the front matter's, else the site's
 * @param medical its typed medical metadata
 */
public record PageSource(ContentSource source, FrontMatter frontMatter, String body, int bodyLine, String lang,
        org.medsite.medical.MedicalInfo medical) {

    // equals and hashCode written out, with an identity check first: the record's own (bootstrapped through
    // invokedynamic, see ContentSource) compares every component even of the same instance, which a cached
    // page's Markdown is checked against on every rebuild (issue #11). The same values as the record's.

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof PageSource s && bodyLine == s.bodyLine && source.equals(s.source)
                && frontMatter.equals(s.frontMatter) && body.equals(s.body) && lang.equals(s.lang)
                && medical.equals(s.medical);
    }

    @Override
    public int hashCode() {
        int h = source.hashCode();
        h = 31 * h + frontMatter.hashCode();
        h = 31 * h + body.hashCode();
        h = 31 * h + Integer.hashCode(bodyLine);
        h = 31 * h + lang.hashCode();
        return 31 * h + medical.hashCode();
    }

    public String id() {
        return source.path();
    }
}
