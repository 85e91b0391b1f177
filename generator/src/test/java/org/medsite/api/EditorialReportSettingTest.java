package org.medsite.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsite.diagnostics.Finding;
import org.medsite.output.EditorialReport;

/**
 * {@code editorialReport: false} in site.yaml: no report beside the output, and readability measured only
 * where a readability rule that is on reads it.
 */
class EditorialReportSettingTest {

    @TempDir
    Path tmp;

    private static final String HARD = "Individuals experiencing persistent hypertension frequently demonstrate "
            + "cardiovascular complications, including myocardial infarction, cerebrovascular accidents, and progressive "
            + "nephropathy, particularly when pharmacological intervention is inadequately implemented. ";

    private TestSite site(String siteYaml) {
        return new TestSite(tmp)
                .file("site.yaml", siteYaml)
                .file("content/hard.md", "---\ntitle: Hard\ntype: blog\ndate: 2026-01-01\n---\n"
                        + HARD.repeat(6) + "\n")
                .file("content/plain.md", "---\ntitle: Plain\n---\n" + HARD.repeat(6) + "\n");
    }

    private Path report(String file) {
        return tmp.resolve(file);
    }

    @Test
    void theReportIsWrittenUnlessSwitchedOffAndAnOldOneIsRemoved() throws Exception {
        TestSite site = site("title: Clinic\n");
        site.build();
        assertThat(report(EditorialReport.JSON_FILE)).isRegularFile();
        assertThat(report(EditorialReport.HTML_FILE)).isRegularFile();

        site.file("site.yaml", "title: Clinic\neditorialReport: false\n");
        List<String> infos = new ArrayList<>();
        BuildResult result = site.medsite().listener(new BuildListener() {
            @Override
            public void info(String message) {
                infos.add(message);
            }
        }).build();

        assertThat(result.written()).isPresent();
        assertThat(report(EditorialReport.JSON_FILE)).doesNotExist();
        assertThat(report(EditorialReport.HTML_FILE)).doesNotExist();
        assertThat(infos).noneMatch(i -> i.startsWith(EditorialReport.INFO_PREFIX));
    }

    @Test
    void withoutTheReportTheReadabilityCheckStillMeasuresThePagesItChecks() throws Exception {
        BuildResult result = site("title: Clinic\neditorialReport: false\n").build();
        assertThat(result.findings()).filteredOn(f -> f.rule().equals("readability.above-target"))
                .extracting(Finding::file).containsExactly("content/hard.md");
    }

    @Test
    void aBuildWithoutTheReportIsAnsweredFromTheBuildCacheNextTime() throws Exception {
        TestSite site = site("title: Clinic\neditorialReport: false\n");
        site.build();
        BuildResult second = site.build();
        assertThat(second.timings()).extracting(StageTiming::stage).containsExactly("fingerprint", Pipeline.CACHED_STAGE);
        assertThat(report(EditorialReport.JSON_FILE)).doesNotExist();
    }
}
