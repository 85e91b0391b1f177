package org.medsite.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.medsite.api.BuildMode;
import org.medsite.diagnostics.Finding;
import org.medsite.output.WriteStats;

class MavenBuildLogTest {

    private final RecordingLog maven = new RecordingLog(false);
    private final MavenBuildLog log = new MavenBuildLog(maven, Results.PROJECT);

    @Test
    void findingsAreLoggedAtTheirSeverityInFileOrderThenTheSummary() {
        log.report(Results.of(BuildMode.BUILD, List.of(
                Finding.error("link.broken", "content/_index.md", 5, "link 'team.md' points nowhere"),
                Finding.warning("frontmatter.unknown-key", "content/about.md", 3, "unknown key 'tilte'")),
                Optional.empty()));

        assertThat(maven.lines).containsExactly(
                "ERROR content/_index.md:5: error: link 'team.md' points nowhere [link.broken]",
                "WARN content/about.md:3: warning: unknown key 'tilte' [frontmatter.unknown-key]",
                "INFO Medsite wrote nothing: the site has errors; 2 pages in 1.23 s: 1 errors, 1 warnings");
    }

    @Test
    void aBuildSaysWhatItWroteWithTheOutputFolderRelativeToTheProject() {
        log.report(Results.of(BuildMode.BUILD, List.of(), Optional.of(new WriteStats(0, 7, 1))));

        assertThat(maven.lines).containsExactly("INFO Medsite built 2 pages in 1.23 s: 0 errors, 0 warnings; "
                + "0 files written, 7 unchanged, 1 removed in target/site");
    }

    @Test
    void aCheckWritesNothingAndSaysSo() {
        assertThat(log.summary(Results.of(BuildMode.CHECK, List.of(), Optional.empty())))
                .isEqualTo("Medsite checked 2 pages in 1.23 s: 0 errors, 0 warnings");
    }

    @Test
    void anOutputFolderOutsideTheProjectIsShownInFull() {
        assertThat(log.shown(Path.of("/srv/www/clinic"))).isEqualTo(Path.of("/srv/www/clinic").toAbsolutePath().toString());
        assertThat(log.shown(Results.PROJECT.resolve("public"))).isEqualTo("public");
    }

    @Test
    void stageTimesAreLoggedOnlyWithDebug() {
        log.stageFinished("parse", Duration.ofMillis(12));
        assertThat(maven.lines).isEmpty();

        RecordingLog debug = new RecordingLog(true);
        new MavenBuildLog(debug, Results.PROJECT).stageFinished("parse", Duration.ofMillis(12));
        assertThat(debug.lines).containsExactly("DEBUG Medsite stage parse            12 ms");
    }
}
