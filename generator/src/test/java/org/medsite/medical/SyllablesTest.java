package org.medsite.medical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SyllablesTest {

    @Test
    void theVowelPairLoopCountsWhatTheRegexFinds() {
        Random random = new Random(11);
        String letters = "aeiouqstcgxyb";
        for (int round = 0; round < 50_000; round++) {
            StringBuilder word = new StringBuilder();
            for (int i = random.nextInt(12); i >= 0; i--) {
                word.append(letters.charAt(random.nextInt(letters.length())));
            }
            String w = word.toString();
            assertThat(Syllables.twoSyllablePairs(w)).as(w)
                    .isEqualTo(Syllables.countMatches(w, java.util.regex.Pattern.compile(
                            "(?<![aeiouqstc])ia|iet|iu|(?<![stcgx])io(?!u)|eo|(?<![qg])ua(?!y)|uo")));
        }
    }

    @Test
    void knownWords() {
        assertThat(Syllables.english("media")).isEqualTo(3);
        assertThat(Syllables.english("biology")).isEqualTo(4);
        assertThat(Syllables.english("nation")).isEqualTo(2);
        assertThat(Syllables.english("video")).isEqualTo(3);
    }
}
