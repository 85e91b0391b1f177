package org.medsite.markdown;

import java.util.Optional;

/**
 * What a link written in Markdown may point at, answered by the site being built. Kept as an interface
 * so the Markdown stage needs nothing from the later stages that know the answers.
 */
public interface LinkTargets {

    /** The site path of the page built from {@code contentPath} (relative to {@code content/}), if any. */
    Optional<String> page(String contentPath);

    /** The site path of a file copied from {@code content/} (a bundle image, a PDF), if there is one. */
    Optional<String> resource(String contentPath);
}
