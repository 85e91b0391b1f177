package org.medsite.api;

import java.time.Duration;
import org.medsite.diagnostics.Finding;
import org.medsite.output.WriteStep;

/**
 * Events of a running build, for a host to show (the CLI prints them, the Maven plugin logs them).
 * Called from the build's threads; implementations must be thread-safe. All methods do nothing by default.
 */
public interface BuildListener {

    /** A stage of the pipeline has finished. */
    default void stageFinished(String stage, Duration took) {
    }

    /** A problem was found. Findings are also in the result, sorted. */
    default void finding(Finding finding) {
    }

    /** The write stage reached {@code step}; see {@link WriteStep} for what is on disk at each. */
    default void writeStep(WriteStep step) {
    }

    /** Something worth telling the user that is not a problem. */
    default void info(String message) {
    }

    /** A detail for someone looking into the build itself (the CLI prints it with {@code --debug}). */
    default void debug(String message) {
    }

    BuildListener NONE = new BuildListener() { };
}
