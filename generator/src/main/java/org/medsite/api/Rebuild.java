package org.medsite.api;

import java.util.List;

/**
 * The outcome of one build of a {@link BuildSession}.
 *
 * @param result the build's result, as a one-off build would give it
 * @param changedFiles the output files written or deleted, relative to the output folder; empty when
 *     nothing changed or errors kept the build from writing
 */
public record Rebuild(BuildResult result, List<String> changedFiles) {

    public Rebuild {
        changedFiles = List.copyOf(changedFiles);
    }
}
