package org.medsite.maven;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.apache.maven.plugin.logging.Log;
import org.medsite.api.BuildListener;
import org.medsite.api.BuildMode;
import org.medsite.api.BuildResult;
import org.medsite.diagnostics.Finding;

/**
 * The one adapter from the generator's build events and results to Maven's {@link Log}. Findings are
 * not logged as they arrive: they come from many threads in no particular order, so they are logged
 * once, sorted by file and line, from the result.
 */
final class MavenBuildLog implements BuildListener {

    private final Log log;
    private final Path basedir;

    /** @param basedir the folder paths in messages are shown relative to */
    MavenBuildLog(Log log, Path basedir) {
        this.log = log;
        this.basedir = basedir.toAbsolutePath().normalize();
    }

    @Override
    public void stageFinished(String stage, Duration took) {
        if (log.isDebugEnabled()) {
            log.debug(String.format(Locale.ROOT, "Medsite stage %-12s %6d ms", stage, took.toMillis()));
        }
    }

    @Override
    public void info(String message) {
        log.info("Medsite: " + message);
    }

    /** Logs every finding at its severity, then one summary line. */
    void report(BuildResult result) {
        for (Finding finding : result.findings()) {
            switch (finding.severity()) {
                case ERROR -> log.error(finding.format());
                case WARNING -> log.warn(finding.format());
                case INFO -> log.info(finding.format());
            }
        }
        log.info(summary(result));
    }

    String summary(BuildResult result) {
        long pages = result.pages().stream().filter(p -> !p.kind().equals("404")).count();
        StringBuilder sb = new StringBuilder("Medsite ");
        if (result.mode() == BuildMode.CHECK) {
            sb.append("checked ").append(pages).append(" pages");
        } else if (result.written().isEmpty()) {
            sb.append("wrote nothing: the site has errors; ").append(pages).append(" pages");
        } else {
            sb.append("built ").append(pages).append(" pages");
        }
        sb.append(String.format(Locale.ROOT, " in %.2f s: %d errors, %d warnings", result.took().toMillis() / 1000.0,
                result.errorCount(), result.warningCount()));
        result.written().ifPresent(w -> sb.append("; ").append(w.written()).append(" files written, ")
                .append(w.unchanged()).append(" unchanged, ").append(w.removed()).append(" removed in ")
                .append(shown(result.outputDir())));
        return sb.toString();
    }

    /** {@code target/site} rather than the whole absolute path, when it lies inside the project. */
    String shown(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(basedir) && !absolute.equals(basedir)
                ? basedir.relativize(absolute).toString().replace('\\', '/')
                : absolute.toString();
    }
}
