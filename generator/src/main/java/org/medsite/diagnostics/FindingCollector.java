package org.medsite.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Gathers the findings of one build from every stage (stages may run on several threads), so that all
 * problems are reported together instead of stopping at the first.
 */
public final class FindingCollector {

    private final ConcurrentLinkedQueue<Finding> findings;
    private final Consumer<Finding> onFinding;
    private final Map<String, String> levels;

    public FindingCollector() {
        this(f -> { });
    }

    /** @param onFinding told of each finding as it is found (e.g. to stream it to a log) */
    public FindingCollector(Consumer<Finding> onFinding) {
        this(new ConcurrentLinkedQueue<>(), onFinding, Map.of());
    }

    private FindingCollector(ConcurrentLinkedQueue<Finding> findings, Consumer<Finding> onFinding,
            Map<String, String> levels) {
        this.findings = findings;
        this.onFinding = onFinding;
        this.levels = levels;
    }

    /**
     * The same collector, with the severity of some rules changed as a site asks ({@code checks:} in
     * site.yaml): {@code error}, {@code warning}, or {@code off} to drop the rule's findings.
     */
    public FindingCollector withLevels(Map<String, String> levelsByRule) {
        return new FindingCollector(findings, onFinding, Map.copyOf(levelsByRule));
    }

    public void add(Finding finding) {
        String level = levels.get(finding.rule());
        Finding adjusted = finding;
        if ("off".equals(level)) {
            return;
        } else if ("error".equals(level) || "warning".equals(level)) {
            adjusted = new Finding(level.equals("error") ? Severity.ERROR : Severity.WARNING, finding.rule(),
                    finding.file(), finding.line(), finding.message());
        }
        findings.add(adjusted);
        onFinding.accept(adjusted);
    }

    public void error(String rule, String file, int line, String message) {
        add(Finding.error(rule, file, line, message));
    }

    public void warning(String rule, String file, int line, String message) {
        add(Finding.warning(rule, file, line, message));
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(Finding::isError);
    }

    /** The findings so far, in the order they were added (a snapshot; sorting them is left to who needs it). */
    public List<Finding> inOrderAdded() {
        return new ArrayList<>(findings);
    }

    /** The findings so far, in report order. */
    public List<Finding> sorted() {
        List<Finding> list = new ArrayList<>(findings);
        list.sort(Finding.ORDER);
        return List.copyOf(list);
    }
}
