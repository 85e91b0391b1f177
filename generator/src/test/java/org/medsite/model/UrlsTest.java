package org.medsite.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlsTest {

    @Test
    void slugsArePlainLowerCaseAscii() {
        assertThat(Slugs.slugify("Presión arterial alta")).isEqualTo("presion-arterial-alta");
        assertThat(Slugs.slugify("  COVID-19: what's new?  ")).isEqualTo("covid-19-what-s-new");
        assertThat(Slugs.slugify("../../etc")).isEqualTo("etc");
        assertThat(Slugs.slugify("日本")).isEmpty();
    }

    @Test
    void titlesFromNames() {
        assertThat(Slugs.titleFromName("high-blood-pressure")).isEqualTo("High blood pressure");
    }

    @Test
    void sitePathsMustStayInsideTheSite() {
        assertThat(SitePaths.normalize("/services/vaccines")).contains("/services/vaccines/");
        assertThat(SitePaths.normalize("/old/page.html")).contains("/old/page.html");
        assertThat(SitePaths.normalize("//evil.example/")).isEmpty();
        assertThat(SitePaths.normalize("/a/../../b/")).isEmpty();
        assertThat(SitePaths.normalize("/%2e%2e/b/")).isEmpty();
        assertThat(SitePaths.normalize("/a\\b/")).isEmpty();
        assertThat(SitePaths.normalize("C:/Windows/")).isEmpty();
        assertThat(SitePaths.normalize("relative/")).isEmpty();
        assertThat(SitePaths.normalize("/.git/config")).isEmpty();
    }

    @Test
    void outputPathsOfCleanUrls() {
        assertThat(SitePaths.outputPath("/")).isEqualTo("index.html");
        assertThat(SitePaths.outputPath("/blog/flu/")).isEqualTo("blog/flu/index.html");
        assertThat(SitePaths.outputPath("/404.html")).isEqualTo("404.html");
    }
}
