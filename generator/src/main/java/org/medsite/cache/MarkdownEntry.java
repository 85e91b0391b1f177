package org.medsite.cache;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medsite.diagnostics.Finding;
import org.medsite.markdown.RenderedMarkdown;

/**
 * A page's rendered Markdown and its findings, valid while every link target it looked up (content path
 * to site path, or nothing for a broken link) still resolves the same way.
 */
public record MarkdownEntry(RenderedMarkdown rendered, List<Finding> findings, Map<String, Optional<String>> pageLinks,
        Map<String, Optional<String>> resourceLinks) {

    public MarkdownEntry {
        findings = List.copyOf(findings);
        // Sorted, so the same result is always the same bytes in the cache file.
        pageLinks = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(pageLinks));
        resourceLinks = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(resourceLinks));
    }
}
