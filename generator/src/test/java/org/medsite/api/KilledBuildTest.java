package org.medsite.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.medsite.output.WriteStep;

/**
 * A build killed in the write stage, for real: a separate JVM builds the site, stops at one
 * {@link WriteStep} (its listener signals through a file, then sleeps) and is killed with
 * {@code destroyForcibly}. While it waits, it holds the output's lock, so a build here is refused with its
 * pid. After the kill, the site on disk is whole (the previous one, or the new one once swapped or journaled), nothing
 * lies outside the output and state folders, and the next build, even a failing one, puts things right.
 */
class KilledBuildTest {

    @TempDir
    Path tmp;

    /** Each step, with the output patched in place (the manifest describes it) and replaced as a whole. */
    static Stream<Arguments> steps() {
        return Stream.of(WriteStep.values()).flatMap(step -> Stream.of(Arguments.of(step, true), Arguments.of(step, false)));
    }

    @ParameterizedTest(name = "killed at {0}, patching in place: {1}")
    @MethodSource("steps")
    void aBuildKilledWhileWritingNeverLosesTheSite(WriteStep step, boolean patched) throws Exception {
        TestSite site = new TestSite(tmp)
                .file("site.yaml", "theme: testbare\nbaseURL: https://x.example/\n")
                .file("content/a.md", "---\ntitle: A\n---\nFirst version.\n")
                .file("content/gone.md", "---\ntitle: Gone\n---\nRemoved in the second version.\n");
        assertThat(site.build().succeeded()).isTrue();
        Map<String, String> first = TestSite.snapshot(site.out);

        site.file("content/a.md", "---\ntitle: A\n---\nSecond version.\n")
                .file("content/new.md", "---\ntitle: New\n---\nAdded in the second version.\n");
        Files.delete(site.dir.resolve("content/gone.md"));
        Path state = tmp.resolve(".out.medsite");
        if (!patched) {
            // Without the manifest, the writer cannot trust the folder and replaces it as a whole.
            Files.delete(state.resolve("manifest.txt"));
        }
        Path signal = tmp.resolve("stopped-at-" + step);
        Process child = new ProcessBuilder(javaCommand(), "-cp", System.getProperty("java.class.path"),
                StoppingBuild.class.getName(), site.dir.toString(), site.out.toString(), step.name(), signal.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        try {
            awaitSignal(child, signal);

            // The child holds the lock: another build is refused, naming it, and changes nothing.
            Map<String, String> during = TestSite.snapshot(site.out);
            String[] holder = Files.readString(tmp.resolve(".out.medsite/lock")).strip().split(" ");
            assertThat(holder[0]).isEqualTo(String.valueOf(child.pid()));
            String started = java.time.Instant.ofEpochMilli(Long.parseLong(holder[2]))
                    .atZone(java.time.ZoneId.systemDefault()).toLocalTime()
                    .format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss"));
            assertThatThrownBy(site::build).isInstanceOf(OutputInUseException.class)
                    .hasMessage("another Medsite build (pid " + child.pid() + ", started " + started + ") is writing "
                            + site.out + "; wait for it or stop it");
            assertThat(TestSite.snapshot(site.out)).isEqualTo(during);
        } finally {
            child.destroyForcibly();
            child.waitFor(60, TimeUnit.SECONDS);
        }

        Map<String, String> second = expectedSecondVersion(site);
        switch (step) {
            case STAGING, STAGED -> assertThat(TestSite.snapshot(site.out)).isEqualTo(first);
            case SWAPPING -> {
                if (patched) {
                    // The journal is written, nothing applied yet: the next build finishes it.
                    assertThat(TestSite.snapshot(site.out)).isEqualTo(first);
                    assertThat(state.resolve("journal.bin")).exists();
                } else {
                    assertThat(site.out).doesNotExist();
                    assertThat(TestSite.snapshot(state.resolve("replaced"))).isEqualTo(first);
                }
            }
            case SWAPPED -> assertThat(TestSite.snapshot(site.out)).isEqualTo(second);
        }
        // Rolled forward once journaled, back before.
        Map<String, String> recovered = step == WriteStep.SWAPPED || patched && step == WriteStep.SWAPPING ? second : first;
        try (Stream<Path> files = Files.walk(tmp)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> tmp.relativize(p).toString().replace('\\', '/')))
                    .as("nothing written outside the output folder and its state folder")
                    .allMatch(p -> p.startsWith("site/") || p.startsWith("out/") || p.startsWith(".out.medsite/")
                            || p.startsWith("medsite-report.") || p.startsWith("stopped-at-") || p.equals("child.log"));
        }

