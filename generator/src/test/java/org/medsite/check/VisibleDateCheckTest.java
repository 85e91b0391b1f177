package org.medsite.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.medsite.diagnostics.Finding;
import org.medsite.diagnostics.FindingCollector;

class VisibleDateCheckTest {

    private static final String JSON_LD = """
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"MedicalClinic","name":"X"},
              {"@type":"MedicalWebPage","datePublished":"2025-02-11","lastReviewed":"2026-06-09"}]}</script>""";

    private static java.util.List<String> check(String head, String body) {
        FindingCollector findings = new FindingCollector();
        String html = "<!DOCTYPE html><html><head>" + head + "</head><body>" + body + "</body></html>";
        new VisibleDateCheck().check(new RenderedPage("a/index.html", "/a/", "content/a.md", Jsoup.parse(html)),
                null, findings);
        return findings.sorted().stream().map(Finding::message).toList();
    }

    @Test
    void datesThatAgreePass() {
        assertThat(check(JSON_LD, "<p>Last reviewed <time datetime=\"2026-06-09\" data-date=\"lastReviewed\">June 9, 2026</time>"
                + " · Published <time datetime=\"2025-02-11T09:00:00-05:00\" data-date=\"datePublished\">Feb 11</time>"
                + " · Next review <time datetime=\"2029-06\">June 2029</time></p>")).isEmpty();
    }

    @Test
    void aMarkedDateMustBeTheStructuredDataDate() {
        assertThat(check(JSON_LD, "<time datetime=\"2026-06-09\">June 9</time>"
                + "<time datetime=\"2025-02-12\" data-date=\"datePublished\">Feb 12</time>"
                + "<time datetime=\"2026-01-01\" data-date=\"dateModified\">Jan 1</time>")).containsExactly(
                "the page shows a dateModified date (Jan 1) that its structured data (JSON-LD) does not have",
                "the page shows datePublished as 2025-02-12 (\"Feb 12\") but its structured data (JSON-LD) says 2025-02-11");
    }

    @Test
    void theReviewDateMustBeShown() {
        assertThat(check(JSON_LD, "<p>Published <time datetime=\"2025-02-11\">Feb 11</time></p>")).containsExactly(
                "the structured data (JSON-LD) says the page was last reviewed on 2026-06-09 but the page does not show "
                        + "that date (dates shown: 2025-02-11); show it in a <time datetime=\"2026-06-09\">");
    }

    @Test
    void pagesWithoutStructuredDataOrWithBrokenJsonAreNotJudged() {
        assertThat(check("", "<time datetime=\"2020-01-01\" data-date=\"lastReviewed\">x</time>")).isEmpty();
        assertThat(check("<script type=\"application/ld+json\">{not json</script>",
                "<time datetime=\"2020-01-01\" data-date=\"lastReviewed\">x</time>")).isEmpty();
    }
}
