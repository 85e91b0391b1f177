package org.medsite.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlsTest {

    @Test
    void asciiTextIsItsOwnDecomposedFormSoItsSlugSkipsThatStep() {
        // Slugs.slugify's fast path: every ASCII character is its own NFKD form, and none is a combining mark.
        for (char c = 0; c < 0x80; c++) {
            String s = String.valueOf(c);
            assertThat(java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKD)).isEqualTo(s);
            assertThat(s.matches("\\p{M}")).isFalse();
        }
        assertThat(Slugs.slugify("Cafe\u0301 cre\u0300me")).isEqualTo("cafe-creme");
    }

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
