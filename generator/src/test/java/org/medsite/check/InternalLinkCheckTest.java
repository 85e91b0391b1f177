package org.medsite.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.medsite.diagnostics.Finding;
import org.medsite.diagnostics.FindingCollector;

class InternalLinkCheckTest {

    private final OutputIndex output = new OutputIndex(
            Set.of("index.html", "blog/index.html", "css/site.css", "library/flu/index.html", "library/flu/chart.png"),
            "/clinic/");

    private java.util.List<Finding> check(String html) {
        FindingCollector findings = new FindingCollector();
        new InternalLinkCheck().check(new RenderedPage("library/flu/index.html", "/library/flu/", "content/flu.md",
                Jsoup.parse(html)), output, findings);
        return findings.sorted();
    }

    @Test
    void linksToExistingFilesFoldersAndFragmentsPass() {
        assertThat(check("""
                <link rel=stylesheet href="/clinic/css/site.css">
                <a href="/clinic/">home</a> <a href="/clinic/blog/">blog</a> <a href="/clinic/blog">blog</a>
                <img src="chart.png" alt=""> <a href="#top">top</a> <h2 id="top">x</h2>
                <a href="https://www.cdc.gov/">cdc</a> <a href="tel:+15550142">call</a> <a href="mailto:x@example.org">m</a>
                """)).isEmpty();
    }

    @Test
    void missingTargetsFragmentsAndLinksOutsideTheBasePathAreErrors() {
        assertThat(check("""
                <a href="/clinic/nowhere/">a</a>
                <img src="missing.png" alt="">
                <a href="#nope">b</a>
                <a href="/css/site.css">c</a>
                """)).extracting(Finding::rule)
                .containsExactlyInAnyOrder("link.broken", "link.broken", "link.fragment", "link.outside-base");
    }
}
