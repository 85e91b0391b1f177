package org.medsite.cache;

import java.util.List;
import java.util.Map;
import org.medsite.diagnostics.Finding;

/**
 * A page's template output, valid while every value its templates read is the one they read then.
 *
 * @param reads the keys its templates read ({@code render.TemplateReads}), sorted
 * @param readsHash the hash of those keys with the hash of each one's value when the page was rendered
 * @param html the HTML of each output file the page made, by output path
 * @param htmlHashes the hash of each output file's HTML, by output path: what the finished page's key names
 *     it by, so that it is not hashed again when the page is taken from the cache
 * @param findings what its templates reported
 */
public record RenderedEntry(List<String> reads, String readsHash, Map<String, String> html,
        Map<String, String> htmlHashes, List<Finding> findings) {

    public RenderedEntry {
        reads = List.copyOf(reads);
        // Sorted, so the same result is always the same bytes in the cache file.
        html = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(html));
        htmlHashes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(htmlHashes));
        findings = List.copyOf(findings);
    }
}
