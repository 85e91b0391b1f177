package org.medsite.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Gathers the findings of one build from every stage (stages may run on several threads), so that all
 * problems are reported together instead of stopping at the first.
 */
public final class FindingCollector {

    private final ConcurrentLinkedQueue<Finding> findings = new ConcurrentLinkedQueue<>();
    private final Consumer<Finding> onFinding;

    public FindingCollector() {
        this(f -> { });
    }

    /** @param onFinding told of each finding as it is found (e.g. to stream it to a log) */
    public FindingCollector(Consumer<Finding> onFinding) {
        this.onFinding = onFinding;
    }

    public void add(Finding finding) {
        findings.add(finding);
        onFinding.accept(finding);
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

    /** The findings so far, in report order. */
    public List<Finding> sorted() {
        List<Finding> list = new ArrayList<>(findings);
        list.sort(Finding.ORDER);
        return List.copyOf(list);
    }
}
