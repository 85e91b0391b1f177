package org.medsite.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.medsite.api.BuildResult;
import org.medsite.api.Medsite;
import org.medsite.api.MedsiteException;
import org.medsite.config.SiteConfigLoader;

/**
 * Rebuilds a tiny site in the run that dumps the launcher's class-data archive, so that the archive
 * holds the classes a rebuild needs as well as those of the clean build it was dumped from.
 *
 * <p>Why: the launcher dumps its archive (-XX:ArchiveClassesAtExit) at the exit of the jar's first build,
 * which is a clean one. The classes only a later build loads (the in-place writer, the journal, the page
 * cache's readers, their lambdas' classes) were then loaded from the jar and verified by every rebuild, a
 * fixed cost whatever the site's size (generator/bench/README.md, "One-page rebuilds, ninth round"; the
 * lambda forms that method handles spin stay out of a Java 17 archive either way). The dumping run
 * therefore builds a small site into a folder of its own, edits one page, rebuilds it, rebuilds it once
 * more unchanged, and deletes the folder.
 *
 * <p>The site is four generated pages under the user's own site.yaml (so its theme and its checks load
 * the same classes as the user's builds do), or under no site.yaml at all when that site's first build
 * writes nothing (a site.yaml whose checks fail on the generated pages, or that names files the copy
 * lacks): a site with zero configuration builds without findings. Nothing here can change the user's
 * build: it runs after the user's result was printed and its exit code decided, prints nothing, and any
 * failure only leaves the archive with fewer classes.
 *
 * @param parent the folder in which the training makes (and then deletes) a folder of its own: the
 *        launcher's, beside the jar, where the archive is written too
 * @param userSite the site folder of the build that ran before, whose site.yaml is reused
 */
record ArchiveTraining(Path parent, Path userSite) {

    /** The system property through which the launcher asks for a training, naming the parent folder. */
    static final String FOLDER_PROPERTY = "medsite.archive.training";

    private static final int PAGES = 4;

    /** A fixed clock: the training's output is never looked at, but a build's time comes from its clock. */
    private static final Instant CLOCK = Instant.parse("2026-01-01T00:00:00Z");

    /**
     * Runs the builds and deletes the folder; never throws.
     *
     * @return whether a training went as far as the rebuilds (false: the archive lacks some of their classes)
     */
    boolean run() {
        Path folder = null;
        try {
            folder = Files.createTempDirectory(parent, ".medsite-training-");
            Path userConfig = userSite.resolve(SiteConfigLoader.FILE_NAME);
            return Files.isRegularFile(userConfig) && trainUnderUserConfig(folder, userConfig) || train(folder, null);
        } catch (IOException | MedsiteException | RuntimeException e) {
            // Only the archive's coverage depends on the training; the user's build is done.
            return false;
        } finally {
            Main.deleteQuietly(folder);
        }
    }

    /** A training under the user's site.yaml; whatever goes wrong with it, the caller falls back to none. */
    private static boolean trainUnderUserConfig(Path folder, Path userConfig) {
        try {
            return train(folder, userConfig);
        } catch (IOException | MedsiteException | RuntimeException e) {
            return false;
        }
    }

    /**
     * A clean build, one page edited and built again, then a build with nothing changed.
     *
     * @return whether the first build wrote the site (so that the rebuilds took the in-place path)
     */
    private static boolean train(Path folder, Path config) throws IOException, MedsiteException {
        Path site = Files.createTempDirectory(folder, "site-");
        Path content = Files.createDirectories(site.resolve("content"));
        if (config != null) {
            Files.copy(config, site.resolve(SiteConfigLoader.FILE_NAME));
        }
        writePages(content);
        Medsite medsite = Medsite.forSite(site).outputDir(site.resolve("public")).now(CLOCK);
        BuildResult first = medsite.build();
        if (first.written().isEmpty()) {
            return false;
        }
        Files.writeString(content.resolve(pageName(1)), page(1, "Edited once.\n"), StandardCharsets.UTF_8);
        medsite.build();
        medsite.build();
        return true;
    }

    /** Writes the training's pages, unedited, into a content folder. */
    static void writePages(Path content) throws IOException {
        for (int i = 1; i <= PAGES; i++) {
            Files.writeString(content.resolve(pageName(i)), page(i, ""), StandardCharsets.UTF_8);
        }
    }

    private static String pageName(int i) {
        return String.format(Locale.ROOT, "training-%d.md", i);
    }

    /** A page with the front matter and Markdown a practice's article usually has, and no links to check. */
    private static String page(int i, String extra) {
        return String.format(Locale.ROOT, """
                ---
                title: "Staying well, part %1$d"
                date: 2025-0%1$d-1%1$d
                tags:
                  - prevention
                  - checkups
                summary: "What a regular check-up covers, part %1$d."
                ---

                ## What a visit covers

                A check-up reviews your **blood pressure**, your weight and the *medicines* you take.

                - Bring a list of your medicines.
                - Write down your questions before the visit.

                1. Arrive a few minutes early.
                2. Ask about screenings due at your age.

                > Keep a copy of your results.

                `%1$d` | note
                --- | ---
                a | b

                %2$s""", i, extra);
    }

}
