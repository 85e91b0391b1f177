package org.medsite.render;

import java.util.List;
import org.medsite.medical.GlossaryEntry;

/**
 * A glossary term as templates see it (each of {@code page.glossary} and {@code site.glossary}).
 *
 * @param term the term
 * @param id the id its definition carries ({@code define-hypertension}): marked terms in the text link to
 *     {@code #<id>} and are described by {@code <id>-text}, so a theme must use both
 * @param definition the plain definition
 * @param plain a plainer word for it, or null
 * @param abbreviations its short forms ("BP")
 */
public record GlossaryTermView(String term, String id, String definition, String plain, List<String> abbreviations) {

    public GlossaryTermView {
        abbreviations = List.copyOf(abbreviations);
    }

    static GlossaryTermView of(GlossaryEntry e) {
        return new GlossaryTermView(e.term(), e.id(), e.definition(), e.plain().orElse(null), e.abbreviations());
    }
}
