package org.medsite.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextFitTest {

    private final Font bold = CardFonts.bold();

    @Test
    void wrapsAtSpacesAndKeepsEveryLineWithinTheWidth() {
        List<String> lines = TextFit.wrap("Preparing for your annual check-up with your family doctor", bold.deriveFont(60f), 600);

        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(String.join(" ", lines)).isEqualTo("Preparing for your annual check-up with your family doctor");
        assertThat(lines).allSatisfy(l -> assertThat(TextFit.advance(l, bold.deriveFont(60f))).isLessThanOrEqualTo(600f));
        assertThat(lines).allSatisfy(l -> assertThat(l).doesNotStartWith(" ").doesNotEndWith(" "));
    }

    @Test
    void aShortTitleKeepsTheLargestSize() {
        TextFit.Fitted fitted = TextFit.fit("Asthma", bold, 1040, 4, 76, 40);

        assertThat(fitted.font().getSize2D()).isEqualTo(76f);
        assertThat(fitted.lines()).containsExactly("Asthma");
        assertThat(fitted.truncated()).isFalse();
    }

    @Test
    void aLongTitleShrinksUntilItFitsTheLines() {
        String title = "What the numbers on your blood pressure reading mean, and the small daily changes that "
                + "bring them down over the months ahead";

        TextFit.Fitted fitted = TextFit.fit(title, bold, 1040, 3, 76, 40);

        assertThat(fitted.font().getSize2D()).isLessThan(76f).isGreaterThanOrEqualTo(40f);
        assertThat(fitted.lines()).hasSizeLessThanOrEqualTo(3);
        assertThat(fitted.truncated()).isFalse();
        assertThat(String.join(" ", fitted.lines())).isEqualTo(title);
    }

    @Test
    void aHeightLimitAlsoShrinksTheText() {
        String title = "Colorectal cancer screening: which test, when to start, and what happens next";

        TextFit.Fitted free = TextFit.fit(title, bold, 1040, 5, 76, 40);
        TextFit.Fitted low = TextFit.fit(title, bold, 1040, 5, 150, 76, 40);

        assertThat(low.font().getSize2D()).isLessThan(free.font().getSize2D());
        assertThat(low.lines().size() * low.lineHeight()).isLessThanOrEqualTo(150 + low.lineHeight());
    }

    @Test
    void aWordLongerThanTheLineIsBrokenInsideTheWord() {
        String word = "Pneumonoultramicroscopicsilicovolcanoconiosis".repeat(2);

        TextFit.Fitted fitted = TextFit.fit(word, bold, 500, 5, 76, 40);

        assertThat(fitted.lines()).hasSizeGreaterThan(1);
        assertThat(String.join("", fitted.lines())).isEqualTo(word);
        assertThat(fitted.lines()).allSatisfy(l -> assertThat(TextFit.advance(l, fitted.font())).isLessThanOrEqualTo(500f));
    }

    @Test
    void textThatCannotFitEndsInAnEllipsisAtTheSmallestSize() {
        String title = "Too long ".repeat(60).strip();

        TextFit.Fitted fitted = TextFit.fit(title, bold, 1040, 3, 76, 40);

        assertThat(fitted.truncated()).isTrue();
        assertThat(fitted.font().getSize2D()).isEqualTo(40f);
        assertThat(fitted.lines()).hasSize(3);
        assertThat(fitted.lines().get(2)).endsWith("…");
        assertThat(TextFit.advance(fitted.lines().get(2), fitted.font())).isLessThanOrEqualTo(1040f);
    }

    @Test
    void controlCharactersAreDroppedNotDrawnAsBoxes() {
        assertThat(ShareCardRenderer.canShow("Flu \u0001season\u200b")).isTrue();
        assertThat(TextFit.fit("Flu \u0001season", bold, 1040, 2, 76, 40).lines()).containsExactly("Flu season");
    }

    @Test
    void spanishAccentsAreInTheBundledFont() {
        String title = "Presión arterial alta: ¿qué significan los números? Niños, vacunación y señales";

        assertThat(bold.canDisplayUpTo(title)).isEqualTo(-1);
        assertThat(ShareCardRenderer.canShow(title)).isTrue();
        assertThat(String.join(" ", TextFit.fit(title, bold, 1040, 5, 76, 40).lines())).isEqualTo(title);
    }

    @Test
    void charactersTheBundledFontLacksAreMeasuredWithTheFallbackAndStillWrap() {
        String title = "高血压的治疗方法和日常生活中的注意事项以及定期检查的重要性";

        List<String> lines = TextFit.wrap(title, bold.deriveFont(76f), 500);

        assertThat(bold.canDisplayUpTo(title)).isEqualTo(0);
        assertThat(String.join("", lines)).isEqualTo(title);
        assertThat(lines).hasSizeGreaterThan(1);
    }

    /** The precompiled expressions clean as {@code String.replaceAll} with the same expressions did. */
    @Test
    void cleanGivesWhatTheReplaceAllExpressionsGave() {
        String[] pieces = {"a", "B", " ", "  ", "\t", "\n", "\r", "\u00a0", "\u200b", "\u200e", "\u0000", "\u0007",
            "\u00ad", "\ufeff", "é", "高", "\u2028", "\u0085", "x y"};
        java.util.Random random = new java.util.Random(5);
        for (int round = 0; round < 5000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String t = text.toString();
            assertThat(TextFit.clean(t)).as(t)
                    .isEqualTo(t.replaceAll("[\\p{Cc}\\p{Cf}&&[^\\s]]", "").strip().replaceAll("\\s+", " "));
        }
    }
}