        // The next build fails (a broken page) but takes the lock, so it puts the site back first.
        site.file("content/broken.md", "---\ntitle: [unclosed\n---\n");
        assertThat(site.build().succeeded()).isFalse();
        assertThat(TestSite.snapshot(site.out)).isEqualTo(recovered);
        assertThat(state.resolve("staging")).doesNotExist();
        assertThat(state.resolve("replaced")).doesNotExist();
        assertThat(state.resolve("journal.bin")).doesNotExist();

        Files.delete(site.dir.resolve("content/broken.md"));
        assertThat(site.build().succeeded()).isTrue();
        assertThat(TestSite.snapshot(site.out)).isEqualTo(second);
        try (Stream<Path> s = Files.list(state)) {
            assertThat(s.map(p -> p.getFileName().toString())).contains("lock", "manifest.txt")
                    .doesNotContain("staging", "replaced", "journal.bin");
        }
    }

    /** What the second version of the site builds to, built undisturbed in a folder of its own. */
    private Map<String, String> expectedSecondVersion(TestSite site) throws Exception {
        Path elsewhere = tmp.resolve("expected");
        Files.createDirectories(elsewhere);
        try {
            BuildResult result = Medsite.forSite(site.dir).outputDir(elsewhere.resolve("out")).now(TestSite.NOW).build();
            assertThat(result.succeeded()).isTrue();
            return TestSite.snapshot(elsewhere.resolve("out"));
        } finally {
            try (Stream<Path> walk = Files.walk(elsewhere)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void awaitSignal(Process child, Path signal) throws Exception {
        // Not a timing assertion: the bound only keeps a broken child from hanging the suite.
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(signal)) {
            if (!child.isAlive()) {
                fail("the child build ended (exit " + child.exitValue() + ") before reaching its step:\n"
                        + Files.readString(tmp.resolve("child.log")));
            }
            if (System.nanoTime() > giveUp) {
                fail("the child build did not reach its step:\n" + Files.readString(tmp.resolve("child.log")));
            }
            Thread.sleep(20);
        }
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The child: builds the site and, at the write step it is given, signals the parent and sleeps until
     * killed.
     */
    public static final class StoppingBuild {

        public static void main(String[] args) throws Exception {
            Path siteDir = Path.of(args[0]);
            Path out = Path.of(args[1]);
            WriteStep stopAt = WriteStep.valueOf(args[2]);
            Path signal = Path.of(args[3]);
            BuildResult result = Medsite.forSite(siteDir).outputDir(out).now(TestSite.NOW).threads(1)
                    .listener(new BuildListener() {
                @Override
                public void writeStep(WriteStep step) {
                    if (step != stopAt) {
                        return;
                    }
                    try {
                        // Not the lock file: opening it here would release this process's lock (POSIX).
                        Path tmp = signal.resolveSibling(signal.getFileName() + ".tmp");
                        Files.writeString(tmp, step.name(), StandardCharsets.UTF_8);
                        Files.move(tmp, signal, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                        Thread.sleep(Long.MAX_VALUE);
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }).build();
            // Never reached: the parent kills this process at its step. If it is, say what happened instead.
            System.out.println("built without stopping: " + result.written() + " " + result.findings() + " "
                    + result.timings());
            System.exit(3);
        }
    }
}
