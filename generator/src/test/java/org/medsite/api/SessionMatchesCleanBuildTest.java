package org.medsite.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guard of every shortcut a warm rebuild takes: on a copy of the example site (clinic theme, two
 * languages, people, data, medical pages, taxonomies), a series of edits of every kind, each followed by
 * a rebuild of the session, must leave the session's output folder byte for byte what a clean build of
 * the same sources writes, and report the same findings.
 */
class SessionMatchesCleanBuildTest {

    @TempDir
    Path tmp;
    private Path site;
    private Path out;
    private BuildSession session;
    /** The session's debug lines of its last build: which shortcuts it took. */
    private final List<String> debug = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** A day after every review date of the example site, and before any of its reviews falls due. */
    private static final java.time.Instant NOW = java.time.Instant.parse("2026-11-25T12:00:00Z");

    @BeforeEach
    void copyExampleSite() throws Exception {
        site = tmp.resolve("site");
        out = tmp.resolve("out");
        ExampleSiteCopy.into(site);
        session = Medsite.forSite(site).outputDir(out).now(NOW).listener(new BuildListener() {
            @Override
            public void debug(String message) {
                debug.add(message);
            }
        }).session();
        BuildResult first = session.build().result();
        assertThat(first.errors()).isEmpty();
        assertSameAsCleanBuild(first);
    }

    @Test
    void everyKindOfEditLeavesTheOutputOfACleanBuild() throws Exception {
        // Body of a page that lists, related pages and feeds show.
        append("content/blog/sun-safety-basics.md", "\nA new closing paragraph about shade at noon.\n");
        // Post-processing looked only at the files whose HTML changed, not at every page of the site.
        assertThat(debug).anyMatch(line -> line.startsWith("postprocess: looked at the "));
        // And planned the finished pages as the last build's, patched for the files finished again.
        assertThat(debug).anyMatch(line -> line.startsWith("postprocess: planned the finished pages as the last build's"));
        // And the write looked at the files planned one by one and the page, not at every finished page.
        assertThat(debug).anyMatch(line -> {
            var m = java.util.regex.Pattern.compile("write: looked at (\\d+) of (\\d+) file").matcher(line);
            return m.find() && Integer.parseInt(m.group(1)) < Integer.parseInt(m.group(2)) - 50;
        });
        // A static file with the output path of a page: the pages kept as planned clash with it (an error in
        // both builds, with the same findings), then it goes again.
        create("static/about/index.html", "<!doctype html><title>About</title>\n");
        delete("static/about/index.html");
        // The body of a page that other pages link to.
        append("content/about.md", "\nOur team speaks English and Spanish.\n");
        // Another body edit straight after: the site patched from a patched site (see KeptSite).
        append("content/library/asthma/index.md", "\nAsk us about an asthma action plan.\n");
        // The first paragraph of a page without a summary: its summary, description and search entry change.
        replace("content/privacy.md", "is a fictional demo practice. This page", "is a made-up demo practice. This page");
        // The home page's body: what site.home and the home's list show.
        append("content/_index.md", "\nWe hope you find what you need.\n");
        // A draft flag flipped on and off: the page leaves the site and comes back.
        replace("content/blog/welcome-mei-lin-chen.md", "\nsummary: ", "\ndraft: true\nsummary: ");
        replace("content/blog/welcome-mei-lin-chen.md", "\ndraft: true\nsummary: ", "\nsummary: ");
        // Two body edits at once, then the same page's body again.
        Path flu = site.resolve("content/blog/flu-vaccine-season-reminder.md");
        Path sleep = site.resolve("content/library/sleep/index.md");
        Files.writeString(flu, Files.readString(flu, StandardCharsets.UTF_8) + "\nCall us to book.\n", StandardCharsets.UTF_8);
        Files.writeString(sleep, Files.readString(sleep, StandardCharsets.UTF_8) + "\nKeep a sleep diary.\n",
                StandardCharsets.UTF_8);
        rebuilt(flu, sleep);
        append("content/blog/flu-vaccine-season-reminder.md", "\nWalk-ins welcome on Fridays.\n");
        // A body edit that brings a warning, then one that takes it away: the findings of a patched site.
        assertThat(append("content/blog/staying-active-small-steps.md", "\nQuestions? Write to jane.walker@mail.invalid.\n")
                .findings()).extracting(f -> f.rule()).contains("privacy.phi-email");
        replace("content/blog/staying-active-small-steps.md", "\nQuestions? Write to jane.walker@mail.invalid.\n", "\n");
        // A body edit that brings an error (a link to no element of the page), then one that fixes it: which
        // sources have errors changes, and with it which pages are checked.
        assertThat(append("content/blog/staying-active-small-steps.md", "\nSee [the table](#no-such-table).\n")
                .errors()).extracting(f -> f.rule()).contains("link.fragment");
        replace("content/blog/staying-active-small-steps.md", "\nSee [the table](#no-such-table).\n", "\n");
        // A click-to-load video added to a page's body, then removed: that page's frame sources in _headers.
        append("content/blog/flu-vaccine-season-reminder.md", "\n```video\nyoutube: ZnSjFr6J9HI\n"
                + "title: \"How to use hand sanitizer (World Health Organization)\"\n```\n");
        // The page gets a rule of its own, with the player's frame source.
        assertThat(Files.readString(out.resolve("_headers"), StandardCharsets.UTF_8))
                .contains("/blog/flu-vaccine-season-reminder/\n");
        replace("content/blog/flu-vaccine-season-reminder.md", "\n```video\nyoutube: ZnSjFr6J9HI\n", "\n```text\n");
        // A body edit that changes the page's search entry (its text), then a new page and the same page
        // deleted, which move the later entries of the search index.
        append("content/library/sleep/index.md", "\nA dark, cool room helps.\n");
        create("content/blog/walk-in-flu-shots.md", "---\ntitle: Walk-in flu shots\ndate: 2026-10-01\n"
                + "tags: [news]\n---\n\nNo appointment needed on Fridays.\n");
        delete("content/blog/walk-in-flu-shots.md");
        // Title of a page with a Spanish translation: the translation links to it by title.
        replace("content/library/high-blood-pressure/index.md", "\ntitle: ", "\ntitle: Managing ");
        // A new tag: a new term page, the taxonomy list and related pages change.
        replace("content/blog/staying-active-small-steps.md", "\ntags: [", "\ntags: [walking-groups, ");
        // Reading time: enough words to change it on a list that shows it.
        append("content/blog/hand-washing-still-matters.md", "\n" + "Wash for twenty seconds. ".repeat(120) + "\n");
        delete("content/blog/how-we-use-social-media.md");
        rename("content/blog/sun-safety-basics.md", "content/blog/sun-safety.md");
        create("content/blog/new-clinic-hours.md", "---\ntitle: New clinic hours\ndate: 2026-05-01\n"
                + "tags: [news]\n---\n\nWe now open at 7:30 on Mondays.\n");
        // A template of the site overriding the theme's hook, then an edit of it.
        create("layouts/partials/head-extra.ftlh", "<meta name=\"x-page\" content=\"${page.title}\">\n");
        replace("layouts/partials/head-extra.ftlh", "x-page", "x-title");
        // Data read by templates directly, and a person of the registry.
        replace("data/practice.yaml", "+1-555-0142", "+1-555-0143");
        replace("data/people/ana-ruiz.yaml", "Family physician", "Family physician and medical director");
        // Settings.
        replace("site.yaml", "title: Riverbend Family Health", "title: Riverbend Family Health Center");
        // A page's front matter broken, then fixed: the failed rebuild writes nothing.
        replace("content/about.md", "\ntitle: ", "\ntitle: [unclosed ");
        replace("content/about.md", "\ntitle: [unclosed ", "\ntitle: ");
        // A body edit after all that, on a page that is a section's list.
        append("content/library/_index.md", "\nBrowse the topics below.\n");
    }

