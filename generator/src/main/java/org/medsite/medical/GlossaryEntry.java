package org.medsite.medical;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One term of a site's glossary ({@code data/glossary.yaml}).
 *
 * @param term the term as the glossary names it ("hypertension")
 * @param definition what it means, in plain words
 * @param plain a plainer word or phrase to use instead ("high blood pressure"), if there is one
 * @param forms other ways the term is written: plurals, adjectives ("hypertensive"); matched like the term
 * @param abbreviations short forms ("BP"); matched with their case, since many are also ordinary words
 *     ("MI", Spanish "mi")
 * @param file the glossary file, for findings
 * @param line the line of the term in that file
 */
public record GlossaryEntry(String term, String definition, Optional<String> plain, List<String> forms,
        List<String> abbreviations, String file, int line) {

    public GlossaryEntry {
        forms = List.copyOf(forms);
        abbreviations = List.copyOf(abbreviations);
    }

    /** The id of the term's definition on a page and on the glossary page ({@code define-high-blood-pressure}). */
    public String id() {
        String ascii = Normalizer.normalize(term, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return "define-" + (slug.isEmpty() ? "term" : slug);
    }
}
