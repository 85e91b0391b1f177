package org.medsite.medical;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.medsite.text.Whitespace;

/**
 * Finds terms in plain text: whole words only, case-insensitive (abbreviations excepted), the longest
 * term first where terms overlap ("high blood pressure" before "blood pressure").
 *
 * <p>It finds what one regular expression of all forms, longest first, would find
 * ({@code (?<![\p{L}\p{N}])(?:form1|form2|...)(?![\p{L}\p{N}])}, case-insensitive with Unicode case, the
 * words of a form separated by {@code \s+}, abbreviations case-sensitive), but tries at each place only the
 * forms that start with the letter found there: the regular expression tried every form at every word,
 * which made marking glossary terms cost terms times text on every page (issue #11). A test holds the two
 * equal on random text.
 *
 * @param <T> what a term stands for (a glossary entry, a jargon word)
 */
public final class TermMatcher<T> {

    /** One occurrence: {@code text.substring(start, end)} is a way of writing {@code value}. */
    public record Match<T>(int start, int end, T value, boolean abbreviation) {
    }

    /**
     * One written form, as the code points of its words ({@code caseFolded} when matched without case).
     * Its position in the longest-first order decides which of two forms at one place wins.
     */
    private record Form(int[][] words, boolean abbreviation) {
    }

    private static final Form[] NO_FORMS = {};

    /** The forms by their first code point, case-folded; each list in longest-first order. */
    private final Map<Integer, Form[]> byFirstCodePoint = new HashMap<>();
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
        // Longer forms are tried first, so "high blood pressure" wins over "blood pressure".
        alternatives.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        Map<Integer, List<Form>> grouped = new LinkedHashMap<>();
        for (String alternative : alternatives) {
            String form = alternative.strip();
            if (form.isEmpty()) {
                continue; // Would match the empty text everywhere; glossary loading reports blank forms.
            }
            boolean abbreviation = abbreviations.containsKey(alternative);
            String[] parts = form.split("\\s+");
            int[][] codePoints = new int[parts.length][];
            for (int i = 0; i < parts.length; i++) {
                codePoints[i] = parts[i].codePoints().map(c -> abbreviation ? c : fold(c)).toArray();
            }
            grouped.computeIfAbsent(fold(form.codePointAt(0)), k -> new ArrayList<>())
                    .add(new Form(codePoints, abbreviation));
        }
        grouped.forEach((first, forms) -> byFirstCodePoint.put(first, forms.toArray(NO_FORMS)));
    }

    /** Every occurrence in {@code text}, left to right, none overlapping. */
    public List<Match<T>> find(CharSequence text) {
        List<Match<T>> matches = new ArrayList<>();
        if (byFirstCodePoint.isEmpty()) {
            return matches;
        }
        int length = text.length();
        int i = 0;
        while (i < length) {
            int end = -1;
            if (i == 0 || !letterOrNumber(Character.codePointBefore(text, i))) {
                for (Form form : byFirstCodePoint.getOrDefault(fold(Character.codePointAt(text, i)), NO_FORMS)) {
                    end = matchAt(form, text, i);
                    if (end >= 0) {
                        break;
                    }
                }
            }
            if (end < 0) {
                i++;
                continue;
            }
            String found = text.subSequence(i, end).toString();
            T abbreviation = byAbbreviation.get(found);
            T value = byWords.get(normal(found));
            if (value != null) {
                matches.add(new Match<>(i, end, value, false));
            } else if (abbreviation != null) {
                matches.add(new Match<>(i, end, abbreviation, true));
            }
            i = end;
        }
        return matches;
    }

    /** The end of {@code form} written at {@code start}, followed by no letter or digit, or -1. */
    private static int matchAt(Form form, CharSequence text, int start) {
        int i = start;
        int length = text.length();
        for (int w = 0; w < form.words().length; w++) {
            if (w > 0) {
                int spaces = i;
                while (i < length && Whitespace.isAsciiSpace(text.charAt(i))) {
                    i++;
                }
                if (i == spaces) {
                    return -1;
                }
            }
            for (int expected : form.words()[w]) {
                if (i >= length) {
                    return -1;
                }
                int c = Character.codePointAt(text, i);
                if (!(c == expected || !form.abbreviation() && fold(c) == expected)) {
                    return -1;
                }
                i += Character.charCount(c);
            }
        }
        return i < length && letterOrNumber(Character.codePointAt(text, i)) ? -1 : i;
    }

    /** A code point without case, as a case-insensitive Unicode regular expression compares them. */
    private static int fold(int codePoint) {
        return Character.toLowerCase(Character.toUpperCase(codePoint));
    }

    /** {@code [\p{L}\p{N}]}: letters and numbers of any script. */
    private static boolean letterOrNumber(int codePoint) {
        if (Character.isLetter(codePoint)) {
            return true;
        }
        int type = Character.getType(codePoint);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    static String normal(String form) {
        return Whitespace.collapse(form).toLowerCase(Locale.ROOT);
    }
}
