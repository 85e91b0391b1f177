package org.medsite.medical;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How hard a page's text is to read, measured on its prose (paragraphs and list items; no headings,
 * code, tables or reference lists).
 *
 * <p>English: Flesch Reading Ease and Flesch-Kincaid Grade Level (Kincaid et al. 1975), and SMOG
 * (McLaughlin 1969, as recommended for health materials by Wang et al. 2013). Spanish: the Szigriszt-Pazos
 * perspicuity index read on the INFLESZ scale (Barrio-Cantalejo et al. 2008), never an English formula.
 * Other languages are not measured.
 *
 * @param lang the language measured
 * @param measured whether a formula exists for the language
 * @param words words in the prose
 * @param sentences sentences in the prose
 * @param syllables syllables in the prose
 * @param polysyllables words of three or more syllables
 * @param readingEase Flesch Reading Ease (English) or Szigriszt-Pazos/INFLESZ (Spanish); higher is easier
 * @param grade Flesch-Kincaid grade (English); NaN where not defined
 * @param smog SMOG grade (English); NaN where not defined
 * @param longestSentences the three longest sentences, longest first
 * @param hardestWords up to five distinct words with the most syllables
 */
public record Readability(String lang, boolean measured, int words, int sentences, int syllables, int polysyllables,
        double readingEase, double grade, double smog, List<String> longestSentences, List<String> hardestWords) {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’-]*");
    /** Sentence ends, but not in "e.g.", "Dr." or decimal numbers. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<!\\b(?:Dr|Mr|Mrs|Ms|St|vs|etc|e\\.g|i\\.e|Sr|Dra))"
            + "[.!?]+[\"'”’)]*(?=\\s|$)");

    public Readability {
        longestSentences = List.copyOf(longestSentences);
        hardestWords = List.copyOf(hardestWords);
    }

    public double wordsPerSentence() {
        return sentences == 0 ? 0 : (double) words / sentences;
    }

    /** Share of words with three or more syllables, in percent. */
    public double percentComplexWords() {
        return words == 0 ? 0 : 100.0 * polysyllables / words;
    }

    /** Measures prose blocks (each paragraph or list item one block; a block without end punctuation is one sentence). */
    public static Readability of(List<String> blocks, String lang) {
        String language = lang.toLowerCase(Locale.ROOT);
        boolean english = language.equals("en") || language.startsWith("en-");
        boolean spanish = language.equals("es") || language.startsWith("es-");
        List<String> sentences = new ArrayList<>();
        for (String block : blocks) {
            String text = WHITESPACE.matcher(block).replaceAll(" ").strip();
            if (text.isEmpty()) {
                continue;
            }
            Matcher m = SENTENCE_END.matcher(text);
            int start = 0;
            while (m.find()) {
                String s = text.substring(start, m.end()).strip();
                if (countWords(s) > 0) {
                    sentences.add(s);
                }
                start = m.end();
            }
            String rest = text.substring(start).strip();
            if (countWords(rest) > 0) {
                sentences.add(rest);
            }
        }
        int words = 0;
        int syllables = 0;
        int polysyllables = 0;
        LinkedHashSet<String> all = new LinkedHashSet<>();
        // Syllables once per distinct word: prose repeats its words, and the sort below asks again (issue #11).
        java.util.Map<String, Integer> counted = new java.util.HashMap<>();
        java.util.function.ToIntFunction<String> syllablesOf = w -> counted.computeIfAbsent(w,
                k -> spanish ? Syllables.spanish(k) : Syllables.english(k));
        for (String s : sentences) {
            Matcher w = WORD.matcher(s);
            while (w.find()) {
                String word = w.group();
                int n = syllablesOf.applyAsInt(word);
                words++;
                syllables += n;
                if (n >= 3) {
                    polysyllables++;
                }
                all.add(word.toLowerCase(Locale.ROOT));
            }
        }
        List<String> longest = sentences.stream()
                .sorted(Comparator.comparingInt(Readability::countWords).reversed().thenComparing(Comparator.naturalOrder()))
                .limit(3).toList();
        List<String> hardest = all.stream()
                .sorted(Comparator.comparingInt(syllablesOf).reversed().thenComparing(Comparator.naturalOrder()))
                .filter(w -> syllablesOf.applyAsInt(w) >= 3)
                .limit(5).toList();
        int n = sentences.size();
        if (words == 0 || n == 0 || !(english || spanish)) {
            return new Readability(language, false, words, n, syllables, polysyllables, Double.NaN, Double.NaN,
                    Double.NaN, longest, hardest);
        }
        double wps = (double) words / n;
        double spw = (double) syllables / words;
        if (spanish) {
            double szigriszt = 206.835 - 62.3 * spw - wps;
            return new Readability(language, true, words, n, syllables, polysyllables, szigriszt, Double.NaN, Double.NaN,
                    longest, hardest);
        }
        double ease = 206.835 - 1.015 * wps - 84.6 * spw;
        double grade = 0.39 * wps + 11.8 * spw - 15.59;
        double smog = 1.0430 * Math.sqrt(polysyllables * (30.0 / n)) + 3.1291;
        return new Readability(language, true, words, n, syllables, polysyllables, ease, grade, smog, longest, hardest);
    }

    /** The words of a sentence, as the formulas count them. */
    public static int countWordsOf(String text) {
        return countWords(text);
    }

    static int countWords(String text) {
        Matcher m = WORD.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The INFLESZ band of a Spanish score: "muy difícil" below 40 up to "muy fácil" above 80. */
    public static String inflesz(double score) {
        if (score < 40) {
            return "muy difícil";
        } else if (score < 55) {
            return "algo difícil";
        } else if (score < 65) {
            return "normal";
        } else if (score < 80) {
            return "bastante fácil";
        }
        return "muy fácil";
    }
}
