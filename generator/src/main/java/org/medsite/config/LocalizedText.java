package org.medsite.config;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A setting's text in each language it was written for: {@code disclaimer: "..."} is the main language's
 * text, {@code disclaimer: {en: "...", es: "..."}} gives one per language. A page in a language without
 * a text gets none (the theme's own wording, translated), never another language's.
 *
 * @param byLanguage the text of each language code
 */
public record LocalizedText(Map<String, String> byLanguage) {

    public LocalizedText {
        byLanguage = java.util.Collections.unmodifiableMap(new TreeMap<>(byLanguage));
    }

    public static LocalizedText none() {
        return new LocalizedText(Map.of());
    }

    /** The text for a language, if the site wrote one. */
    public Optional<String> in(String language) {
        return Optional.ofNullable(byLanguage.get(language));
    }

    public boolean isEmpty() {
        return byLanguage.isEmpty();
    }
}
