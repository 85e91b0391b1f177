package org.medsite.medical;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The glossary of one language: its entries in file order, and a matcher for their written forms. */
public final class Glossary {

    private final String lang;
    private final List<GlossaryEntry> entries;
    private final TermMatcher<GlossaryEntry> matcher;

    public Glossary(String lang, List<GlossaryEntry> entries) {
        this.lang = lang;
        this.entries = List.copyOf(entries);
        Map<String, GlossaryEntry> words = new LinkedHashMap<>();
        Map<String, GlossaryEntry> abbreviations = new LinkedHashMap<>();
        for (GlossaryEntry e : this.entries) {
            words.put(e.term(), e);
            e.forms().forEach(f -> words.put(f, e));
            e.abbreviations().forEach(a -> abbreviations.put(a, e));
        }
        this.matcher = new TermMatcher<>(words, abbreviations);
    }

    public String lang() {
        return lang;
    }

    public List<GlossaryEntry> entries() {
        return entries;
    }

    /** The entries from A to Z, for a glossary page. */
    public List<GlossaryEntry> sorted() {
        java.text.Collator collator = java.text.Collator.getInstance(java.util.Locale.forLanguageTag(lang));
        collator.setStrength(java.text.Collator.SECONDARY);
        return entries.stream().sorted(Comparator.comparing(GlossaryEntry::term, collator)).toList();
    }

    public List<TermMatcher.Match<GlossaryEntry>> find(CharSequence text) {
        return matcher.find(text);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Glossary g && g.lang.equals(lang) && g.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lang, entries);
    }

    @Override
    public String toString() {
        return "Glossary[" + lang + ", " + entries.size() + " entries]";
    }
}
