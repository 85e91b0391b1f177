package org.medsite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.medsite.api.BuildResult;
import org.medsite.api.Medsite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveTrainingTest {

    @TempDir
    Path tmp;

    @Test
    void theTrainingPagesBuildWithoutFindingsUnderZeroConfiguration() throws Exception {
        // Otherwise the fallback training would write nothing and its rebuilds would not take the in-place path.
        Path site = tmp.resolve("site");
        ArchiveTraining.writePages(Files.createDirectories(site.resolve("content")));
        BuildResult result = Medsite.forSite(site).outputDir(tmp.resolve("out")).build();
        assertThat(result.findings()).isEmpty();
        assertThat(result.written()).isPresent();
        assertThat(result.pages()).filteredOn(p -> !p.source().isEmpty()).hasSize(4);
    }

    @Test
    void rebuildsUnderTheUsersSiteYamlAndLeavesNothingBehind() throws Exception {
        Path userSite = Files.createDirectories(tmp.resolve("user"));
        Files.writeString(userSite.resolve("site.yaml"), "title: A practice\ntaxonomies: []\n");
        Files.createDirectories(userSite.resolve("content"));
        Files.writeString(userSite.resolve("content/a.md"), "# A\n");
        Map<Path, String> before = contents(userSite);
        Path launcherFolder = Files.createDirectories(tmp.resolve("launcher"));

        assertThat(new ArchiveTraining(launcherFolder, userSite).run()).isTrue();

        assertThat(listing(launcherFolder)).isEmpty();
        assertThat(contents(userSite)).isEqualTo(before);
    }

    @Test
    void aSiteYamlWhoseBuildFailsFallsBackToZeroConfiguration() throws Exception {
        Path userSite = Files.createDirectories(tmp.resolve("user"));
        Files.writeString(userSite.resolve("site.yaml"), "title: A practice\ntheme: no-such-theme\n");
        Path launcherFolder = Files.createDirectories(tmp.resolve("launcher"));

        assertThat(new ArchiveTraining(launcherFolder, userSite).run()).isTrue();

        assertThat(listing(launcherFolder)).isEmpty();
    }

    @Test
    void aParentFolderThatCannotBeUsedIsNoFailure() {
        Path missing = tmp.resolve("no-such-folder");
        assertThat(new ArchiveTraining(missing, tmp).run()).isFalse();
        assertThat(Files.exists(missing)).isFalse();
    }

    private static List<Path> listing(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.toList();
        }
    }

    private static Map<Path, String> contents(Path folder) throws IOException {
        Map<Path, String> contents = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.toList()) {
                contents.put(folder.relativize(p), Files.isRegularFile(p) ? Files.readString(p) : "/");
            }
        }
        return contents;
    }
}
