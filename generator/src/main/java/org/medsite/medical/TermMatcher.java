package org.medsite.medical;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds terms in plain text: whole words only, case-insensitive (abbreviations excepted), the longest
 * term first where terms overlap ("high blood pressure" before "blood pressure").
 *
 * @param <T> what a term stands for (a glossary entry, a jargon word)
 */
public final class TermMatcher<T> {

    /** One occurrence: {@code text.substring(start, end)} is a way of writing {@code value}. */
    public record Match<T>(int start, int end, T value, boolean abbreviation) {
    }

    private final Pattern pattern;
    private final Map<String, T> byWords = new LinkedHashMap<>();
    private final Map<String, T> byAbbreviation = new LinkedHashMap<>();

    /**
     * @param words written forms matched regardless of case, with what each stands for
     * @param abbreviations written forms matched only with their exact case
     */
    public TermMatcher(Map<String, T> words, Map<String, T> abbreviations) {
        List<String> alternatives = new ArrayList<>();
        words.forEach((form, value) -> {
            byWords.putIfAbsent(normal(form), value);
            alternatives.add(form);
        });
        abbreviations.forEach((form, value) -> {
            byAbbreviation.putIfAbsent(form.strip(), value);
            alternatives.add(form);
        });
        // Java's alternation takes the first alternative that matches, so longer forms go first.
        alternatives.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])(?:");
        boolean first = true;
        for (String form : alternatives) {
            regex.append(first ? "" : "|");
            boolean abbreviation = abbreviations.containsKey(form);
            String quoted = String.join("\\s+", java.util.Arrays.stream(form.strip().split("\\s+")).map(Pattern::quote)
                    .toList());
            regex.append(abbreviation ? "(?-i:" + quoted + ")" : quoted);
            first = false;
        }
        regex.append(")(?![\\p{L}\\p{N}])");
        this.pattern = alternatives.isEmpty() ? null
                : Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** Every occurrence in {@code text}, left to right, none overlapping. */
    public List<Match<T>> find(CharSequence text) {
        List<Match<T>> matches = new ArrayList<>();
        if (pattern == null) {
            return matches;
        }
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            String found = m.group();
            T abbreviation = byAbbreviation.get(found);
            T value = byWords.get(normal(found));
            if (value != null) {
                matches.add(new Match<>(m.start(), m.end(), value, false));
            } else if (abbreviation != null) {
                matches.add(new Match<>(m.start(), m.end(), abbreviation, true));
            }
        }
        return matches;
    }

    static String normal(String form) {
        return form.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }
}
