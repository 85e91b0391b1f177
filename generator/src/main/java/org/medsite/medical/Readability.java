package org.medsite.medical;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.medsite.text.Whitespace;

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

    /** Abbreviations whose full stop ends no sentence ("Dr. Ruiz", "e.g. with food"); case-sensitive. */
    private static final String[] NOT_SENTENCE_ENDS = {"Dr", "Mr", "Mrs", "Ms", "St", "vs", "etc", "e.g", "i.e", "Sr", "Dra"};

    public Readability {
        longestSentences = List.copyOf(longestSentences);
        hardestWords = List.copyOf(hardestWords);
    }

    /**
     * The readability of no prose, equal to {@code of(List.of(), lang)}: what a page not measured holds, made
     * without the maps and sorting of a measurement (issue #11).
     */
    public static Readability ofNothing(String lang) {
        return new Readability(lang.toLowerCase(Locale.ROOT), false, 0, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN,
                List.of(), List.of());
    }

    public double wordsPerSentence() {
        return sentences == 0 ? 0 : (double) words / sentences;
    }

    /** Share of words with three or more syllables, in percent. */
    public double percentComplexWords() {
        return words == 0 ? 0 : 100.0 * polysyllables / words;
    }

    /**
     * Measures prose blocks (each paragraph or list item one block; a block without end punctuation is one sentence).
     *
     * <p>Sentences and words are found with loops over the characters rather than regular expressions: this
     * runs on every page of every build, and the expressions were a fifth of a cold build's CPU (issue #11).
     * They split exactly as the expressions {@code [.!?]+["'”’)]*(?=\s|$)} (not after the abbreviations
     * above) and {@code [\p{L}][\p{L}'’-]*} did; a test holds the two equal on random text.
     */
    public static Readability of(List<String> blocks, String lang) {
        return of(blocks, lang, new HashMap<>());
    }

    /**
     * The same, with syllable counts kept in {@code syllableCounts} across calls (keyed by language and
     * word): one build's pages share most of their words, and counting them again on every page was a
     * twentieth of a build (issue #11). Thread-safe if the map is.
     */
    public static Readability of(List<String> blocks, String lang, Map<String, Integer> syllableCounts) {
        String language = lang.toLowerCase(Locale.ROOT);
        boolean english = language.equals("en") || language.startsWith("en-");
        boolean spanish = language.equals("es") || language.startsWith("es-");
        List<Sentence> sentences = new ArrayList<>();
        for (String block : blocks) {
            String text = Whitespace.collapse(block);
            if (text.isEmpty()) {
                continue;
            }
            int start = 0;
            for (int end = nextSentenceEnd(text, 0); end >= 0; end = nextSentenceEnd(text, end)) {
                addSentence(sentences, text.substring(start, end).strip());
                start = end;
            }
            addSentence(sentences, text.substring(start).strip());
        }
        int words = 0;
        int syllables = 0;
        int polysyllables = 0;
        LinkedHashSet<String> all = new LinkedHashSet<>();
        // Syllables once per distinct word: prose repeats its words, and the sort below asks again (issue #11).
        // The page's own words are looked up without building the shared map's key ("en:" + word) again.
        String prefix = spanish ? "es:" : "en:";
        Map<String, Integer> counted = new HashMap<>();
        ToIntFunction<String> syllablesOf = w -> {
            Integer n = counted.get(w);
            if (n == null) {
                String key = prefix + w;
                n = syllableCounts.get(key);
                if (n == null) {
                    n = spanish ? Syllables.spanish(w) : Syllables.english(w);
                    syllableCounts.put(key, n);
                }
                counted.put(w, n);
            }
            return n;
        };
        for (Sentence s : sentences) {
            String text = s.text();
            for (int i = nextWordStart(text, 0); i >= 0; ) {
                int end = wordEnd(text, i);
                String word = text.substring(i, end);
                int n = syllablesOf.applyAsInt(word);
                words++;
                syllables += n;
                if (n >= 3) {
                    polysyllables++;
                }
                all.add(word.toLowerCase(Locale.ROOT));
                i = nextWordStart(text, end);
            }
        }
        List<String> longest = sentences.stream()
                .sorted(Comparator.comparingInt(Sentence::words).reversed().thenComparing(Sentence::text))
                .limit(3).map(Sentence::text).toList();
        // Only words of three syllables or more can be among the hardest, so only they are sorted (the order
        // is total: no two words of the set are equal).
        List<String> candidates = new ArrayList<>();
        for (String w : all) {
            if (syllablesOf.applyAsInt(w) >= 3) {
                candidates.add(w);
            }
        }
        candidates.sort(Comparator.comparingInt(syllablesOf).reversed().thenComparing(Comparator.naturalOrder()));
        List<String> hardest = candidates.subList(0, Math.min(5, candidates.size()));
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
        int n = 0;
        for (int i = nextWordStart(text, 0); i >= 0; i = nextWordStart(text, wordEnd(text, i))) {
            n++;
        }
        return n;
    }

    /** A sentence and its word count, counted once (the sort of the longest sentences asks many times). */
    private record Sentence(String text, int words) {
    }

    private static void addSentence(List<Sentence> sentences, String text) {
        int words = countWords(text);
        if (words > 0) {
            sentences.add(new Sentence(text, words));
        }
    }

    /** Where the next word (a letter, then letters, apostrophes or hyphens) starts at or after {@code from}, or -1. */
    private static int nextWordStart(String text, int from) {
        for (int i = from; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (Character.isLetter(c)) {
                return i;
            }
            i += Character.charCount(c);
        }
        return -1;
    }

    private static int wordEnd(String text, int start) {
        int i = start + Character.charCount(text.codePointAt(start));
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (!(Character.isLetter(c) || c == '\'' || c == '’' || c == '-')) {
                break;
            }
            i += Character.charCount(c);
        }
        return i;
    }

    /**
     * The end of the next sentence-ending run ({@code .!?}, then closing quotes or brackets) that starts at or
     * after {@code from} and is followed by whitespace or the end of the text, or -1.
     */
    private static int nextSentenceEnd(String text, int from) {
        for (int p = from; p < text.length(); p++) {
            if (!isStop(text.charAt(p)) || afterAbbreviation(text, p)) {
                continue;
            }
            int end = p;
            while (end < text.length() && isStop(text.charAt(end))) {
                end++;
            }
            while (end < text.length() && "\"'”’)".indexOf(text.charAt(end)) >= 0) {
                end++;
            }
            if (end == text.length() || Whitespace.isAsciiSpace(text.charAt(end)) || finalLineEnd(text, end)) {
                return end;
            }
        }
        return -1;
    }

    /** Where a regex's {@code $} also matches: before a line terminator that ends the text. */
    private static boolean finalLineEnd(String text, int i) {
        char c = text.charAt(i);
        return i == text.length() - 1 && (c == '\u0085' || c == '\u2028' || c == '\u2029');
    }

    private static boolean isStop(char c) {
        return c == '.' || c == '!' || c == '?';
    }

    /** Whether the text before {@code p} ends with one of the abbreviations, starting at a word boundary. */
    private static boolean afterAbbreviation(String text, int p) {
        for (String abbreviation : NOT_SENTENCE_ENDS) {
            int start = p - abbreviation.length();
            if (start >= 0 && text.startsWith(abbreviation, start)
                    && !wordBefore(text, start)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a regex's {@code \b} sees a word character just before {@code i}: a letter, digit or
     * underscore, or a combining mark on one.
     */
    private static boolean wordBefore(String text, int i) {
        if (i == 0) {
            return false;
        }
        int c = text.codePointBefore(i);
        if (c == '_' || Character.isLetterOrDigit(c)) {
            return true;
        }
        if (Character.getType(c) != Character.NON_SPACING_MARK) {
            return false;
        }
        for (int x = i - 1; x >= 0; x--) {
            int base = text.codePointAt(x);
            if (Character.isLetterOrDigit(base)) {
                return true;
            }
            if (Character.getType(base) != Character.NON_SPACING_MARK) {
                return false;
            }
        }
        return false;
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
