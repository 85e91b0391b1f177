package org.medsite.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.medsite.check.StatedDates.Kind;
import org.medsite.check.StatedDates.Stated;

class StatedDatesTest {

    @Test
    void readsReviewAndUpdateLinesInEnglishAndSpanish() {
        List<Stated> found = StatedDates.in("""
                Intro.

                _Last reviewed: March 2024_
                **Medically reviewed on** 3 March 2026
                > Updated: 2026-02-01
                - Last updated June 9, 2025.
                Última revisión: 5 de marzo de 2026
                *Actualizado el 1 de febrero de 2026*
                """, 10);
        assertThat(found).extracting(Stated::kind, Stated::line, Stated::day, Stated::month).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.REVIEWED, 12, Optional.empty(), YearMonth.of(2024, 3)),
                org.assertj.core.groups.Tuple.tuple(Kind.REVIEWED, 13, Optional.of(LocalDate.of(2026, 3, 3)), YearMonth.of(2026, 3)),
                org.assertj.core.groups.Tuple.tuple(Kind.UPDATED, 14, Optional.of(LocalDate.of(2026, 2, 1)), YearMonth.of(2026, 2)),
                org.assertj.core.groups.Tuple.tuple(Kind.UPDATED, 15, Optional.of(LocalDate.of(2025, 6, 9)), YearMonth.of(2025, 6)),
                org.assertj.core.groups.Tuple.tuple(Kind.REVIEWED, 16, Optional.of(LocalDate.of(2026, 3, 5)), YearMonth.of(2026, 3)),
                org.assertj.core.groups.Tuple.tuple(Kind.UPDATED, 17, Optional.of(LocalDate.of(2026, 2, 1)), YearMonth.of(2026, 2)));
    }

    @Test
    void ignoresSentencesCodeAndNonDates() {
        assertThat(StatedDates.in("""
                The guideline was last updated in 2021 and reviewed on March 3, 2024.
                Updated guidance says to screen from age 45.
                Reviewed by our nurses every year.
                Last reviewed: February 30, 2026

                ```
                Last reviewed: 2020-01-01
                ```

                    Last reviewed: 2020-01-01
                """, 1)).isEmpty();
    }

    @Test
    void aMonthAgreesWithAnyDayOfIt() {
        Stated month = StatedDates.in("Last reviewed: June 2026", 1).get(0);
        assertThat(month.agreesWith(LocalDate.of(2026, 6, 9))).isTrue();
        assertThat(month.agreesWith(LocalDate.of(2026, 7, 1))).isFalse();
        Stated day = StatedDates.in("Last reviewed: June 9, 2026", 1).get(0);
        assertThat(day.agreesWith(LocalDate.of(2026, 6, 9))).isTrue();
        assertThat(day.agreesWith(LocalDate.of(2026, 6, 10))).isFalse();
    }
}
