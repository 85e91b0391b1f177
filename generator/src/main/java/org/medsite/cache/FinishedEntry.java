package org.medsite.cache;

import java.util.List;
import org.medsite.diagnostics.Finding;
import org.medsite.postprocess.PageSources;

/**
 * An output page after post-processing and the page checks. Its bytes are not kept here: they are the
 * file the build wrote into the output folder, used again only while their hash is still this one.
 *
 * @param hash the {@link ContentHash} of the finished bytes
 * @param findings the page checks' findings
 * @param sources what the page loads, for the site-wide security policy
 */
public record FinishedEntry(String hash, List<Finding> findings, PageSources sources) {

    public FinishedEntry {
        findings = List.copyOf(findings);
    }
}
