package org.medsite.check;

import org.medsite.diagnostics.FindingCollector;

/** A build-time check of one stylesheet of the output (theme or site CSS). */
public interface StylesheetCheck {

    /**
     * @param origin where the stylesheet comes from, for findings
     * @param css its text
     */
    void checkStylesheet(String origin, String css, FindingCollector findings);
}
