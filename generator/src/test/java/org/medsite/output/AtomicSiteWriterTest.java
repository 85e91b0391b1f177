package org.medsite.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsite.diagnostics.Finding;
import org.medsite.diagnostics.FindingCollector;

class AtomicSiteWriterTest {

    @TempDir
    Path tmp;

    @Test
    void pathsThatLeaveTheOutputFolderAreRefused() {
        FindingCollector findings = new FindingCollector();
        OutputPlan plan = new OutputPlan(findings);
        for (String bad : List.of("../x.html", "/etc/passwd", "a/../../b", "a\\b", "C:/x", "a//b", "")) {
            plan.addGenerated(bad, "x", "test");
        }
        assertThat(plan.paths()).isEmpty();
        assertThat(findings.sorted()).extracting(Finding::rule).allMatch("output.unsafe-path"::equals).hasSize(7);
    }

    @Test
    void twoSourcesForOneFileClashEvenByCase() {
        FindingCollector findings = new FindingCollector();
        OutputPlan plan = new OutputPlan(findings);
        plan.addGenerated("about/index.html", "a", "content/about.md");
        plan.addGenerated("About/index.html", "b", "static/About/index.html");
        assertThat(findings.sorted()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("output.clash");
            assertThat(f.message()).contains("content/about.md");
        });
    }

    @Test
    void aFailureWhileStagingLeavesThePreviousSiteAndNoDebris() throws Exception {
        OutputFolder folder = new OutputFolder(tmp.resolve("out"));
        OutputPlan first = new OutputPlan(new FindingCollector());
        first.addGenerated("index.html", "v1", "test");
        new AtomicSiteWriter().write(first, folder);

        OutputPlan second = new OutputPlan(new FindingCollector());
        second.addGenerated("index.html", "v2", "test");
        second.addCopy("gone.png", tmp.resolve("does-not-exist.png"), "static/gone.png");
        assertThatThrownBy(() -> new AtomicSiteWriter().write(second, folder)).isInstanceOf(IOException.class);

        assertThat(Files.readString(tmp.resolve("out/index.html"))).isEqualTo("v1");
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("out", ".out.medsite");
        }
    }

    @Test
    void onlyFoldersMedsiteMadeAreReplaced() throws Exception {
        Path site = Files.createDirectories(tmp.resolve("site"));
        Path foreign = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(foreign.resolve("notes.txt"), "keep");
        assertThat(new OutputFolder(foreign).problemWith(site)).get().asString().contains("did not write");
        assertThat(new OutputFolder(tmp.resolve("new")).problemWith(site)).isEmpty();
        assertThat(new OutputFolder(tmp).problemWith(site)).get().asString().contains("contains the site");
    }

    private static OutputPlan plan(String... pathsAndTexts) {
        OutputPlan plan = new OutputPlan(new FindingCollector());
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            plan.addGenerated(pathsAndTexts[i], pathsAndTexts[i + 1], "test");
        }
        return plan;
    }

    /** Every file and folder under {@code dir}, files with their text. */
    private static java.util.Map<String, String> tree(Path dir) throws IOException {
        java.util.Map<String, String> tree = new java.util.TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                tree.put(dir.relativize(p).toString().replace('\\', '/'), Files.isDirectory(p) ? "/" : Files.readString(p));
            }
        }
        return tree;
    }

    @Test
    void aFolderTheManifestDescribesIsPatchedInPlaceToWhatAReplaceWouldLeave() throws Exception {
        OutputFolder folder = new OutputFolder(tmp.resolve("out"));
        new AtomicSiteWriter().write(plan("index.html", "home", "a/index.html", "a1", "b/index.html", "b",
                "old/deep/index.html", "old", "keep.txt", "same"), folder);
        Path keep = tmp.resolve("out/keep.txt");
        Object keptFile = Files.readAttributes(keep, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        // What someone put there by hand goes, as with any build: the output folder is Medsite's.
        Files.writeString(tmp.resolve("out/b/stray.txt"), "stray");
        Files.createDirectories(tmp.resolve("out/empty/inside"));

        OutputPlan second = plan("index.html", "home", "a/index.html", "a2", "b/index.html", "b",
                "new/index.html", "new", "keep.txt", "same");
        WriteStats stats = new AtomicSiteWriter().write(second, folder);

        assertThat(stats).isEqualTo(new WriteStats(2, 3, 1));
        OutputFolder elsewhere = new OutputFolder(tmp.resolve("fresh/out"));
        new AtomicSiteWriter().write(second, elsewhere);
        assertThat(tree(tmp.resolve("out"))).isEqualTo(tree(tmp.resolve("fresh/out")));
        assertThat(Files.readAttributes(keep, java.nio.file.attribute.BasicFileAttributes.class).fileKey())
                .as("an unchanged file is the same file, not a copy").isEqualTo(keptFile);
        try (Stream<Path> s = Files.list(tmp.resolve(".out.medsite"))) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("manifest.txt");
        }
    }

    @Test
    void aFileTheManifestListsButThatWasChangedByHandIsWrittenAgain() throws Exception {
        OutputFolder folder = new OutputFolder(tmp.resolve("out"));
        new AtomicSiteWriter().write(plan("index.html", "home", "a/index.html", "a"), folder);
        Files.writeString(tmp.resolve("out/a/index.html"), "longer than it was");
        Files.delete(tmp.resolve("out/index.html"));

        WriteStats stats = new AtomicSiteWriter().write(plan("index.html", "home", "a/index.html", "a"), folder);

        assertThat(stats).isEqualTo(new WriteStats(2, 0, 0));
        assertThat(tree(tmp.resolve("out"))).containsExactly(java.util.Map.entry("", "/"),
                java.util.Map.entry("a", "/"), java.util.Map.entry("a/index.html", "a"),
                java.util.Map.entry("index.html", "home"));
    }

    /** A plan of the files the last build wrote, each planned unchanged as the manifest records it, plus one new file. */
    private static OutputPlan unchangedPlan(OutputFolder folder, String newPath, String newText) throws IOException {
        OutputPlan plan = new OutputPlan(new FindingCollector());
        AtomicSiteWriter.manifest(folder).forEach((path, recorded) -> plan.addUnchanged(path,
                folder.dir().resolve(path), recorded.hash(), recorded.size(), "test"));
        plan.addGenerated(newPath, newText, "test");
        return plan;
    }

    @Test
    void filesPlannedUnchangedAreLeftInPlaceByAPatchAndLinkedByAReplace() throws Exception {
        OutputFolder folder = new OutputFolder(tmp.resolve("out"));
        new AtomicSiteWriter().write(plan("index.html", "home", "a/index.html", "a"), folder);
        Path a = tmp.resolve("out/a/index.html");
        Object aFile = Files.readAttributes(a, java.nio.file.attribute.BasicFileAttributes.class).fileKey();

        WriteStats patched = new AtomicSiteWriter().write(unchangedPlan(folder, "b/index.html", "b"), folder);

        assertThat(patched).isEqualTo(new WriteStats(1, 2, 0));
        assertThat(Files.readAttributes(a, java.nio.file.attribute.BasicFileAttributes.class).fileKey()).isEqualTo(aFile);
        // A file where the plan has a folder makes the next write a replace: the unchanged files are linked.
        OutputPlan again = unchangedPlan(folder, "c/index.html", "c");
        Files.writeString(tmp.resolve("out/c"), "a file where a folder goes");
        new AtomicSiteWriter().write(again, folder);
        assertThat(Files.readAttributes(a, java.nio.file.attribute.BasicFileAttributes.class).fileKey()).isEqualTo(aFile);
        assertThat(tree(tmp.resolve("out"))).containsExactly(java.util.Map.entry("", "/"),
                java.util.Map.entry("a", "/"), java.util.Map.entry("a/index.html", "a"),
                java.util.Map.entry("b", "/"), java.util.Map.entry("b/index.html", "b"),
                java.util.Map.entry("c", "/"), java.util.Map.entry("c/index.html", "c"),
                java.util.Map.entry("index.html", "home"));
    }

    @Test
    void aFilePlannedUnchangedThatChangedSinceFailsTheWriteAndLeavesTheOutputAsItWas() throws Exception {
        OutputFolder folder = new OutputFolder(tmp.resolve("out"));
        new AtomicSiteWriter().write(plan("index.html", "home", "a/index.html", "a"), folder);
        OutputPlan plan = unchangedPlan(folder, "b/index.html", "b");
        // Changed after the plan was made (another size): the writer needs its bytes, and they are not the planned ones.
        Files.writeString(tmp.resolve("out/a/index.html"), "changed by hand");

        assertThatThrownBy(() -> new AtomicSiteWriter().write(plan, folder)).isInstanceOf(IOException.class)
                .hasMessageContaining("changed while the site was being built");
        assertThat(tree(tmp.resolve("out"))).containsExactly(java.util.Map.entry("", "/"),
                java.util.Map.entry("a", "/"), java.util.Map.entry("a/index.html", "changed by hand"),
                java.util.Map.entry("index.html", "home"));
    }

    /**
     * A file stored in the state folder (a share card of the image cache) becomes the output's file itself, by a
     * replace and by a patch, and the manifest records its hash as for bytes: the next build leaves it in place.
     */
    @Test
    void aStoredFileIsPlacedAsItselfAndRecordedAsItsBytesAre() throws Exception {
        OutputFolder folder = new OutputFolder(tmp.resolve("out"));
        Path first = stored(folder, "first.png", "card one");
        new AtomicSiteWriter().write(storedPlan("index.html", first), folder);
        assertThat(Files.isSameFile(tmp.resolve("out/a/share.png"), first)).isTrue();
        assertThat(AtomicSiteWriter.manifest(folder).get("a/share.png"))
                .isEqualTo(new AtomicSiteWriter.Recorded(AtomicSiteWriter.hash("card one".getBytes()), 8));

        Path second = stored(folder, "second.png", "card two");
        WriteStats patched = new AtomicSiteWriter().write(storedPlan("index.html", second), folder);
        assertThat(patched).isEqualTo(new WriteStats(1, 1, 0));
        assertThat(Files.isSameFile(tmp.resolve("out/a/share.png"), second)).isTrue();
        Files.delete(second); // as the cache's prune does once no build uses it: the output keeps its file
        WriteStats same = new AtomicSiteWriter().write(plan("index.html", "home", "a/share.png", "card two"), folder);
        assertThat(same).isEqualTo(new WriteStats(0, 2, 0));
        assertThat(tree(tmp.resolve("out"))).containsExactly(java.util.Map.entry("", "/"),
                java.util.Map.entry("a", "/"), java.util.Map.entry("a/share.png", "card two"),
                java.util.Map.entry("index.html", "home"));
    }

    private static Path stored(OutputFolder folder, String name, String text) throws IOException {
        Path file = folder.stateDir().resolve("images").resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static OutputPlan storedPlan(String page, Path card) throws IOException {
        OutputPlan plan = new OutputPlan(new FindingCollector());
        plan.addGenerated(page, "home", "test");
        byte[] bytes = Files.readAllBytes(card);
        plan.addStored("a/share.png", card, AtomicSiteWriter.hash(bytes), bytes.length, "test");
        return plan;
    }

    @Test
    void aPlannedFileWhereAFolderIsReplacesTheWholeSite() throws Exception {
        OutputFolder folder = new OutputFolder(tmp.resolve("out"));
        new AtomicSiteWriter().write(plan("a/index.html", "a", "b", "b"), folder);

        new AtomicSiteWriter().write(plan("a", "now a file", "b/index.html", "now a folder"), folder);

        assertThat(tree(tmp.resolve("out"))).containsExactly(java.util.Map.entry("", "/"),
                java.util.Map.entry("a", "now a file"), java.util.Map.entry("b", "/"),
                java.util.Map.entry("b/index.html", "now a folder"));
    }
}
