package org.medsite.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FindingTest {

    /** The order as it was composed before it was written out: the report order must not change. */
    private static final Comparator<Finding> COMPOSED = Comparator.comparing(Finding::file)
            .thenComparingInt(Finding::line)
            .thenComparing(Finding::severity)
            .thenComparing(Finding::rule)
            .thenComparing(Finding::message);

    @Test
    void theReportOrderIsFileLineSeverityRuleMessage() {
        // Few values per field, so that every field decides some comparisons and many findings tie.
        Random random = new Random(11);
        String[] files = {"", "content/a.md", "content/b.md", "content/a.md.bak", "Z.md"};
        String[] texts = {"a", "b", "\u00e9", "B", ""};
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            findings.add(new Finding(Severity.values()[random.nextInt(Severity.values().length)],
                    texts[random.nextInt(texts.length)], files[random.nextInt(files.length)], random.nextInt(4),
                    texts[random.nextInt(texts.length)]));
        }
        for (int i = 0; i < 200; i++) {
            for (int j = 0; j < 200; j++) {
                Finding a = findings.get(i);
                Finding b = findings.get(j);
                assertThat(Integer.signum(Finding.ORDER.compare(a, b))).as("%s against %s", a, b)
                        .isEqualTo(Integer.signum(COMPOSED.compare(a, b)));
            }
        }
        List<Finding> written = new ArrayList<>(findings);
        written.sort(Finding.ORDER);
        List<Finding> composed = new ArrayList<>(findings);
        composed.sort(COMPOSED);
        assertThat(written).isEqualTo(composed);
    }
}
