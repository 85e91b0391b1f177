package org.medsite.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.medsite.diagnostics.Finding;
import org.medsite.diagnostics.Severity;
import org.medsite.output.WriteStats;

/**
 * The outcome of a build or check.
 *
 * @param mode build or check
 * @param pages the pages of the site (empty when the build stopped before assembling it)
 * @param findings every problem found, sorted by file and line
 * @param timings each stage's time, in pipeline order
 * @param written what was written; empty for a check, or when errors prevented writing
 * @param outputDir the output folder
 * @param took the whole build's time
 */
public record BuildResult(BuildMode mode, List<PageSummary> pages, List<Finding> findings, List<StageTiming> timings,
        Optional<WriteStats> written, Path outputDir, Duration took) {

    public BuildResult {
        pages = List.copyOf(pages);
        findings = List.copyOf(findings);
        timings = List.copyOf(timings);
    }

    public long errorCount() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    }

    public long warningCount() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
    }

    /** No errors (and, when {@code failOnWarning}, no warnings either). */
    public boolean succeeded(boolean failOnWarning) {
        return errorCount() == 0 && (!failOnWarning || warningCount() == 0);
    }

    public boolean succeeded() {
        return succeeded(false);
    }

    public List<Finding> errors() {
        return findings.stream().filter(Finding::isError).toList();
    }
}
