package org.medsite.maven;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.medsite.api.BuildMode;
import org.medsite.api.BuildResult;
import org.medsite.api.PageSummary;
import org.medsite.diagnostics.Finding;
import org.medsite.output.WriteStats;

/** Build results made by hand, for the adapters that only read them. */
final class Results {

    static final Path PROJECT = Path.of("/work/clinic");

    private Results() {
    }

    static BuildResult of(BuildMode mode, List<Finding> findings, Optional<WriteStats> written) {
        List<PageSummary> pages = List.of(
                new PageSummary("/", "index.html", "content/_index.md", "Home", "en", "home"),
                new PageSummary("/about/", "about/index.html", "content/about.md", "About", "en", "page"),
                new PageSummary("/404.html", "404.html", "", "Not found", "en", "404"));
        return new BuildResult(mode, pages, findings, List.of(), written, PROJECT.resolve("target/site"),
                Duration.ofMillis(1234));
    }
}
