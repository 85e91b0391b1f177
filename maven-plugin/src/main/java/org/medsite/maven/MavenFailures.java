package org.medsite.maven;

import java.io.IOException;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.medsite.api.BuildResult;
import org.medsite.api.MedsiteException;
import org.medsite.api.OutputInUseException;
import org.medsite.diagnostics.Finding;
import org.medsite.diagnostics.Severity;
import org.medsite.scaffold.ScaffoldException;

/**
 * The one mapping from what went wrong to Maven's two kinds of failure. Mistakes in the user's site or
 * request are {@link MojoFailureException}s: Maven reports them as BUILD FAILURE with our message and
 * no stack trace. Everything else (a full disk, a bug in Medsite) is a {@link MojoExecutionException},
 * which keeps its cause for {@code -e}.
 */
final class MavenFailures {

    /** Enough lines to act on at the end of a long multi-module log; the full list is logged above it. */
    static final int LISTED = 20;

    private MavenFailures() {
    }

    /** The site has errors, or warnings while {@code failOnWarning} is set. */
    static MojoFailureException siteProblems(BuildResult result, boolean failOnWarning) {
        List<Finding> failing = result.findings().stream()
                .filter(f -> f.isError() || failOnWarning && f.severity() == Severity.WARNING)
                .toList();
        String what = result.errorCount() > 0
                ? count(result.errorCount(), "error")
                : count(result.warningCount(), "warning") + " and failOnWarning is set";
        StringBuilder sb = new StringBuilder("The site has ").append(what).append(':');
        failing.stream().limit(LISTED).forEach(f -> sb.append(System.lineSeparator()).append("  ").append(f.format()));
        if (failing.size() > LISTED) {
            sb.append(System.lineSeparator()).append("  ... and ").append(failing.size() - LISTED)
                    .append(" more, listed above");
        }
        return new MojoFailureException(sb.toString());
    }

    /** The build could not run for a reason outside the site. */
    static MojoExecutionException unexpected(MedsiteException e) {
        return new MojoExecutionException("Medsite could not build the site: " + e.getMessage(), e);
    }

    /**
     * Another build writes the same output folder (another module of a parallel reactor, a dev server):
     * not a bug, so no stack trace; the message names the folder and the other build.
     */
    static MojoFailureException outputInUse(OutputInUseException e) {
        return new MojoFailureException(e.getMessage());
    }

    /** An exception Medsite did not expect: always a bug, never the user's doing. */
    static MojoExecutionException bug(RuntimeException e) {
        return new MojoExecutionException("Medsite failed unexpectedly (this is a bug in Medsite; please report it "
                + "with the output of mvn -e): " + e, e);
    }

    /** Files could not be written for a reason outside the request, such as a read-only folder. */
    static MojoExecutionException cannotWrite(String what, IOException e) {
        return new MojoExecutionException("Medsite could not write " + what + ": " + e.getMessage(), e);
    }

    /** A {@code new} or {@code init} request that cannot be done as asked. */
    static MojoFailureException scaffold(ScaffoldException e) {
        return new MojoFailureException(e.getMessage());
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
