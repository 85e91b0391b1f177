package org.medsite.themes.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsite.api.BuildResult;
import org.medsite.api.Medsite;

/**
 * Builds a small fixture site with {@code theme: journal} and checks that theme inheritance works: journal's
 * own templates, stylesheet and strings are used where it has them, clinic's everywhere else.
 */
class JournalThemeTest {

    @TempDir
    static Path tmp;

    static Path out;
    static BuildResult result;

    @BeforeAll
    static void build() throws Exception {
        Path site = fixture();
        out = tmp.resolve("public");
        result = Medsite.forSite(site).outputDir(out).now(Instant.parse("2026-11-28T00:00:00Z")).build();
    }

    private static Path fixture() throws URISyntaxException {
        return Path.of(JournalThemeTest.class.getResource("/journal-site/site.yaml").toURI()).getParent();
    }

    private static Document page(String path) throws IOException {
        return Jsoup.parse(Files.readString(out.resolve(path), StandardCharsets.UTF_8), "https://notes.example.org/");
    }

    @Test
    void buildsWithoutFindings() {
        assertThat(result.findings()).isEmpty();
        assertThat(result.succeeded(true)).isTrue();
    }

    @Test
    void homePageComesFromJournal() throws IOException {
        Document home = page("index.html");
        // journal's index.ftlh and its own string (journal/i18n/en.yaml)
        assertThat(home.select("body.is-journal")).hasSize(1);
        assertThat(home.select("#journal-latest").text()).isEqualTo("Latest writing");
        assertThat(home.select(".journal-list li")).hasSize(2);
        assertThat(home.select(".journal-author-name").text()).isEqualTo("Lena Rivera, MD, Family physician");
        // clinic's frame around it, with clinic's strings
        assertThat(home.select("a.skip-link").text()).isEqualTo("Skip to main content");
        assertThat(home.select("footer.site-footer")).hasSize(1);
    }

    @Test
    void everyPageLoadsClinicThenJournalStylesheet() throws IOException {
        for (String path : new String[] {"index.html", "blog/flu-shots/index.html", "about/index.html", "tags/flu/index.html"}) {
            Document doc = page(path);
            assertThat(doc.select("link[rel=stylesheet]").eachAttr("href"))
                    .as(path).containsSubsequence("/css/clinic.css", "/css/journal.css");
        }
        assertThat(out.resolve("css/clinic.css")).isRegularFile();
        assertThat(out.resolve("css/journal.css")).isRegularFile();
    }

    @Test
    void postsTagsAndListsComeFromClinic() throws IOException {
        Document post = page("blog/flu-shots/index.html");
        assertThat(post.select("body.is-post")).hasSize(1);
        assertThat(post.select("article.article h1").text()).isEqualTo("Why I get a flu shot every autumn");
        assertThat(post.select(".byline").text()).contains("By Lena Rivera, MD");
        assertThat(post.select(".term-list a[rel=tag]").eachText()).containsExactly("flu", "vaccines");
        assertThat(post.select(".related a").eachText()).contains("Ten minutes of walking counts");
        assertThat(post.select(".share a[href^='https://www.linkedin.com/']")).hasSize(1);
        assertThat(post.select("meta[property=og:type]").attr("content")).isEqualTo("article");

        Document term = page("tags/vaccines/index.html");
        assertThat(term.select("body.is-term")).hasSize(1);
        assertThat(term.select(".post-list .card")).hasSize(2);

        Document tags = page("tags/index.html");
        assertThat(tags.select("h1").text()).isEqualTo("Topics");
        assertThat(tags.select(".term-index a").eachText()).containsExactly("exercise", "flu", "vaccines");

        Document blog = page("blog/index.html");
        assertThat(blog.select(".post-list .card")).hasSize(2);
    }
}
