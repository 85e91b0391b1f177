package org.medsite.medical;

import java.util.List;

/**
 * What the glossary did on one page.
 *
 * @param defined the glossary entries the page uses, in the order of their first use; the theme lists
 *     them as "Words used on this page", the target of the marked first uses
 * @param jargon jargon words used with neither a glossary entry nor an explanation in the text
 */
public record PageGlossary(List<GlossaryEntry> defined, List<JargonUse> jargon) {

    public PageGlossary {
        defined = List.copyOf(defined);
        jargon = List.copyOf(jargon);
    }

    public static PageGlossary none() {
        return new PageGlossary(List.of(), List.of());
    }
}
