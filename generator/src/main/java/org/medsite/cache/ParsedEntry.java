package org.medsite.cache;

import java.util.List;
import java.util.Optional;
import org.medsite.diagnostics.Finding;
import org.medsite.frontmatter.ParsedSource;

/**
 * A source's text split into typed front matter and body, or nothing when its front matter is broken;
 * with the findings of that step, reported again on every reuse.
 */
public record ParsedEntry(Optional<ParsedSource> parsed, List<Finding> findings) {

    public ParsedEntry {
        findings = List.copyOf(findings);
    }
}
