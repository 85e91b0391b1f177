package org.medsite.medical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TermMatcherTest {

    private static final Map<String, String> WORDS = new LinkedHashMap<>();
    private static final Map<String, String> ABBREVIATIONS = new LinkedHashMap<>();

    static {
        for (String w : List.of("blood pressure", "high blood pressure", "hypertension", "BP", "straße", "ſun",
                "kelvin", "İlk", "x-ray", "covid-19", "a1c", "é", "𝒜b", "Ωmega", "pressure")) {
            WORDS.put(w, "word " + w);
        }
        for (String a : List.of("BP", "HbA1c", "ER", "İV", "CT")) {
            ABBREVIATIONS.put(a, "abbreviation " + a);
        }
    }

    @Test
    void longestFormFirstWholeWordsAndAbbreviationsWithTheirCase() {
        TermMatcher<String> matcher = new TermMatcher<>(WORDS, ABBREVIATIONS);
        // "BP" is also an abbreviation, so even as a word it keeps its case: "bp" is not found.
        List<TermMatcher.Match<String>> found = matcher.find("High  blood\npressure (BP), not bp; er, ER! xblood pressure");
        assertThat(found).extracting(TermMatcher.Match::value).containsExactly("word high blood pressure",
                "word BP", "abbreviation ER", "word pressure");
        assertThat(found.get(0).start()).isZero();
        assertThat(found.get(0).end()).isEqualTo("High  blood\npressure".length());
    }

    /**
     * The matcher finds what the one regular expression of all forms found before it replaced it (issue #11),
     * on random text made of the forms, their neighbours in case folding, letters, digits and separators.
     */
    @Test
    void findsWhatTheFormerRegularExpressionFound() {
        String[] pieces = {"blood", "BLOOD", "Blood", "pressure", "high", "HIGH", " ", "  ", "\n", "\t", "\u00a0", "-",
            "hypertension", "bp", "BP", "Bp", "ER", "er", "HbA1c", "hba1c", "STRASSE", "straße", "STRAẞE", "sun", "ſun",
            "SUN", "KELVIN", "\u212Aelvin", "ilk", "İlk", "İLK", "ILK", "ıv", "İV", "x-ray", "X-RAY", "covid-19", "19",
            "a1c", "é", "É", "e\u0301", "𝒜b", "𝒜", "ωmega", "ΩMEGA", "Ωmega", "CT", "ct", "x", "7", ".", ",", "(", ")", "_"};
        TermMatcher<String> matcher = new TermMatcher<>(WORDS, ABBREVIATIONS);
        RegexTermMatcher reference = new RegexTermMatcher(WORDS, ABBREVIATIONS);
        Random random = new Random(20261128);
        for (int round = 0; round < 30_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            assertThat(matcher.find(text)).as(text.toString()).isEqualTo(reference.find(text));
        }
    }

    /** TermMatcher as it was: one regular expression, every form tried at every word. */
    private static final class RegexTermMatcher {
        private final Pattern pattern;
        private final Map<String, String> byWords = new LinkedHashMap<>();
        private final Map<String, String> byAbbreviation = new LinkedHashMap<>();

        RegexTermMatcher(Map<String, String> words, Map<String, String> abbreviations) {
            List<String> alternatives = new ArrayList<>();
            words.forEach((form, value) -> {
                byWords.putIfAbsent(TermMatcher.normal(form), value);
                alternatives.add(form);
            });
            abbreviations.forEach((form, value) -> {
                byAbbreviation.putIfAbsent(form.strip(), value);
                alternatives.add(form);
            });
            alternatives.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
            StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])(?:");
            boolean first = true;
            for (String form : alternatives) {
                regex.append(first ? "" : "|");
                String quoted = String.join("\\s+", java.util.Arrays.stream(form.strip().split("\\s+"))
                        .map(Pattern::quote).toList());
                regex.append(abbreviations.containsKey(form) ? "(?-i:" + quoted + ")" : quoted);
                first = false;
            }
            regex.append(")(?![\\p{L}\\p{N}])");
            pattern = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }

        List<TermMatcher.Match<String>> find(CharSequence text) {
            List<TermMatcher.Match<String>> matches = new ArrayList<>();
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                String found = m.group();
                String abbreviation = byAbbreviation.get(found);
                String value = byWords.get(TermMatcher.normal(found));
                if (value != null) {
                    matches.add(new TermMatcher.Match<>(m.start(), m.end(), value, false));
                } else if (abbreviation != null) {
                    matches.add(new TermMatcher.Match<>(m.start(), m.end(), abbreviation, true));
                }
            }
            return matches;
        }
    }
}
