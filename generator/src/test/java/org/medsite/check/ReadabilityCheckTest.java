package org.medsite.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsite.config.SiteConfig;
import org.medsite.config.SiteConfigLoader;
import org.medsite.diagnostics.FindingCollector;
import org.medsite.medical.MedicalInfo;
import org.medsite.yaml.YamlReader;

/** Which pages' readability a build measures: all for the editorial report, else those the check reads. */
class ReadabilityCheckTest {

    @TempDir
    Path site;

    private SiteConfig config(String yaml) throws Exception {
        Files.writeString(site.resolve("site.yaml"), yaml);
        return new SiteConfigLoader(new YamlReader()).load(site, Optional.empty(), Optional.empty(), new FindingCollector());
    }

    private static MedicalInfo info(String type, boolean medical) {
        return new MedicalInfo(type, medical, "patient", Optional.empty(), List.of(), List.of(), Optional.empty(),
                Optional.empty(), List.of(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty(), List.of(), Map.of(), Optional.empty());
    }

    private static final MedicalInfo CONDITION = info("condition", true);
    private static final MedicalInfo POST = info("blog", false);
    private static final MedicalInfo PAGE = info("page", false);

    @Test
    void withTheReportEveryPageIsMeasured() throws Exception {
        SiteConfig config = config("checks: {readability.above-target: off, readability.not-measured: off}\n");
        assertThat(ReadabilityCheck.measures(true, PAGE, config)).isTrue();
        assertThat(ReadabilityCheck.measures(false, CONDITION, config)).isTrue();
    }

    @Test
    void withoutTheReportOnlyTheArticlesTheCheckReads() throws Exception {
        SiteConfig config = config("editorialReport: false\n");
        assertThat(ReadabilityCheck.measures(true, CONDITION, config)).isTrue();
        assertThat(ReadabilityCheck.measures(true, POST, config)).isTrue();
        assertThat(ReadabilityCheck.measures(true, PAGE, config)).isFalse();
        assertThat(ReadabilityCheck.measures(false, CONDITION, config)).isFalse();
    }

    @Test
    void oneRuleThatReadsTheFiguresIsEnough() throws Exception {
        assertThat(ReadabilityCheck.measures(true, CONDITION,
                config("editorialReport: false\nchecks: {readability.above-target: off}\n"))).isTrue();
        assertThat(ReadabilityCheck.measures(true, CONDITION, config("editorialReport: false\nchecks: "
                + "{readability.above-target: off, readability.not-measured: off, plain.no-summary: warning}\n"))).isFalse();
    }
}
