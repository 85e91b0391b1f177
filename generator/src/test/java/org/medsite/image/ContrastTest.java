package org.medsite.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.medsite.config.ShareCardSettings;

class ContrastTest {

    @Test
    void blackOnWhiteIsTwentyOneAndAColourOnItselfIsOne() {
        assertThat(Contrast.ratio("#000000", "#ffffff")).isCloseTo(21, within(0.001));
        assertThat(Contrast.ratio("#ffffff", "#000000")).isCloseTo(21, within(0.001));
        assertThat(Contrast.ratio("#0b5563", "#0b5563")).isCloseTo(1, within(0.001));
    }

    @Test
    void greysAroundTheAaThreshold() {
        // #767676 on white is the lightest grey that passes AA (4.54:1); #777777 just fails (4.48:1).
        assertThat(Contrast.ratio("#767676", "#ffffff")).isGreaterThanOrEqualTo(Contrast.AA_TEXT);
        assertThat(Contrast.ratio("#777777", "#ffffff")).isLessThan(Contrast.AA_TEXT);
    }

    @Test
    void theDefaultCardColoursPassAa() {
        ShareCardSettings d = ShareCardSettings.defaults();

        assertThat(Contrast.ratio(d.text(), d.background())).isGreaterThanOrEqualTo(Contrast.AA_TEXT);
        assertThat(Contrast.ratio(d.accent(), d.background())).isGreaterThanOrEqualTo(Contrast.AA_TEXT);
    }
}
