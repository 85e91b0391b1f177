package org.medsite.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsite.api.BuildListener;
import org.medsite.api.BuildResult;
import org.medsite.api.PageSummary;
import org.medsite.diagnostics.Finding;

/** The parameters reach the generator: each is checked by its effect on a check of a tiny site. */
class SiteParametersTest {

    @TempDir
    Path tmp;

    private File site;
    private File out;

    @BeforeEach
    void aSiteWithADraft() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("site/content"));
        Files.writeString(dir.resolve("_index.md"), "---\ntitle: Home\n---\nHello.\n");
        Files.writeString(dir.resolve("plans.md"), "---\ntitle: Plans\ndraft: true\n---\nSoon.\n");
        site = tmp.resolve("site").toFile();
        out = tmp.resolve("site/target/site").toFile();
    }

    private BuildResult check(SiteParameters parameters, ClassLoader themes) throws Exception {
        return parameters.medsite(themes, BuildListener.NONE).check();
    }

    private ClassLoader plugin() {
        return getClass().getClassLoader();
    }

    @Test
    void draftsArePublishedOnlyWhenAskedFor() throws Exception {
        assertThat(check(new SiteParameters(site, out, null, null, false, false, false), plugin()).pages())
                .extracting(PageSummary::title).doesNotContain("Plans");
        assertThat(check(new SiteParameters(site, out, null, null, true, false, false), plugin()).pages())
                .extracting(PageSummary::title).contains("Plans");
    }

    @Test
    void blankTextParametersMeanAsSiteYamlSays() throws Exception {
        BuildResult result = check(new SiteParameters(site, out, " ", "", false, false, false), plugin());
        assertThat(result.findings()).extracting(Finding::rule).doesNotContain("theme.missing", "config.base-url");
    }

    @Test
    void baseUrlAndThemeReplaceSiteYamls() throws Exception {
        BuildResult result = check(new SiteParameters(site, out, "not a web address", "no-such-theme", false, false,
                false), plugin());
        assertThat(result.findings()).extracting(Finding::rule).contains("theme.missing", "config.base-url");
    }

    /** A theme jar among the plugin's dependencies is on the plugin's class loader, and found there. */
    @Test
    void themesAreFoundOnTheGivenClassLoader() throws Exception {
        Path jar = Files.createDirectories(tmp.resolve("theme-jar/medsite/themes/plain"));
        Files.writeString(jar.resolve("theme.yaml"), "name: plain\n");
        SiteParameters plain = new SiteParameters(site, out, null, "plain", false, false, false);

        assertThat(check(plain, plugin()).findings()).extracting(Finding::rule).contains("theme.missing");
        try (URLClassLoader withTheme = new URLClassLoader(new URL[] {tmp.resolve("theme-jar").toUri().toURL()},
                plugin())) {
            assertThat(check(plain, withTheme).findings()).extracting(Finding::rule).doesNotContain("theme.missing");
        }
    }
}
