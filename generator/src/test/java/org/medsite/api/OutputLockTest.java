package org.medsite.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsite.output.BuildLock;
import org.medsite.output.OutputFolder;
import org.medsite.output.WriteStep;

/**
 * One build at a time writes an output folder. Builds in other processes are covered by
 * {@link KilledBuildTest}, whose child holds the lock while this JVM tries to build.
 */
class OutputLockTest {

    @TempDir
    Path tmp;

    private TestSite site;

    @BeforeEach
    void site() {
        site = new TestSite(tmp)
                .file("site.yaml", "theme: testbare\n")
                .file("content/a.md", "---\ntitle: A\n---\nText.\n");
    }

    private String expectedMessage() {
        return "another Medsite build \\(pid " + ProcessHandle.current().pid() + ", started \\d\\d:\\d\\d:\\d\\d\\) is writing "
                + java.util.regex.Pattern.quote(site.out.toString()) + "; wait for it or stop it";
    }

    @Test
    void aSecondBuildIntoTheSameFolderIsRefusedWhileTheFirstRuns() throws Exception {
        assertThat(site.build().succeeded()).isTrue();
        Map<String, String> before = TestSite.snapshot(site.out);
        site.file("content/a.md", "---\ntitle: A\n---\nChanged.\n");
        AtomicReference<Throwable> second = new AtomicReference<>();
        BuildResult first = site.medsite().listener(new BuildListener() {
            @Override
            public void writeStep(WriteStep step) {
                if (step == WriteStep.STAGED) {
                    // Another module of a parallel reactor, building into the same folder at this moment.
                    Thread other = new Thread(() -> {
                        try {
                            site.build();
                        } catch (Throwable t) {
                            second.set(t);
                        }
                    });
                    other.start();
                    try {
                        other.join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    try {
                        assertThat(TestSite.snapshot(site.out)).as("the refused build changed nothing").isEqualTo(before);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
        }).build();
        assertThat(first.succeeded()).isTrue();
        assertThat(second.get()).isInstanceOf(OutputInUseException.class);
        assertThat(second.get().getMessage()).matches(expectedMessage());
        assertThat(site.read("a/index.html")).contains("Changed.");
        assertThat(site.build().succeeded()).as("the lock is released after the build").isTrue();
    }

    @Test
    void aLockTakenOutsideMedsiteInThisJvmGivesTheSameMessage() throws Exception {
        assertThat(site.build().succeeded()).isTrue();
        Path lockFile = tmp.resolve(".out.medsite/lock");
        // As a copy of Medsite in another class loader would: the JVM reports an overlapping lock.
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            channel.lock(1L << 30, 1, false);
            assertThatThrownBy(() -> BuildLock.acquire(new OutputFolder(site.out)))
                    .isInstanceOf(BuildLock.HeldException.class)
                    .hasMessageContaining("another Medsite build (pid " + ProcessHandle.current().pid() + ", started ")
                    .hasMessageEndingWith("is writing " + site.out + "; wait for it or stop it");
        }
    }

    @Test
    void aStaleLockFileOfADeadBuildDoesNotBlock() throws Exception {
        Files.createDirectories(tmp.resolve(".out.medsite"));
        Files.writeString(tmp.resolve(".out.medsite/lock"), "999999 elsewhere 0\n");
        assertThat(site.build().succeeded()).isTrue();
        assertThat(Files.readString(tmp.resolve(".out.medsite/lock"))).startsWith(ProcessHandle.current().pid() + " ");
    }

    @Test
    void aSessionHoldsTheLockUntilItIsClosed() throws Exception {
        BuildSession session = site.medsite().session();
        try {
            assertThat(session.build().result().succeeded()).isTrue();
            assertThatThrownBy(site::build).isInstanceOf(OutputInUseException.class)
                    .hasMessageMatching(expectedMessage());
            assertThat(session.rebuild(java.util.List.of(site.dir.resolve("content/a.md")))).isPresent();
        } finally {
            session.close();
        }
        assertThat(site.build().succeeded()).isTrue();
    }

    @Test
    void aDevServerHoldsTheLockWhileItRunsAndASecondOneIsRefused() throws Exception {
        org.medsite.server.ServeOptions options = new org.medsite.server.ServeOptions(
                java.net.InetAddress.getLoopbackAddress(), 0, false, false, java.time.Duration.ofMillis(50));
        org.medsite.server.ServeListener quiet = new org.medsite.server.ServeListener() {
            @Override
            public void info(String line) {
            }

            @Override
            public void warning(String line) {
            }
        };
        org.medsite.server.DevServer server = org.medsite.server.DevServer.start(site.medsite(), options, quiet);
        try {
            assertThatThrownBy(site::build).isInstanceOf(OutputInUseException.class).hasMessageMatching(expectedMessage());
            assertThatThrownBy(() -> org.medsite.server.DevServer.start(site.medsite(), options, quiet))
                    .isInstanceOf(OutputInUseException.class).hasMessageMatching(expectedMessage());
        } finally {
            server.close();
        }
        assertThat(site.build().succeeded()).isTrue();
    }

    @Test
    void aCheckNeedsNoLock() throws Exception {
        try (BuildLock held = BuildLock.acquire(new OutputFolder(site.out))) {
            assertThat(site.medsite().check().succeeded()).isTrue();
        }
    }

    @Test
    void aRefusedOutputFolderGetsNoStateFolder() throws Exception {
        Path foreign = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(foreign.resolve("notes.txt"), "keep");
        assertThat(site.build().succeeded()).isFalse();
        assertThat(tmp.resolve(".out.medsite")).doesNotExist();
        assertThat(Files.readString(foreign.resolve("notes.txt"))).isEqualTo("keep");
    }
}
