package org.medsite.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.medsite.api.BuildMode;
import org.medsite.api.BuildResult;
import org.medsite.api.MedsiteException;
import org.medsite.diagnostics.Finding;
import org.medsite.scaffold.ScaffoldException;

class MavenFailuresTest {

    private static final String NL = System.lineSeparator();

    @Test
    void anOutputFolderInUseIsAFailureWithTheOtherBuildAndNoCause(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        java.nio.file.Path site = java.nio.file.Files.createDirectories(tmp.resolve("site/content"));
        java.nio.file.Files.writeString(site.resolve("a.md"), "# A\n");
        java.nio.file.Path out = tmp.resolve("out");
        // Another module of a parallel reactor, writing the same folder.
        try (var other = org.medsite.output.BuildLock.acquire(new org.medsite.output.OutputFolder(out))) {
            org.medsite.api.OutputInUseException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                    () -> org.medsite.api.Medsite.forSite(tmp.resolve("site")).outputDir(out).build(),
                    org.medsite.api.OutputInUseException.class);
            MojoFailureException failure = MavenFailures.outputInUse(e);
            assertThat(failure.getMessage()).matches("another Medsite build \\(pid \\d+, started \\d\\d:\\d\\d:\\d\\d\\) "
                    + "is writing " + java.util.regex.Pattern.quote(out.toString()) + "; wait for it or stop it");
            assertThat(failure.getCause()).isNull();
        }
    }

    @Test
    void siteErrorsAreAFailureListingEachErrorWithFileAndLine() {
        BuildResult result = Results.of(BuildMode.BUILD, List.of(
                Finding.error("link.broken", "content/_index.md", 5, "link 'team.md' points nowhere"),
                Finding.warning("frontmatter.unknown-key", "content/about.md", 3, "unknown key 'tilte'"),
                Finding.error("frontmatter.date", "content/news.md", 3, "'date' is not a date")), Optional.empty());

        MojoFailureException failure = MavenFailures.siteProblems(result, false);

        assertThat(failure.getMessage()).isEqualTo("The site has 2 errors:"
                + NL + "  content/_index.md:5: error: link 'team.md' points nowhere [link.broken]"
                + NL + "  content/news.md:3: error: 'date' is not a date [frontmatter.date]");
        assertThat(failure.getCause()).isNull();
    }

    @Test
    void withFailOnWarningAWarningAloneFailsAndTheMessageSaysWhy() {
        BuildResult result = Results.of(BuildMode.CHECK,
                List.of(Finding.warning("frontmatter.unknown-key", "content/about.md", 3, "unknown key 'tilte'")),
                Optional.empty());

        assertThat(result.succeeded(false)).isTrue();
        assertThat(result.succeeded(true)).isFalse();
        assertThat(MavenFailures.siteProblems(result, true).getMessage()).isEqualTo(
                "The site has 1 warning and failOnWarning is set:"
                        + NL + "  content/about.md:3: warning: unknown key 'tilte' [frontmatter.unknown-key]");
    }

    @Test
    void aLongListIsCutShortAndPointsToTheLog() {
        List<Finding> many = IntStream.rangeClosed(1, 25)
                .mapToObj(i -> Finding.error("link.broken", "content/page.md", i, "broken")).toList();

        String message = MavenFailures.siteProblems(Results.of(BuildMode.BUILD, many, Optional.empty()), false)
                .getMessage();

        assertThat(message.lines()).hasSize(1 + MavenFailures.LISTED + 1);
        assertThat(message).startsWith("The site has 25 errors:").endsWith("  ... and 5 more, listed above");
    }

    @Test
    void unexpectedProblemsAreExecutionExceptionsThatKeepTheirCause() {
        MedsiteException disk = new MedsiteException("build failed: No space left on device",
                new IOException("No space left on device"));
        MojoExecutionException e = MavenFailures.unexpected(disk);
        assertThat(e).hasMessage("Medsite could not build the site: build failed: No space left on device");
        assertThat(e.getCause()).isSameAs(disk);

        IllegalStateException bug = new IllegalStateException("boom");
        assertThat(MavenFailures.bug(bug)).hasMessageContaining("this is a bug in Medsite").hasCause(bug);
    }

    @Test
    void scaffoldMistakesAreFailuresWithTheScaffoldsMessage() {
        assertThat(MavenFailures.scaffold(new ScaffoldException("content/x.md already exists")))
                .isInstanceOf(MojoFailureException.class).hasMessage("content/x.md already exists");
    }
}
