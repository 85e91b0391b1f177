package org.medsite.output;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.medsite.diagnostics.FindingCollector;

/**
 * Every file of the site to be written, by path relative to the output folder. Paths are checked when
 * added: none may leave the output folder, and two sources may not claim one file (also not two
 * spellings that differ only in case, which collide on macOS and Windows hosts).
 */
public final class OutputPlan {

    private final SortedMap<String, OutputEntry> entries = new TreeMap<>();
    private final Map<String, String> lowerCase = new TreeMap<>();
    private final FindingCollector findings;

    public OutputPlan(FindingCollector findings) {
        this.findings = findings;
    }

    public void addGenerated(String path, String text, String origin) {
        add(path, new OutputEntry.Generated(text.getBytes(StandardCharsets.UTF_8), origin));
    }

    public void addGenerated(String path, byte[] bytes, String origin) {
        add(path, new OutputEntry.Generated(bytes, origin));
    }

    public void addCopy(String path, Path source, String origin) {
        add(path, new OutputEntry.Copied(source, origin));
    }

    /** Whether a path is already planned. */
    public boolean contains(String path) {
        return entries.containsKey(path);
    }

    private void add(String path, OutputEntry entry) {
        if (!isSafe(path)) {
            findings.error("output.unsafe-path", entry.origin(), 0, "output path '" + path
                    + "' would leave the output folder; use plain names without '..', '\\' or a leading '/'");
            return;
        }
        String other = lowerCase.putIfAbsent(path.toLowerCase(Locale.ROOT), entry.origin());
        if (other != null) {
            findings.error("output.clash", entry.origin(), 0, "its output file " + path + " is also produced by "
                    + other + "; rename or move one of them");
            return;
        }
        entries.put(path, entry);
    }

    /** Relative, forward-slash paths made of ordinary names only. */
    static boolean isSafe(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("\0")
                || path.contains(":") || path.endsWith("/")) {
            return false;
        }
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    public SortedMap<String, OutputEntry> entries() {
        return Collections.unmodifiableSortedMap(entries);
    }

    public Set<String> paths() {
        return Collections.unmodifiableSet(entries.keySet());
    }
}
