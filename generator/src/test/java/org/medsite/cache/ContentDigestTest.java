package org.medsite.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentDigestTest {

    @TempDir
    Path tmp;

    private Path write(String path) throws Exception {
        Path p = tmp.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, path);
        return p;
    }

    @Test
    void filesUnderListsRegularFilesAndLinksToThemButNotLinkedFoldersNorTheOutput() throws Exception {
        write("site/content/b.md");
        write("site/content/a/c.png");
        write("site/content/out/skipped.html");
        write("elsewhere/linked.md");
        write("elsewhere/folder/inside.md");
        Path content = tmp.resolve("site/content");
        // A link to a file counts as that file (the walk itself sees a link); a link to a folder is not walked.
        Files.createSymbolicLink(content.resolve("link.md"), tmp.resolve("elsewhere/linked.md"));
        Files.createSymbolicLink(content.resolve("folder"), tmp.resolve("elsewhere/folder"));
        Files.createSymbolicLink(content.resolve("broken.md"), tmp.resolve("elsewhere/missing.md"));

        assertThat(ContentDigest.filesUnder(content, content.resolve("out"))).containsExactly(
                content.resolve("a/c.png"), content.resolve("b.md"), content.resolve("link.md"));
    }

    @Test
    void filesUnderAFileIsThatFile() throws Exception {
        Path file = write("site/site.yaml");
        assertThat(ContentDigest.filesUnder(file, tmp.resolve("out"))).containsExactly(file);
    }
}
