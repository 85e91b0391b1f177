package org.medsite.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A list of findings added at once counts as each of them added, and is kept as the list it was. */
class FindingCollectorTest {

    private static final Finding LONG_WORD = Finding.warning("readability.long-word", "content/a.md", 3, "a long word");
    private static final Finding BROKEN_LINK = Finding.error("link.broken", "content/a.md", 5, "no such page");
    private static final Finding NO_ALT = Finding.warning("image.alt", "content/b.md", 1, "no alt text");

    @Test
    void aListAddedAtOnceIsEachOfItsFindingsAddedInOrder() {
        List<Finding> told = new ArrayList<>();
        FindingCollector all = new FindingCollector(told::add);
        List<Finding> pageA = List.of(LONG_WORD, BROKEN_LINK);
        all.addAll(pageA);
        all.addAll(List.of());
        all.add(NO_ALT);

        FindingCollector oneByOne = new FindingCollector();
        List.of(LONG_WORD, BROKEN_LINK, NO_ALT).forEach(oneByOne::add);

        assertThat(all.inOrderAdded()).isEqualTo(oneByOne.inOrderAdded());
        assertThat(all.sorted()).isEqualTo(oneByOne.sorted());
        assertThat(told).containsExactly(LONG_WORD, BROKEN_LINK, NO_ALT);
        assertThat(all.hasErrors()).isTrue();
        assertThat(all.errorFiles()).containsExactly("content/a.md");
        // The list itself is kept (an empty one is not): a session compares its findings list by list.
        assertThat(all.segments()).hasSize(2);
        assertThat(all.segments().get(0)).isSameAs(pageA);
    }

    @Test
    void levelsApplyToAListAsToEachFinding() {
        FindingCollector findings = new FindingCollector();
        FindingCollector configured = findings.withLevels(Map.of("link.broken", "warning", "image.alt", "off"));
        configured.addAll(List.of(LONG_WORD, BROKEN_LINK, NO_ALT));
        List<Finding> unchanged = List.of(LONG_WORD);
        configured.addAll(unchanged);

        assertThat(findings.inOrderAdded()).containsExactly(LONG_WORD,
                Finding.warning("link.broken", "content/a.md", 5, "no such page"), LONG_WORD);
        assertThat(findings.hasErrors()).isFalse();
        // A list that no level changes is kept as it was.
        assertThat(findings.segments().get(1)).isSameAs(unchanged);
    }

    @Test
    void noFindingsNoErrors() {
        FindingCollector findings = new FindingCollector();
        findings.warning("x", "content/a.md", 1, "a warning");

        assertThat(findings.hasErrors()).isFalse();
        assertThat(findings.errorFiles()).isEmpty();
    }
}
