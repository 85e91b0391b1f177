package org.medsite.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Gathers the findings of one build from every stage (stages may run on several threads), so that all
 * problems are reported together instead of stopping at the first.
 *
 * <p>Findings are held as the lists they were added in ({@link #addAll}): a stage that reports the kept
 * findings of thousands of unchanged pages adds one list per page, not each finding, and a dev server's
 * session can tell that a build's findings are the last build's by comparing the lists by identity
 * ({@link #segments()}).
 */
public final class FindingCollector {

    private final ConcurrentLinkedQueue<List<Finding>> segments;
    /** The files of the errors found so far ("" for an error of no file). */
    private final Set<String> errorFiles;
    private final Consumer<Finding> onFinding;
    private final Map<String, String> levels;

    public FindingCollector() {
        this(f -> { });
    }

    /** @param onFinding told of each finding as it is found (e.g. to stream it to a log) */
    public FindingCollector(Consumer<Finding> onFinding) {
        this(new ConcurrentLinkedQueue<>(), ConcurrentHashMap.newKeySet(), onFinding, Map.of());
    }

    private FindingCollector(ConcurrentLinkedQueue<List<Finding>> segments, Set<String> errorFiles,
            Consumer<Finding> onFinding, Map<String, String> levels) {
        this.segments = segments;
        this.errorFiles = errorFiles;
        this.onFinding = onFinding;
        this.levels = levels;
    }

    /**
     * The same collector, with the severity of some rules changed as a site asks ({@code checks:} in
     * site.yaml): {@code error}, {@code warning}, or {@code off} to drop the rule's findings.
     */
    public FindingCollector withLevels(Map<String, String> levelsByRule) {
        return new FindingCollector(segments, errorFiles, onFinding, Map.copyOf(levelsByRule));
    }

    public void add(Finding finding) {
        Finding adjusted = adjusted(finding);
        if (adjusted != null) {
            segments.add(List.of(adjusted));
            told(adjusted);
        }
    }

    /**
     * Adds findings in their order: as {@link #add} of each, but the list itself is kept when no level of
     * this collector changes one of them. The list must not change afterwards (an immutable list, such as
     * {@link #sorted()} returns).
     */
    public void addAll(List<Finding> list) {
        if (list.isEmpty()) {
            return;
        }
        List<Finding> adjusted = list;
        if (!levels.isEmpty()) {
            List<Finding> kept = new ArrayList<>(list.size());
            for (Finding f : list) {
                Finding a = adjusted(f);
                if (a != null) {
                    kept.add(a);
                }
            }
            if (kept.isEmpty()) {
                return;
            }
            adjusted = kept.equals(list) ? list : List.copyOf(kept);
        }
        segments.add(adjusted);
        for (Finding f : adjusted) {
            told(f);
        }
    }

    /** The finding as this collector's levels make it, or null when its rule is off. */
    private Finding adjusted(Finding finding) {
        String level = levels.get(finding.rule());
        if ("off".equals(level)) {
            return null;
        } else if ("error".equals(level) || "warning".equals(level)) {
            return new Finding(level.equals("error") ? Severity.ERROR : Severity.WARNING, finding.rule(),
                    finding.file(), finding.line(), finding.message());
        }
        return finding;
    }

    private void told(Finding finding) {
        if (finding.isError()) {
            errorFiles.add(finding.file());
        }
        onFinding.accept(finding);
    }

    public void error(String rule, String file, int line, String message) {
        add(Finding.error(rule, file, line, message));
    }

    public void warning(String rule, String file, int line, String message) {
        add(Finding.warning(rule, file, line, message));
    }

    public boolean hasErrors() {
        return !errorFiles.isEmpty();
    }

    /** The files that errors found so far point at ("" for an error of no file). */
    public Set<String> errorFiles() {
        return Set.copyOf(errorFiles);
    }

    /** The findings so far, in the order they were added (a snapshot; sorting them is left to who needs it). */
    public List<Finding> inOrderAdded() {
        List<Finding> all = new ArrayList<>();
        segments.forEach(all::addAll);
        return all;
    }

    /**
     * The findings so far as the lists they were added in, in order (a snapshot): a list added with
     * {@link #addAll} is that very list, each single finding a list of its own.
     */
    public List<List<Finding>> segments() {
        return new ArrayList<>(segments);
    }

    /** The findings so far, in report order. */
    public List<Finding> sorted() {
        List<Finding> list = inOrderAdded();
        list.sort(Finding.ORDER);
        return List.copyOf(list);
    }
}