    @Test
    void aBodyEditThatBringsAPageCheckWarningKeepsTheOtherPagesFindings() throws Exception {
        // Made a warning, a broken fragment link leaves the sources with errors as they were: post-processing
        // looks only at the page, and the finished pages' findings change in the kept plan.
        append("site.yaml", "\nchecks:\n  link.fragment: warning\n");
        BuildResult warned = append("content/blog/staying-active-small-steps.md", "\nSee [the table](#no-such-table).\n");
        assertThat(debug).anyMatch(line -> line.startsWith("postprocess: planned the finished pages as the last build's"));
        assertThat(warned.findings()).extracting(f -> f.rule()).contains("link.fragment");
        // A neighbour's body edit: the warning stays, from the kept findings.
        assertThat(append("content/blog/sun-safety-basics.md", "\nA hat helps too.\n").findings())
                .extracting(f -> f.rule()).contains("link.fragment");
        replace("content/blog/staying-active-small-steps.md", "\nSee [the table](#no-such-table).\n", "\n");
    }

    private BuildResult append(String path, String text) throws Exception {
        Path file = site.resolve(path);
        Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8) + text, StandardCharsets.UTF_8);
        return rebuilt(file);
    }

    private void replace(String path, String from, String to) throws Exception {
        Path file = site.resolve(path);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).as(path).contains(from);
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)), StandardCharsets.UTF_8);
        rebuilt(file);
    }

    private void create(String path, String text) throws Exception {
        Path file = site.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        rebuilt(file);
    }

    private void delete(String path) throws Exception {
        Path file = site.resolve(path);
        Files.delete(file);
        rebuilt(file);
    }

    private void rename(String from, String to) throws Exception {
        Files.move(site.resolve(from), site.resolve(to));
        rebuilt(site.resolve(from), site.resolve(to));
    }

    private BuildResult rebuilt(Path... changed) throws Exception {
        debug.clear();
        BuildResult warm = session.rebuild(List.of(changed)).orElseThrow().result();
        assertSameAsCleanBuild(warm);
        return warm;
    }

    /** The output folder and the findings are those of a clean build of the sources as they are now. */
    private void assertSameAsCleanBuild(BuildResult warm) throws Exception {
        Path clean = tmp.resolve("clean-" + System.nanoTime());
        BuildResult cold = Medsite.forSite(site).outputDir(clean).now(NOW).build();
        assertThat(warm.findings()).isEqualTo(cold.findings());
        if (cold.errors().isEmpty()) {
            // The pages the result lists (a session keeps them while its site is patched).
            assertThat(warm.pages()).isEqualTo(cold.pages());
            Map<String, String> served = TestSite.snapshot(out);
            Map<String, String> built = TestSite.snapshot(clean);
            // The differing files by name: the whole site in a failure message would hide them.
            Set<String> differing = new TreeSet<>();
            served.forEach((path, bytes) -> {
                if (!bytes.equals(built.get(path))) {
                    differing.add(path);
                }
            });
            built.keySet().stream().filter(path -> !served.containsKey(path)).forEach(differing::add);
            assertThat(differing).isEmpty();
            assertThat(served).hasSizeGreaterThan(50);
        }
    }
}
