package org.medsite.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileHashesTest {

    /** Trusts a remembered hash whatever the clock says, so each test decides by the stat alone. */
    private static final long SETTLED_AT_ONCE = -1_000_000_000_000L;

    @TempDir
    Path tmp;

    private Path file(String name, String text) throws Exception {
        return Files.writeString(tmp.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static String hashOf(String text) {
        return ContentHash.of(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aFileWhoseStatIsTheSameIsNotReadAgainAndAnEditedOneIs() throws Exception {
        Path state = tmp.resolve("state");
        Path a = file("a.md", "alpha");
        Path b = file("b.md", "beta");
        FileHashes first = FileHashes.in(state, SETTLED_AT_ONCE);
        assertThat(first.of(a)).isEqualTo(hashOf("alpha"));
        first.of(b);
        first.store();

        // Same size, and the modification time set back: only the status-change time tells.
        FileTime modified = Files.getLastModifiedTime(b);
        Thread.sleep(20);
        Files.writeString(b, "BETA", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(b, modified);
        FileHashes second = FileHashes.in(state, SETTLED_AT_ONCE);

        assertThat(second.of(a)).isEqualTo(hashOf("alpha"));
        assertThat(second.of(b)).isEqualTo(hashOf("BETA"));
        assertThat(second.read()).isEqualTo(1);
    }

    @Test
    void aFileChangedAsItWasHashedIsReadAgain() throws Exception {
        Path state = tmp.resolve("state");
        Path a = file("a.md", "alpha");
        FileHashes first = FileHashes.in(state);
        first.of(a);
        first.store();
        FileHashes second = FileHashes.in(state);

        // Written a moment before it was hashed: the same clock tick could hold another write.
        assertThat(second.of(a)).isEqualTo(hashOf("alpha"));
        assertThat(second.read()).isEqualTo(1);
    }

    @Test
    void aDamagedListIsIgnoredAndForgottenFilesAreDropped() throws Exception {
        Path state = tmp.resolve("state");
        Path a = file("a.md", "alpha");
        Path b = file("b.md", "beta");
        FileHashes first = FileHashes.in(state, SETTLED_AT_ONCE);
        first.of(a);
        first.of(b);
        first.store();
        Path list = state.resolve(FileHashes.FILE);
        byte[] bytes = Files.readAllBytes(list);
        assertThat(FileHashes.read(bytes)).hasSize(2);
        for (int i = 0; i < bytes.length; i++) {
            byte[] damaged = bytes.clone();
            damaged[i] ^= 0x5a;
            Files.write(list, damaged);
            FileHashes again = FileHashes.in(state, SETTLED_AT_ONCE);
            // Either refused (both read) or read as it was (neither read): never a hash for the wrong bytes.
            assertThat(again.of(a)).isEqualTo(hashOf("alpha"));
            assertThat(again.of(b)).isEqualTo(hashOf("beta"));
            assertThat(again.read()).isIn(0, 2);
        }
        Files.write(list, bytes);
        FileHashes onlyA = FileHashes.in(state, SETTLED_AT_ONCE);
        onlyA.of(a);
        onlyA.store();
        assertThat(FileHashes.read(Files.readAllBytes(list))).containsOnlyKeys(a.toAbsolutePath().normalize().toString());
    }
}
