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
}
