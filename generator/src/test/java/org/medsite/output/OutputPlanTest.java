package org.medsite.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.medsite.diagnostics.FindingCollector;

/** Output paths stay inside the output folder, and no two files share a name up to case. */
class OutputPlanTest {

    @Test
    void onlyPlainRelativePathsAreSafe() {
        assertThat(OutputPlan.isSafe("index.html")).isTrue();
        assertThat(OutputPlan.isSafe("blog/flu/index.html")).isTrue();
        assertThat(OutputPlan.isSafe(".nojekyll")).isTrue();
        assertThat(OutputPlan.isSafe("..hidden/a.txt")).isTrue();
        assertThat(OutputPlan.isSafe("a/.well-known/x")).isTrue();
        for (String unsafe : new String[] {"", "/etc/passwd", "../x", "a/../../x", "a/..", "./a", "a/./b", "a//b",
                "a/", ".", "..", "a\\b", "c:x", "a\0b"}) {
            assertThat(OutputPlan.isSafe(unsafe)).as(unsafe).isFalse();
        }
    }

    @Test
    void twoFilesWhoseNamesDifferInCaseClash() {
        FindingCollector findings = new FindingCollector();
        OutputPlan plan = new OutputPlan(findings);
        plan.addGenerated("blog/Flu/index.html", "a", "content/blog/Flu.md");
        plan.addGenerated("blog/flu/index.html", "b", "content/blog/flu.md");
        plan.addGenerated("../x", "c", "content/x.md");

        assertThat(findings.sorted()).extracting(f -> f.rule()).containsExactlyInAnyOrder("output.clash",
                "output.unsafe-path");
        assertThat(plan.paths()).containsExactly("blog/Flu/index.html");
    }
}
