package org.medsite.postprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.medsite.config.SecuritySettings;
import org.medsite.diagnostics.Finding;
import org.medsite.diagnostics.FindingCollector;

class ContentSecurityPolicyTest {

    private final ContentSecurityPolicy policy = new ContentSecurityPolicy(SecuritySettings.defaults());

    private static PageSources of(String html) {
        return PageSources.of(Jsoup.parse(html));
    }

    @Test
    void aPageOfOwnFilesGetsTheStrictBase() {
        PageSources used = of("<html><head><link rel=stylesheet href=/css/clinic.css><link rel=icon href=/favicon.svg>"
                + "<script type=application/ld+json>{\"@type\":\"MedicalWebPage\"}</script><script src=/js/search.js defer></script>"
                + "</head><body><img src=/images/a.png><a href=https://www.cdc.gov/flu/>CDC</a>"
                + "<form action=/search/></form></body></html>");
        assertThat(used.sources()).containsOnlyKeys(PageSources.DATA_BLOCK);
        assertThat(policy.header(used)).isEqualTo("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                + "font-src 'self'; connect-src 'self'; media-src 'self'; manifest-src 'self'; object-src 'none'; "
                + "form-action 'self'; base-uri 'self'; frame-ancestors 'none'");
        assertThat(policy.meta(used)).doesNotContain("frame-ancestors").doesNotContain("frame-src");
    }

    @Test
    void otherOriginsEnterTheDirectiveOfTheirUse() {
        PageSources used = of("<img src=https://images.example.org/a.png srcset='https://cdn.example.org/b.png 2x, /c.png 3x'>"
                + "<img src='data:image/png;base64,AAAA'><iframe src=https://player.vimeo.com/video/1></iframe>"
                + "<script src=https://js.example.net/x.js></script><video src=https://media.example.org/v.mp4></video>"
                + "<form action=https://book.example.net/new></form><link rel=stylesheet href=https://css.example.org/s.css>");
        String header = policy.header(used);
        assertThat(header).contains("script-src 'self' https://js.example.net;",
                "style-src 'self' https://css.example.org;",
                "img-src 'self' data: https://cdn.example.org https://images.example.org;",
                "media-src 'self' https://media.example.org;", "frame-src https://player.vimeo.com;",
                "form-action 'self' https://book.example.net;");
    }

    @Test
    void aVideoFacadeAllowsItsPlayerOnly() {
        PageSources used = of("<figure class=video data-video-embed='https://www.youtube-nocookie.com/embed/AbCdEfGhI_1?autoplay=1'>"
                + "<img src=/poster.jpg><button hidden>Play</button></figure>");
        assertThat(policy.meta(used)).contains("frame-src https://www.youtube-nocookie.com;");
        assertThat(policy.meta(of("<p>No video</p>"))).doesNotContain("frame-src");
    }

    @Test
    void inlineCodeIsAllowedByItsHashOnly() {
        PageSources used = of("<style>:root{--c:#123}</style><script>console.log(1)</script>"
                + "<p style='color:red'>x</p><script type=application/ld+json>{}</script>");
        String header = policy.header(used);
        assertThat(header).doesNotContain("unsafe-inline")
                .contains("script-src 'self' 'sha256-")
                .contains("style-src 'self' 'sha256-")
                .contains("'unsafe-hashes'");
        // The value a browser computes over the element's text (echo -n 'alert(1)' | openssl sha256 -binary | base64).
        assertThat(PageSources.hash("alert(1)")).isEqualTo("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
        assertThat(of("<script>alert(1)</script>").sources().get("script-src"))
                .containsExactly("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
        // Data blocks never run: the header policy, shared by many pages, leaves them out; a page's meta policy
        // lists them so that checkers that apply script-src to every <script> element accept the page.
        PageSources data = of("<script type=application/ld+json>{}</script><script type=application/json>[]</script>");
        assertThat(policy.header(data)).contains("script-src 'self';");
        assertThat(policy.meta(data)).contains("script-src 'self' 'sha256-RBNvo1WzZ4oRRq0W9+hknpT7T8If536DEMBg9hyq/4o=';");
    }

    @Test
    void inlineHandlersAreReportedBecauseNoHashCanAllowThem() {
        PageSources used = of("<button onclick='go()'>Go</button><a href='javascript:void(0)'>x</a>");
        FindingCollector findings = new FindingCollector();
        ContentSecurityPolicy.reportInlineCode(used, "content/a.md", findings);
        assertThat(findings.sorted()).extracting(Finding::rule).containsExactly("security.inline-code", "security.inline-code");
        assertThat(findings.sorted().get(1).message()).startsWith("onclick on <button> will not run");
    }

    @Test
    void extraSourcesFromSettingsAreAdded() {
        ContentSecurityPolicy withExtra = new ContentSecurityPolicy(new SecuritySettings(true, true, true,
                Map.of("img-src", List.of("https://images.example.org"), "frame-src", List.of("https://www.youtube-nocookie.com"))));
        String meta = withExtra.meta(PageSources.NONE);
        assertThat(meta).contains("img-src 'self' https://images.example.org;", "frame-src https://www.youtube-nocookie.com;");
    }

    @Test
    void theMetaElementComesRightAfterTheCharset() {
        Document page = Jsoup.parse("<html><head><meta charset=utf-8><title>T</title><link rel=stylesheet href=/a.css></head>"
                + "<body></body></html>");
        policy.insertMeta(page, PageSources.of(page));
        assertThat(page.head().child(1).attr("http-equiv")).isEqualTo("Content-Security-Policy");
        assertThat(page.head().child(1).attr("content")).startsWith("default-src 'none'; script-src 'self';");
    }

    @Test
    void theSitePolicyIsTheUnionOfItsPages() {
        PageSources site = of("<img src=https://a.example.org/x.png>").with(of("<iframe src=https://player.vimeo.com/video/1></iframe>"))
                .with(PageSources.ofStylesheet("body{background:url(data:image/svg+xml;base64,AA)}"));
        assertThat(policy.header(site)).contains("img-src 'self' data: https://a.example.org;", "font-src 'self' data:;",
                "frame-src https://player.vimeo.com;");
    }
}
