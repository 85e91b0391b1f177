package org.medsite.medical;

import java.util.Locale;
import java.util.Map;

/**
 * Syllable counts for readability formulas, by rule rather than by dictionary (as the common
 * implementations do): vowel groups, less a silent final "e", plus the endings that English spells with
 * fewer vowels than it speaks ("-le", "-ia"). A short list of exceptions covers frequent words the rules
 * miscount. Counts agree with a pronouncing dictionary on most everyday words; the test word list shows
 * how far.
 */
public final class Syllables {

    private static final Map<String, Integer> EXCEPTIONS = Map.ofEntries(
            Map.entry("every", 2), Map.entry("everyone", 3), Map.entry("business", 2), Map.entry("different", 3),
            Map.entry("evening", 2), Map.entry("several", 3), Map.entry("family", 3), Map.entry("area", 3),
            Map.entry("idea", 3), Map.entry("people", 2), Map.entry("because", 2), Map.entry("doesn't", 2),
            Map.entry("medicine", 3), Map.entry("medicines", 3), Map.entry("vaccine", 2), Map.entry("vaccines", 2),
            Map.entry("diabetes", 4), Map.entry("create", 2), Map.entry("created", 3), Map.entry("being", 2),
            Map.entry("science", 2), Map.entry("quiet", 2), Map.entry("diet", 2), Map.entry("poem", 2),
            Map.entry("fire", 1), Map.entry("hour", 1), Map.entry("hours", 1), Map.entry("our", 1), Map.entry("toward", 2),
            Map.entry("doctor", 2), Map.entry("doctors", 2), Map.entry("patient", 2), Map.entry("patients", 2),
            Map.entry("serious", 3), Map.entry("usually", 4), Map.entry("actually", 4), Map.entry("naturally", 4),
            Map.entry("someone", 2), Map.entry("sometimes", 2), Map.entry("something", 2), Map.entry("somewhere", 2),
            Map.entry("anyone", 3), Map.entry("everything", 3), Map.entry("whole", 1), Map.entry("are", 1),
            Map.entry("were", 1), Map.entry("there", 1), Map.entry("where", 1), Map.entry("here", 1),
            Map.entry("more", 1), Map.entry("before", 2), Map.entry("the", 1), Map.entry("he", 1), Map.entry("she", 1),
            Map.entry("we", 1), Map.entry("be", 1), Map.entry("me", 1), Map.entry("ages", 2), Map.entry("uses", 2),
            Map.entry("causes", 2), Map.entry("changes", 2), Map.entry("houses", 2), Map.entry("nurses", 2));

    // Compiled once: each word of every page's prose goes through these (issue #11 profile: compiling
    // them per word was a fifth of a build).
    private static final java.util.regex.Pattern NOT_LETTER = java.util.regex.Pattern.compile("[^a-z']");
    private static final java.util.regex.Pattern SOUNDED_ES = java.util.regex.Pattern.compile(".*(?:[sxz]|ch|sh|ge|ce)es$");
    private static final java.util.regex.Pattern SOUNDED_ED = java.util.regex.Pattern.compile(".*[td]ed$");
    private static final java.util.regex.Pattern TWO_SYLLABLE_PAIR = java.util.regex.Pattern.compile(
            "(?<![aeiouqstc])ia|iet|iu|(?<![stcgx])io(?!u)|eo|(?<![qg])ua(?!y)|uo");

    private Syllables() {
    }

