package org.medsite.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.medsite.diagnostics.Finding;
import org.medsite.diagnostics.FindingCollector;

/**
 * A session's findings in report order are a sort of what the build added, whether the last build's order
 * is reused, patched for the lists that came and went, or sorted anew.
 */
class StageResultsFindingsTest {

    @Test
    void patchedOrReusedOrderIsTheSortOfWhatWasAdded() {
        Random random = new Random(42);
        StageResults results = StageResults.kept();
        // One list of findings per page, as the kept stages add them; some pages have none.
        List<List<Finding>> pages = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            pages.add(findingsOf(random, i));
        }
        for (int build = 0; build < 60; build++) {
            FindingCollector collector = new FindingCollector();
            collector.warning("config.checks", "site.yaml", 0, "there is no check 'x'");
            pages.forEach(collector::addAll);
            assertThat(results.sortedFindings(collector)).as("build " + build).isEqualTo(collector.sorted());
            // The next save: a page or two report something else, a page comes or goes, or nothing changes.
            int edits = random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int page = random.nextInt(pages.size());
                switch (random.nextInt(4)) {
                    case 0 -> pages.set(page, findingsOf(random, page));
                    case 1 -> pages.set(page, List.copyOf(pages.get(page))); // the same findings, another list
                    case 2 -> pages.add(page, findingsOf(random, page));
                    default -> pages.remove(page);
                }
            }
            if (build % 20 == 19) {
                // Many pages at once: sorted anew.
                for (int i = 0; i < pages.size(); i += 2) {
                    pages.set(i, findingsOf(random, i));
                }
            }
        }
    }

    /** A page's findings: none to three, some of them equal to another page's (same file, line and message). */
    private static List<Finding> findingsOf(Random random, int page) {
        List<Finding> list = new ArrayList<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            String file = "content/blog/post-" + random.nextInt(page + 1) + ".md";
            int line = random.nextInt(3);
            list.add(random.nextInt(5) == 0 ? Finding.error("link.broken", file, line, "no such page")
                    : Finding.warning("readability.grade", file, line, "grade " + random.nextInt(3)));
        }
        return List.copyOf(list);
    }
}
