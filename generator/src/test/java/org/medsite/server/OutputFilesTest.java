package org.medsite.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {

    @TempDir
    Path tmp;

    @Test
    void decodesPathsButNeverIntoSeparators() {
        assertThat(OutputFiles.decode("/caf%C3%A9/")).contains("/café/");
        assertThat(OutputFiles.decode("/a%2fb")).isEmpty();
        assertThat(OutputFiles.decode("/a%2Fb")).isEmpty();
        assertThat(OutputFiles.decode("/a%5cb")).isEmpty();
        assertThat(OutputFiles.decode("/a%00")).isEmpty();
        assertThat(OutputFiles.decode("/a%zz")).isEmpty();
        assertThat(OutputFiles.decode("/a%2")).isEmpty();
        assertThat(OutputFiles.decode("/%c0%ae")).isEmpty(); // overlong UTF-8 for '.'
    }

    @Test
    void findsFilesAndIndexPagesInsideTheFolderOnly() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.createDirectories(out.resolve("about"));
        Files.writeString(out.resolve("about/index.html"), "about");
        Files.writeString(tmp.resolve("secret.txt"), "secret");
        OutputFiles files = new OutputFiles(out);

        assertThat(files.lookup("/about/")).isEqualTo(new OutputFiles.Lookup.Found(out.resolve("about/index.html").toRealPath()));
        assertThat(files.lookup("/about")).isEqualTo(new OutputFiles.Lookup.AddSlash("/about/"));
        assertThat(files.lookup("/../secret.txt")).isInstanceOf(OutputFiles.Lookup.NotFound.class);
        assertThat(files.lookup("/%2e%2e/secret.txt")).isInstanceOf(OutputFiles.Lookup.NotFound.class);
        assertThat(files.lookup("/")).isInstanceOf(OutputFiles.Lookup.NotFound.class); // no index.html
        assertThat(OutputFiles.contentType(Path.of("feed.xml"))).isEqualTo("application/xml; charset=utf-8");
        assertThat(OutputFiles.contentType(Path.of("logo.SVG"))).isEqualTo("image/svg+xml");
        assertThat(OutputFiles.contentType(Path.of("data.bin"))).isEqualTo("application/octet-stream");
    }
}
