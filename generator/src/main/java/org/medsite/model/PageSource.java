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

    public String id() {
        return source.path();
    }
}
