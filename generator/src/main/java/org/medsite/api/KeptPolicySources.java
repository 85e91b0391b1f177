package org.medsite.api;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.medsite.output.SecurityHeaders;
import org.medsite.postprocess.PageSources;

/**
 * The rules of a dev server's session's {@code _headers} (the policy shared by the pages, and each
 * framing page's own), kept from one build to the next. Working them out merges what every page loads
 * and looks at every output path; a one-page edit rarely changes what that page loads or which files
 * there are, so while each page's sources, the stylesheets' and the output paths are what they were,
 * the last rules stand.
 *
 * <p>Owned by one session and used by one build at a time.
 */
final class KeptPolicySources {

    private List<SecurityHeaders.Rule> rules;
    private PageSources stylesheets;
    private Set<String> paths;

    /**
     * The rules for this build.
     *
     * @param before the finished pages of the build that last asked
     * @param now this build's finished pages
     * @param fresh when {@code now} has the pages of {@code before}, those finished again (the others are
     *     the very records of {@code before}); null when not known, to compare every page
     * @param paths this build's output paths so far
     * @param compute the rules worked out from {@code now}
     */
    List<SecurityHeaders.Rule> rules(Map<String, StageResults.Finished> before, Map<String, StageResults.Finished> now,
            Set<String> fresh, PageSources stylesheets, Set<String> paths, Supplier<List<SecurityHeaders.Rule>> compute) {
        // The kept copy's equals: a hash look-up per path, where the plan's sorted set would walk its tree for each.
        if (rules == null || !stylesheets.equals(this.stylesheets) || !this.paths.equals(paths)
                || !(fresh == null ? sameSources(before, now) : sameSources(before, now, fresh))) {
            rules = compute.get();
            this.stylesheets = stylesheets;
            this.paths = Set.copyOf(paths);
        }
        return rules;
    }

    /** As {@link #sameSources(Map, Map)}, looking only at the pages finished again. */
    private static boolean sameSources(Map<String, StageResults.Finished> before,
            Map<String, StageResults.Finished> now, Set<String> fresh) {
        for (String path : fresh) {
            StageResults.Finished was = before.get(path);
            if (was == null || !was.sources().equals(now.get(path).sources())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameSources(Map<String, StageResults.Finished> before,
            Map<String, StageResults.Finished> now) {
        if (before.size() != now.size()) {
            return false;
        }
        for (Map.Entry<String, StageResults.Finished> e : now.entrySet()) {
            StageResults.Finished was = before.get(e.getKey());
            if (was == null || was != e.getValue() && !was.sources().equals(e.getValue().sources())) {
                return false;
            }
        }
        return true;
    }
}
