package org.medsite.medical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadabilityTest {

    /** Counts from a pronouncing dictionary (CMUdict) for everyday and health words. */
    private static final Map<String, Integer> DICTIONARY = Map.ofEntries(
            Map.entry("cat", 1), Map.entry("blood", 1), Map.entry("heart", 1), Map.entry("make", 1),
            Map.entry("hoped", 1), Map.entry("table", 2), Map.entry("simple", 2), Map.entry("little", 2),
            Map.entry("pressure", 2), Map.entry("wanted", 2), Map.entry("boxes", 2), Map.entry("water", 2),
            Map.entry("doctor", 2), Map.entry("health", 1), Map.entry("exercise", 3), Map.entry("medicine", 3),
            Map.entry("hypertension", 4), Map.entry("cholesterol", 4), Map.entry("diabetes", 4),
            Map.entry("biology", 4), Map.entry("radio", 3), Map.entry("video", 3), Map.entry("calcium", 3),
            Map.entry("physician", 3), Map.entry("pneumonia", 4), Map.entry("special", 2), Map.entry("nation", 2),
            Map.entry("society", 4), Map.entry("actual", 3), Map.entry("quality", 3), Map.entry("language", 2),
            Map.entry("vaccination", 4), Map.entry("infection", 3), Map.entry("important", 3),
            Map.entry("cardiovascular", 6), Map.entry("family", 3), Map.entry("every", 2), Map.entry("screening", 2),
            Map.entry("symptoms", 2), Map.entry("asthma", 2), Map.entry("influenza", 4), Map.entry("kidney", 2),
            Map.entry("stroke", 1), Map.entry("checked", 1), Map.entry("often", 2), Map.entry("people", 2));

    @Test
    void nothingIsWhatMeasuringNoProseGives() {
        for (String lang : List.of("en", "es", "EN-us", "de")) {
            assertThat(Readability.ofNothing(lang)).isEqualTo(Readability.of(List.of(), lang));
        }
    }

    @Test
    void syllableCountsAgreeWithTheDictionaryOnMostWords() {
        List<String> wrong = DICTIONARY.entrySet().stream()
                .filter(e -> Syllables.english(e.getKey()) != e.getValue())
                .map(e -> e.getKey() + "=" + Syllables.english(e.getKey()) + " (dictionary " + e.getValue() + ")")
                .sorted().toList();
        assertThat(wrong.size()).as("miscounted: %s", wrong).isLessThanOrEqualTo(DICTIONARY.size() / 20);
    }

    @Test
    void spanishSyllablesFollowDiphthongsAndHiatus() {
        assertThat(Syllables.spanish("presión")).isEqualTo(2);
        assertThat(Syllables.spanish("día")).isEqualTo(2);
        assertThat(Syllables.spanish("cuidado")).isEqualTo(3);
        assertThat(Syllables.spanish("leer")).isEqualTo(2);
        assertThat(Syllables.spanish("que")).isEqualTo(1);
        assertThat(Syllables.spanish("guitarra")).isEqualTo(3);
        assertThat(Syllables.spanish("arterial")).isEqualTo(3);
    }

    /** The classic worked example: six one-syllable words in one sentence. */
    @Test
    void theCatSatOnTheMat() {
        Readability r = Readability.of(List.of("The cat sat on the mat."), "en");
        assertThat(r.words()).isEqualTo(6);
        assertThat(r.sentences()).isEqualTo(1);
        assertThat(r.syllables()).isEqualTo(6);
        assertThat(r.readingEase()).isCloseTo(116.145, within(0.001)); // 206.835 - 1.015*6 - 84.6*1
        assertThat(r.grade()).isCloseTo(-1.45, within(0.001)); // 0.39*6 + 11.8*1 - 15.59
        assertThat(r.smog()).isCloseTo(3.1291, within(0.0001)); // no polysyllables
    }

    /** SMOG: 30 sentences holding 30 words of three or more syllables give 1.043 * sqrt(30) + 3.1291. */
    @Test
    void smogFollowsMcLaughlinsFormula() {
        Readability r = Readability.of(List.of("Exercise helps people. ".repeat(30)), "en");
        assertThat(r.sentences()).isEqualTo(30);
        assertThat(r.polysyllables()).isEqualTo(30);
        assertThat(r.smog()).isCloseTo(1.0430 * Math.sqrt(30) + 3.1291, within(0.001));
    }

    @Test
    void sentencesEndAtStopsButNotAtAbbreviationsAndListItemsAreSentences() {
        Readability r = Readability.of(List.of("Dr. Ruiz said so. Take 2.5 mg, e.g. with food!", "Eat less salt"), "en");
        assertThat(r.sentences()).isEqualTo(3);
        assertThat(r.longestSentences().get(0)).isEqualTo("Take 2.5 mg, e.g. with food!");
    }

    @Test
    void spanishUsesASpanishFormulaAndOtherLanguagesAreNotMeasured() {
        Readability es = Readability.of(List.of("La presión arterial alta es común. Revísela cada año."), "es");
        assertThat(es.measured()).isTrue();
        assertThat(es.grade()).isNaN();
        assertThat(es.readingEase()).isBetween(40.0, 100.0);
        Readability fr = Readability.of(List.of("La tension artérielle est fréquente."), "fr");
        assertThat(fr.measured()).isFalse();
    }

    @Test
    void plainHealthTextScoresBelowGradeEight() {
        Readability r = Readability.of(List.of("High blood pressure is common. It often has no signs. "
                + "Get your blood pressure checked once a year. Eat less salt and move your body every day."), "en");
        assertThat(r.grade()).isLessThan(8);
        assertThat(r.readingEase()).isGreaterThan(60);
    }

    /**
     * The character loops split sentences and words exactly as the regular expressions they replaced
     * (issue #11): compared on random text made of the characters those expressions care about.
     */
    @Test
    void sentencesAndWordsAreFoundAsTheFormerRegularExpressionsFoundThem() {
        String[] pieces = {"Dr", "Mr", "Mrs", "St", "vs", "etc", "e.g", "i.e", "Dra", "Sr", "a", "é", "Ωmega", "blood",
            "pressure", "x_", "7", "2.5", ".", "..", "!", "?", "\"", "'", "’", "”", ")", "-", " ", "  ", "\n", "\t",
            "\u00a0", "\u0301", "\u2028", "\u0085", "cardiovascular", "well-being", "don't", "𝒜b", ",", "("};
        java.util.Random random = new java.util.Random(20261128);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(14);
            for (int i = 0; i < length; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            List<String> blocks = List.of(text.toString(), round % 3 == 0 ? "Eat less salt. Dr. Ruiz." : "");
            Readability expected = RegexReadability.of(blocks);
            Readability actual = Readability.of(blocks, "en");
            assertThat(actual.sentences()).as(text.toString()).isEqualTo(expected.sentences());
            assertThat(actual.words()).as(text.toString()).isEqualTo(expected.words());
            assertThat(actual).as(text.toString()).isEqualTo(expected);
        }
    }

    /**
     * The hardest words (at most five, most syllables first, then alphabetical) and the longest sentences are
     * those of the reference on text with many long words, also when the syllable counts come from a map
     * shared with earlier pages.
     */
    @Test
    void theHardestWordsAndLongestSentencesAreTheReferencesWithASharedSyllableMap() {
        String[] pieces = {"cardiovascular", "hypertension", "medication", "physician", "Physician", "anemia",
            "osteoporosis", "vaccination", "immunization", "appointment", "beautiful", "family", "every", "salt", "eat",
            "Dr.", ". ", "! ", "? ", " ", " ", " ", ", ", "consideration", "evaluation", "responsibility", "ability"};
        java.util.Map<String, Integer> shared = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.Random random = new java.util.Random(11);
        for (int round = 0; round < 3000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(80); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]).append(random.nextInt(4) == 0 ? "" : " ");
            }
            List<String> blocks = List.of(text.toString(), "Eat less salt.");
            assertThat(Readability.of(blocks, "en", shared)).as(text.toString()).isEqualTo(RegexReadability.of(blocks));
        }
    }

    /** Readability.of as it was with regular expressions (English only), the reference for the test above. */
    private static final class RegexReadability {
        private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");
        private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[\\p{L}][\\p{L}'’-]*");
        private static final java.util.regex.Pattern SENTENCE_END = java.util.regex.Pattern.compile(
                "(?<!\\b(?:Dr|Mr|Mrs|Ms|St|vs|etc|e\\.g|i\\.e|Sr|Dra))[.!?]+[\"'”’)]*(?=\\s|$)");

        static Readability of(List<String> blocks) {
            List<String> sentences = new java.util.ArrayList<>();
            for (String block : blocks) {
                String text = WHITESPACE.matcher(block).replaceAll(" ").strip();
                if (text.isEmpty()) {
                    continue;
                }
                java.util.regex.Matcher m = SENTENCE_END.matcher(text);
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
            java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
            for (String s : sentences) {
                java.util.regex.Matcher w = WORD.matcher(s);
                while (w.find()) {
                    int n = Syllables.english(w.group());
                    words++;
                    syllables += n;
                    if (n >= 3) {
                        polysyllables++;
                    }
                    all.add(w.group().toLowerCase(java.util.Locale.ROOT));
                }
            }
            List<String> longest = sentences.stream().sorted(java.util.Comparator.comparingInt(RegexReadability::countWords)
                    .reversed().thenComparing(java.util.Comparator.naturalOrder())).limit(3).toList();
            List<String> hardest = all.stream().sorted(java.util.Comparator.comparingInt(Syllables::english).reversed()
                    .thenComparing(java.util.Comparator.naturalOrder())).filter(w -> Syllables.english(w) >= 3).limit(5)
                    .toList();
            int n = sentences.size();
            if (words == 0 || n == 0) {
                return new Readability("en", false, words, n, syllables, polysyllables, Double.NaN, Double.NaN,
                        Double.NaN, longest, hardest);
            }
            double wps = (double) words / n;
            double spw = (double) syllables / words;
            return new Readability("en", true, words, n, syllables, polysyllables, 206.835 - 1.015 * wps - 84.6 * spw,
                    0.39 * wps + 11.8 * spw - 15.59, 1.0430 * Math.sqrt(polysyllables * (30.0 / n)) + 3.1291, longest,
                    hardest);
        }

        static int countWords(String text) {
            java.util.regex.Matcher m = WORD.matcher(text);
            int n = 0;
            while (m.find()) {
                n++;
            }
            return n;
        }
    }
}
