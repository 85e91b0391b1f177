package org.medsite.cache;

import java.util.List;
import org.medsite.diagnostics.Finding;

/** The findings of the per-page site checks about one page, before the site's levels are applied. */
public record CheckedEntry(List<Finding> findings) {

    public CheckedEntry {
        findings = List.copyOf(findings);
    }
}
