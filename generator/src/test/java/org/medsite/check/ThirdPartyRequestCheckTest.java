package org.medsite.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.medsite.config.PrivacySettings;
import org.medsite.diagnostics.FindingCollector;

class ThirdPartyRequestCheckTest {

    private static final String BODY = "Find us on the map.\n\n"
            + "<iframe title=\"Map\"\n  src=\"https://maps.example.net/embed?q=clinic&amp;z=3\"></iframe>\n\n"
            + "See [the maps site](https://maps.example.net/) too.\n";

    private static java.util.List<String> findings(RenderedPage page) {
        FindingCollector findings = new FindingCollector();
        new ThirdPartyRequestCheck(PrivacySettings.defaults(), Optional.of("example.org")).check(page,
                new OutputIndex(java.util.Set.of(), "/"), findings);
        return findings.sorted().stream().map(f -> f.file() + ":" + f.line() + " " + f.rule()).toList();
    }

    @Test
    void aFindingNamesTheLineOfTheRawHtmlThatLoadsFromTheHost() {
        // The address as parsed (&amp; decoded) is not the address as written, and the element starts a line
        // before it: the first line with the host is the one.
        String html = "<html><head><script src=\"https://www.googletagmanager.com/gtag/js\"></script></head><body>"
                + "<p>Find us on the map.</p><iframe title=Map src=\"https://maps.example.net/embed?q=clinic&amp;z=3\"></iframe>"
                + "<p><a href=\"https://maps.example.net/\">the maps site</a></p></body></html>";
        RenderedPage page = new RenderedPage("contact/index.html", "/contact/", "content/contact.md", Jsoup.parse(html),
                BODY, 5);
        assertThat(page.lineOf("<iframe", "maps.example.net")).as("the address is on the next line").isZero();
        assertThat(page.lineOf("maps.example.net")).isEqualTo(8);
        // The tag manager comes from a template: the finding names the file only.
        assertThat(findings(page)).containsExactly("content/contact.md:0 privacy.tracker",
                "content/contact.md:8 privacy.third-party");
    }

    @Test
    void aGeneratedPageHasNoLines() {
        RenderedPage page = new RenderedPage("tags/index.html", "/tags/", "tags/index.html",
                Jsoup.parse("<iframe src=\"https://maps.example.net/embed\"></iframe>"));
        assertThat(page.lineOf("maps.example.net")).isZero();
        assertThat(findings(page)).containsExactly("tags/index.html:0 privacy.third-party");
    }
}
