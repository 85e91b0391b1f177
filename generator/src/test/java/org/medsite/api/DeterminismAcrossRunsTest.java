package org.medsite.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example site, built by the CLI in two separate JVMs, gives byte-identical trees. Separate processes
 * matter: hash seeds, {@code Map.of} iteration order and thread scheduling differ between JVMs, not
 * between two builds in one.
 */
class DeterminismAcrossRunsTest {

    @TempDir
    Path tmp;

    @Test
    void twoProcessesBuildTheSameBytes() throws Exception {
        Path site = Path.of("..", "example-site").toAbsolutePath().normalize();
        assertThat(site.resolve("content")).isDirectory();
        build(site, tmp.resolve("one"));
        build(site, tmp.resolve("two"));
        var one = TestSite.snapshot(tmp.resolve("one"));
        assertThat(one).hasSizeGreaterThan(50);
        assertThat(TestSite.snapshot(tmp.resolve("two"))).isEqualTo(one);
    }

    private static void build(Path site, Path out) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "org.medsite.cli.Main", "build", site.toString(), "--output", out.toString(), "--quiet"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(
                out.resolveSibling(out.getFileName() + ".log").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(out.resolveSibling(out.getFileName() + ".log"))).isZero();
        assertThat(new File(out.toFile(), "index.html")).exists();
    }
}
