package org.medsite.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Content-Security-Policy of built sites: in every page's head, in {@code _headers}, with a video,
 * with a site's own {@code _headers}, switched off; and still right after a session's warm rebuilds.
 */
class SecurityPolicyBuildTest {

    private static final String VIDEO = "```video\nyoutube: AbCdEfGhI_1\ntitle: Flu shots\nposter: poster.png\n```\n";
    private static final String NO_VIDEO = "Get a shot.\n";

    @TempDir
    Path tmp;

    private TestSite site(String flu) {
        return new TestSite(tmp)
                .file("site.yaml", "title: Clinic\nbaseURL: https://example.org/\n")
                .file("content/_index.md", "---\ntitle: Home\n---\nWelcome.\n")
                .file("content/blog/flu/index.md", "---\ntitle: Flu\ndate: 2025-10-01\n---\n" + flu)
                .bytes("content/blog/flu/poster.png", png(16, 9))
                .file("content/contact.md", "---\ntitle: Contact\n---\nCall us.\n");
    }

    private static byte[] png(int width, int height) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(width, height,
                    java.awt.image.BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String metaPolicy(String html) {
        Document page = Jsoup.parse(html);
        assertThat(page.head().child(0).hasAttr("charset")).isTrue();
        assertThat(page.head().child(1).attr("http-equiv")).isEqualTo("Content-Security-Policy");
        return page.head().child(1).attr("content");
    }

    @Test
    void everyPageCarriesItsPolicyAndHeadersTheSites() throws Exception {
        TestSite site = site(VIDEO);
        BuildResult result = site.medsite().build();
        assertThat(result.findings()).isEmpty();

        String flu = metaPolicy(site.read("blog/flu/index.html"));
        assertThat(flu).startsWith("default-src 'none'; script-src 'self' 'sha256-")
                .contains("frame-src https://www.youtube-nocookie.com;").doesNotContain("frame-ancestors", "unsafe-inline");
        assertThat(metaPolicy(site.read("contact/index.html"))).doesNotContain("frame-src");
        assertThat(metaPolicy(site.read("404.html"))).doesNotContain("frame-src");
        // The facade: nothing from YouTube loads with the page, and the theme's video script comes with it.
        Document page = Jsoup.parse(site.read("blog/flu/index.html"));
        assertThat(page.select("iframe")).isEmpty();
        assertThat(page.select("script[src]").eachAttr("src")).contains("/js/video.js");
        assertThat(page.select("link[rel=stylesheet]").eachAttr("href")).contains("/css/video.css");
        assertThat(Jsoup.parse(site.read("contact/index.html")).select("script[src$=video.js]")).isEmpty();
        assertThat(page.select("figure.video img.video-poster").attr("src")).isEqualTo("/blog/flu/poster.png");

        // _headers: the privacy headers for every path; the player's host only in the policy of the video's page.
        String headers = site.read("_headers");
        assertThat(headers).startsWith("/*\n  Referrer-Policy: strict-origin-when-cross-origin\n")
                .contains("  X-Content-Type-Options: nosniff\n", "  X-Frame-Options: DENY\n",
                        "  Permissions-Policy: accelerometer=(), browsing-topics=(), camera=()");
        Map<String, String> policies = headerPolicies(headers);
        assertThat(policies.get("/blog/flu/")).startsWith("default-src 'none'; script-src 'self'; ")
                .contains("frame-src https://www.youtube-nocookie.com; object-src 'none'; form-action 'self'; "
                        + "base-uri 'self'; frame-ancestors 'none'").doesNotContain("sha256");
        assertThat(policies).containsKeys("/", "/404.html", "/blog/", "/contact/*", "/css/*", "/js/*")
                .doesNotContainKey("/*");
        String strict = policies.get("/contact/*");
        assertThat(strict).startsWith("default-src 'none'; ").endsWith("frame-ancestors 'none'").doesNotContain("frame-src");
        assertThat(policies).allSatisfy((path, policy) -> assertThat(policy).isEqualTo(path.equals("/blog/flu/")
                ? policies.get("/blog/flu/") : strict));
        // Hosts join the values of a header set by two matching rules, which for a policy means both apply:
        // every page's path is matched by exactly one policy rule.
        for (String path : List.of("/", "/404.html", "/blog/", "/blog/flu/", "/contact/", "/blog/flu/poster.png")) {
            assertThat(policies.keySet().stream().filter(rule -> rule.endsWith("*")
                    ? path.startsWith(rule.substring(0, rule.length() - 1)) : path.equals(rule)).count())
                    .as("policy rules matching " + path).isEqualTo(path.endsWith(".png") ? 0 : 1);
        }
    }

    @Test
    void aFrontMatterVideoCountsLikeTheBlock() throws Exception {
        TestSite site = site(NO_VIDEO).file("content/blog/flu/index.md", "---\ntitle: Flu\ndate: 2025-10-01\nvideo:\n"
                + "  provider: vimeo\n  id: 76979871\n  title: Flu shots\n  poster: poster.png\n---\nGet a shot.\n");
        assertThat(site.medsite().build().findings()).isEmpty();
        Document page = Jsoup.parse(site.read("blog/flu/index.html"));
        Element figure = page.selectFirst("article figure.video, main figure.video");
        assertThat(figure).isNotNull();
        assertThat(figure.attr("data-video-embed")).isEqualTo("https://player.vimeo.com/video/76979871?dnt=1&autoplay=1");
        assertThat(figure.nextElementSibling().text()).isEqualTo("Get a shot.");
        assertThat(page.select("script[src]").eachAttr("src")).contains("/js/video.js");
        assertThat(metaPolicy(site.read("blog/flu/index.html"))).contains("frame-src https://player.vimeo.com;");
        assertThat(headerPolicies(site.read("_headers")).get("/blog/flu/")).contains("frame-src https://player.vimeo.com;");
        assertThat(metaPolicy(site.read("contact/index.html"))).doesNotContain("frame-src");
    }

    @Test
    void aHeadersFileOverCloudflaresRuleLimitIsWarnedAbout() throws Exception {
        TestSite site = site(VIDEO);
        for (int i = 0; i < 100; i++) {
            site.file("content/blog/post-" + i + ".md", "---\ntitle: Post " + i + "\ndate: 2025-09-01\n---\nText.\n");
        }
        assertThat(site.medsite().build().findings()).extracting(f -> f.file() + ": " + f.rule() + ": " + f.message())
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("_headers: security.headers-limit: has 1").contains("Cloudflare Pages reads only 100");

        // The video in a folder of its own: the blog's posts share one rule again.
        Files.delete(site.dir.resolve("content/blog/flu/index.md"));
        Files.delete(site.dir.resolve("content/blog/flu/poster.png"));
        site.file("content/videos/flu/index.md", "---\ntitle: Flu\n---\n" + VIDEO).bytes("content/videos/flu/poster.png", png(16, 9));
        assertThat(site.medsite().build().findings()).isEmpty();
        assertThat(headerPolicies(site.read("_headers"))).containsKeys("/blog/*", "/videos/flu/").hasSizeLessThan(20);
    }

    /** The Content-Security-Policy of each rule of a {@code _headers} file that sets one, by path pattern. */
    private static Map<String, String> headerPolicies(String file) {
        Map<String, String> policies = new java.util.LinkedHashMap<>();
        String path = null;
        for (String line : file.lines().toList()) {
            if (line.startsWith("/")) {
                path = line;
            } else if (line.startsWith("  Content-Security-Policy: ")) {
                assertThat(policies.put(path, line.substring("  Content-Security-Policy: ".length()))).isNull();
            }
        }
        return policies;
    }

    @Test
    void siteColoursComeAsAStylesheetNotAnInlineStyle() throws Exception {
        TestSite site = site(NO_VIDEO).file("site.yaml", "title: Clinic\nparams:\n  colors: {brand: \"#5b2a86\", "
                + "link: red}\n  colorsDark: {brand: \"#d9b8f5\"}\n");
        assertThat(site.medsite().build().findings()).isEmpty();
        assertThat(site.read("css/theme-settings.css")).isEqualTo("@media (prefers-color-scheme:light){:root{--c-brand:#5b2a86;}}\n"
                + "@media (prefers-color-scheme:dark){:root{--c-brand:#d9b8f5;}}\n");
        Document page = Jsoup.parse(site.read("contact/index.html"));
        assertThat(page.select("style, [style]")).isEmpty();
        assertThat(page.select("link[rel=stylesheet]").eachAttr("href")).contains("/css/clinic.css", "/css/theme-settings.css");
        assertThat(metaPolicy(site.read("contact/index.html"))).contains("style-src 'self';").doesNotContain("sha256");

        // Without colours, neither the file nor the link.
        TestSite plain = site(NO_VIDEO);
        assertThat(plain.medsite().build().findings()).isEmpty();
        assertThat(Files.exists(plain.out.resolve("css/theme-settings.css"))).isFalse();
        assertThat(plain.read("contact/index.html")).doesNotContain("theme-settings.css");
    }

    @Test
    void aSitesOwnHeadersFileIsMergedNotOverwritten() throws Exception {
        TestSite site = site(NO_VIDEO).file("static/_headers", "/*\n  X-Frame-Options: SAMEORIGIN\n");
        assertThat(site.medsite().build().findings()).isEmpty();
        String headers = site.read("_headers");
        assertThat(headers).startsWith("/*\n  X-Frame-Options: SAMEORIGIN\n\n# Added by Medsite")
                .containsOnlyOnce("X-Frame-Options").contains("Content-Security-Policy: default-src 'none';")
                .doesNotContain("frame-src");
    }

    @Test
    void settingsSwitchThePolicyAndTheFileOff() throws Exception {
        TestSite site = site(NO_VIDEO).file("site.yaml", "title: Clinic\nsecurity:\n  policy: false\n  headersFile: false\n");
        assertThat(site.medsite().build().findings()).isEmpty();
        assertThat(Files.exists(site.out.resolve("_headers"))).isFalse();
        assertThat(site.read("contact/index.html")).doesNotContain("Content-Security-Policy");

        site.file("site.yaml", "title: Clinic\nsecurity:\n  metaElement: false\n");
        assertThat(site.medsite().build().findings()).isEmpty();
        assertThat(site.read("_headers")).contains("Content-Security-Policy");
        assertThat(site.read("contact/index.html")).doesNotContain("Content-Security-Policy");
    }

    @Test
    void warmRebuildsKeepEveryPolicyRight() throws Exception {
        TestSite site = site(NO_VIDEO).file("static/css/site.css", "body { color: black; }\n");
        BuildSession session = site.medsite().session();
        assertThat(session.build().result().findings()).isEmpty();
        assertThat(site.read("_headers")).doesNotContain("frame-src");

        // A video comes: its page and the site's headers allow the player; other pages stay as they were.
        site.file("content/blog/flu/index.md", "---\ntitle: Flu\ndate: 2025-10-01\n---\n" + VIDEO);
        Rebuild added = session.rebuild(List.of(site.dir.resolve("content/blog/flu/index.md"))).orElseThrow();
        assertThat(added.result().findings()).isEmpty();
        assertThat(metaPolicy(site.read("blog/flu/index.html"))).contains("frame-src https://www.youtube-nocookie.com");
        assertThat(site.read("_headers")).contains("frame-src https://www.youtube-nocookie.com");
        assertThat(added.changedFiles()).contains("_headers").doesNotContain("contact/index.html");
        assertSameAsColdBuild(site);

        // A stylesheet starts to use a data: image: every page's policy allows it.
        site.file("static/css/site.css", "body { background: url(data:image/gif;base64,R0lGODlhAQABAAAAACw=) }\n");
        Rebuild styled = session.rebuild(List.of(site.dir.resolve("static/css/site.css"))).orElseThrow();
        assertThat(styled.result().findings()).isEmpty();
        assertThat(metaPolicy(site.read("contact/index.html"))).contains("img-src 'self' data:;");
        assertSameAsColdBuild(site);

        // The video goes: so does the frame source, from the page and the headers.
        site.file("content/blog/flu/index.md", "---\ntitle: Flu\ndate: 2025-10-01\n---\n" + NO_VIDEO);
        session.rebuild(List.of(site.dir.resolve("content/blog/flu/index.md"))).orElseThrow();
        assertThat(metaPolicy(site.read("blog/flu/index.html"))).doesNotContain("frame-src");
        assertThat(site.read("_headers")).doesNotContain("frame-src");
        assertSameAsColdBuild(site);
    }

    private void assertSameAsColdBuild(TestSite site) throws Exception {
        Path cold = tmp.resolve("cold-" + System.nanoTime());
        BuildResult result = Medsite.forSite(site.dir).outputDir(cold).now(TestSite.NOW).build();
        assertThat(result.errors()).isEmpty();
        Map<String, String> warm = TestSite.snapshot(site.out);
        assertThat(warm).isEqualTo(TestSite.snapshot(cold));
    }
}