    /** The syllables of one English word; at least 1 for any word with a letter. */
    public static int english(String word) {
        String w = NOT_LETTER.matcher(word.toLowerCase(Locale.ROOT)).replaceAll("").replace("'", "");
        if (w.isEmpty()) {
            return 0;
        }
        Integer known = EXCEPTIONS.get(w);
        if (known != null) {
            return known;
        }
        if (w.length() <= 3) {
            return 1;
        }
        // Silent endings: "make", "hoped", "boxes" keep their vowel-group count only when spoken.
        String stem = w;
        if (stem.endsWith("es") && !SOUNDED_ES.matcher(stem).matches()) {
            stem = stem.substring(0, stem.length() - 2);
        } else if (stem.endsWith("ed") && !SOUNDED_ED.matcher(stem).matches()) {
            stem = stem.substring(0, stem.length() - 2);
        } else if (stem.endsWith("e") && !stem.endsWith("le") && !stem.endsWith("ee") && stem.length() > 2) {
            stem = stem.substring(0, stem.length() - 1);
        }
        int count = 0;
        boolean inVowel = false;
        for (int i = 0; i < stem.length(); i++) {
            char c = stem.charAt(i);
            boolean vowel = "aeiou".indexOf(c) >= 0 || (c == 'y' && i > 0);
            if (vowel && !inVowel) {
                count++;
            }
            inVowel = vowel;
        }
        // Vowel pairs that are two syllables: "ia" in "media", "io" in "biology", "eo" in "video".
        // Not after c, s, t, where they are one sound: "special", "tension", "nation", "precious".
        count += twoSyllablePairs(stem);
        return Math.max(1, count);
    }

    /**
     * The matches of {@link #TWO_SYLLABLE_PAIR} in {@code s}, as {@code Matcher.find()} counts them (left to
     * right, alternatives in order, no overlaps), without the regex engine: this runs for every word.
     */
    static int twoSyllablePairs(String s) {
        int n = 0;
        int i = 0;
        while (i + 1 < s.length()) {
            char c = s.charAt(i);
            char next = s.charAt(i + 1);
            char before = i > 0 ? s.charAt(i - 1) : '\0';
            char after = i + 2 < s.length() ? s.charAt(i + 2) : '\0';
            int length = 0;
            if (c == 'i') {
                if (next == 'a' && "aeiouqstc".indexOf(before) < 0) {
                    length = 2;
                } else if (next == 'e' && after == 't') {
                    length = 3;
                } else if (next == 'u') {
                    length = 2;
                } else if (next == 'o' && "stcgx".indexOf(before) < 0 && after != 'u') {
                    length = 2;
                }
            } else if (c == 'e' && next == 'o') {
                length = 2;
            } else if (c == 'u') {
                if (next == 'a' && "qg".indexOf(before) < 0 && after != 'y') {
                    length = 2;
                } else if (next == 'o') {
                    length = 2;
                }
            }
            if (length > 0) {
                n++;
                i += length;
            } else {
                i++;
            }
        }
        return n;
    }

    static int countMatches(String s, java.util.regex.Pattern pattern) {
        java.util.regex.Matcher m = pattern.matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /**
     * The syllables of one Spanish word. Spanish spells as it speaks: each vowel nucleus is a syllable,
     * where a weak vowel (i, u) next to another vowel forms a diphthong unless it carries an accent
     * ("día" has two), and "u" is silent in "que", "qui", "gue", "gui".
     */
    public static int spanish(String word) {
        String w = word.toLowerCase(new Locale("es")).replaceAll("[^a-záéíóúüñ]", "");
        if (w.isEmpty()) {
            return 0;
        }
        w = w.replaceAll("(?<=[qg])u(?=[eiéí])", "");
        int count = 0;
        char previous = 0;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (!isSpanishVowel(c)) {
                previous = 0;
                continue;
            }
            if (previous == 0) {
                count++;
            } else {
                boolean bothStrong = isStrong(previous) && isStrong(c);
                boolean accentedWeak = c == 'í' || c == 'ú' || previous == 'í' || previous == 'ú';
                if (bothStrong || accentedWeak) {
                    count++; // Hiatus: "le-er", "dí-a".
                }
            }
            previous = c;
        }
        // "y" at the end of a word after a vowel is part of a diphthong ("hoy"); alone it is a word ("y").
        if (count == 0 && w.contains("y")) {
            count = 1;
        }
        return Math.max(1, count);
    }

    private static boolean isSpanishVowel(char c) {
        return "aeiouáéíóúü".indexOf(c) >= 0;
    }

    private static boolean isStrong(char c) {
        return "aeoáéó".indexOf(c) >= 0;
    }
}
