package org.medsite.check;

import org.medsite.diagnostics.FindingCollector;

/** A build-time check of one rendered page. Implementations are stateless and thread-safe. */
public interface PageCheck {

    void check(RenderedPage page, OutputIndex output, FindingCollector findings);
}
