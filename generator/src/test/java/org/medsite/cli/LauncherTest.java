package org.medsite.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.assertj.core.api.InstanceOfAssertFactory;
import org.assertj.core.api.ListAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script (src/main/launcher/medsite): which class-data archive it makes and uses for which JVM,
 * through a stub {@code java} that records its arguments, and, where a second JDK is installed, real builds
 * that switch from this JVM to it and back.
 */
class LauncherTest {

    private static final Path SCRIPT = Path.of("src/main/launcher/medsite");

    /** The second JDK the machines of this project have (the env notes; the bench README's Java 25 runs). */
    private static final Path OTHER_JAVA = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

    /** Records each call's arguments, one a line, then "---". */
    private static final String STUB_JAVA = """
            #!/bin/sh
            for a in "$@"; do printf '%s\\n' "$a"; done >> "$STUB_LOG"
            echo --- >> "$STUB_LOG"
            """;

    @SuppressWarnings("rawtypes")
    private static final InstanceOfAssertFactory<List, ListAssert<String>> ARGS =
            InstanceOfAssertFactories.list(String.class);

    @TempDir
    Path tmp;

    private Path launcher;
    private Path log;

    @BeforeEach
    void hasSh() {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "the launcher is a POSIX shell script");
        log = tmp.resolve("calls.log");
    }

    @Test
    void theFirstBuildDumpsTheArchiveAndTheNextUsesIt() throws Exception {
        Path java = jdk("jdk-17", "17.0.15");
        launcher(emptyJar());

        run(java, Map.of(), "build", "site");
        assertThat(calls().get(0)).contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmn64m",
                "-Dorg.freemarker.loggerLibrary=none", "-Dmedsite.archive.training=" + launcher);
        Path archive = archiveDumped();

        run(java, Map.of(), "build", "site");
        assertThat(calls()).singleElement(ARGS).contains("-XX:SharedArchiveFile=" + archive, "-Xshare:auto")
                .noneMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit") || a.startsWith("-Dmedsite.archive.training"));
    }

    /**
     * Another JDK makes an archive of its own, and so does the same home updated in place (a new release file),
     * whose first build also deletes the archive of the release it replaced, which no JVM can use again; the
     * other JDK's archive and the same JDK's for another class path stay.
     */
    @Test
    void anotherJdkOrAnUpdatedOneMakesAnArchiveOfItsOwnAndTheUpdateDropsOnlyTheOneItReplaced() throws Exception {
        Path java17 = jdk("jdk-17", "17.0.15");
        Path java25 = jdk("jdk-25", "25.0.3");
        launcher(emptyJar());
        Path archive17 = firstBuild(java17);
        run(java25, Map.of(), "build", "site");
        assertThat(calls().get(0)).noneMatch(a -> a.contains(archive17.getFileName().toString()));
        Path archive25 = archiveDumped();
        assertThat(archive25).isNotEqualTo(archive17);
        Path theme = Files.writeString(tmp.resolve("theme.jar"), "");
        run(java17, Map.of("MEDSITE_CLASSPATH", theme.toString()), "build", "site");
        Path archive17Theme = archiveDumped();

        jdk("jdk-17", "17.0.16");
        run(java17, Map.of(), "build", "site");
        Path archiveUpdated = archiveDumped();

        assertThat(archiveUpdated).isNotIn(archive17, archive25, archive17Theme);
        assertThat(listing(launcher)).filteredOn(name -> name.endsWith(".jsa")).containsExactlyInAnyOrder(
                archive25.getFileName().toString(), archive17Theme.getFileName().toString(),
                archiveUpdated.getFileName().toString());
    }

    @Test
    void theSameJdkThroughJavaHomeOrALinkOnThePathUsesTheSameArchive() throws Exception {
        Path java = jdk("jdk-17", "17.0.15");
        launcher(emptyJar());
        Path archive = firstBuild(java);

        run(null, Map.of("JAVA_HOME", java.getParent().getParent().toString()), "build", "site");
        assertThat(calls()).singleElement(ARGS).contains("-XX:SharedArchiveFile=" + archive);

        Files.delete(log);
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("java"), java);
        run(null, Map.of("PATH", bin + File.pathSeparator + System.getenv("PATH")), "build", "site");
        assertThat(calls()).singleElement(ARGS).contains("-XX:SharedArchiveFile=" + archive);
    }

    @Test
    void anotherClassPathMakesAnArchiveOfItsOwn() throws Exception {
        Path java = jdk("jdk-17", "17.0.15");
        launcher(emptyJar());
        Path archive = firstBuild(java);

        Path theme = Files.writeString(tmp.resolve("theme.jar"), "");
        run(java, Map.of("MEDSITE_CLASSPATH", theme.toString()), "build", "site");
        assertThat(dumpedArchive(calls().get(0))).isNotEqualTo(archive);
        assertThat(archive).exists();
    }

    /**
     * A real build on this JVM, then on another JDK through the same launcher, then on each again: no JVM may
     * complain about the other's archive, and each must then start from its own ({@code -Xshare:on} refuses to
     * start without a usable one).
     */
    @Test
    void switchingJdksKeepsEachItsOwnArchiveWithoutAWord() throws Exception {
        assumeTrue(Files.isExecutable(OTHER_JAVA), "no second JDK at " + OTHER_JAVA);
        Path thisJava = Path.of(System.getProperty("java.home"), "bin", "java");
        assumeTrue(!thisJava.toRealPath().equals(OTHER_JAVA.toRealPath()), "the tests run on " + OTHER_JAVA);
        Path launcherFolder = Files.createDirectories(tmp.resolve("launcher"));
        List<String> extra = new ArrayList<>();
        launcher(jarOfClassPath(launcherFolder, extra));
        Path site = tmp.resolve("site");
        ArchiveTraining.writePages(Files.createDirectories(site.resolve("content")));
        Map<String, String> env = Map.of("MEDSITE_CLASSPATH", String.join(File.pathSeparator, extra));
        Map<String, String> strict = new TreeMap<>(env);
        strict.put("MEDSITE_JAVA_OPTS", "-Xshare:on");

        int n = 0;
        for (Path java : List.of(thisJava, OTHER_JAVA)) {
            Run first = run(java, env, "build", site.toString(), "--output", tmp.resolve("out" + n++).toString());
            assertThat(first.exitCode()).as(first.output()).isZero();
            assertThat(first.output()).as(java.toString()).doesNotContain("[warning]", "[error", "archive");
        }
        assertThat(listing(launcherFolder)).filteredOn(name -> name.endsWith(".jsa")).hasSize(2);
        for (Path java : List.of(thisJava, OTHER_JAVA)) {
            Run again = run(java, strict, "build", site.toString(), "--output", tmp.resolve("out" + n++).toString());
            assertThat(again.exitCode()).as(java + ": " + again.output()).isZero();
            assertThat(again.output()).as(java.toString()).doesNotContain("[warning]", "[error", "archive");
        }
        assertThat(contents(tmp.resolve("out1"))).isEqualTo(contents(tmp.resolve("out0")));
    }

    /** A build with {@code java} that dumps the archive, which then stands where it was dumped: its path. */
    private Path firstBuild(Path java) throws IOException, InterruptedException {
        run(java, Map.of(), "build", "site");
        return archiveDumped();
    }

    /** The archive the only call so far dumped, now made to stand there; the calls are forgotten. */
    private Path archiveDumped() throws IOException {
        List<List<String>> calls = calls();
        assertThat(calls).hasSize(1);
        Path archive = dumpedArchive(calls.get(0));
        Files.writeString(archive, "archive");
        Files.delete(log);
        return archive;
    }

    /** The archive a call dumps at exit (-XX:ArchiveClassesAtExit), named .medsite-N-N.jsa beside the jar. */
    private Path dumpedArchive(List<String> call) {
        String flag = "-XX:ArchiveClassesAtExit=";
        String path = call.stream().filter(a -> a.startsWith(flag)).findFirst().orElseThrow().substring(flag.length());
        assertThat(path).matches(java.util.regex.Pattern.quote(launcher.toString()) + "/\\.medsite-\\d+-\\d+\\.jsa");
        return Path.of(path);
    }

    /** A JDK home with a stub java and the release file real JDKs have. */
    private Path jdk(String name, String version) throws IOException {
        Path home = Files.createDirectories(tmp.resolve(name));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, STUB_JAVA);
        assertThat(java.toFile().setExecutable(true)).isTrue();
        return java;
    }

    private Path emptyJar() throws IOException {
        Path jar = tmp.resolve("empty.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("empty"));
        }
        return jar;
    }

    /** The launcher script and a jar beside it, as generator/target has them. */
    private void launcher(Path jar) throws IOException {
        launcher = Files.createDirectories(tmp.resolve("launcher"));
        Path copy = launcher.resolve("medsite.jar");
        if (!jar.equals(copy)) {
            Files.copy(jar, copy);
        }
        Files.copy(SCRIPT, launcher.resolve("medsite"));
    }

    /**
     * The code under test as the launcher's medsite.jar, and the rest of this JVM's class path in extra,
     * folders packed into jars: a class-data archive is dumped only for a class path of jars (the real
     * medsite.jar is made after the tests).
     */
    private Path jarOfClassPath(Path folder, List<String> extra) throws IOException {
        Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Path jar = folder.resolve("medsite.jar");
        pack(classes, jar);
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (p.equals(classes) || p.endsWith("test-classes")) {
                continue;
            }
            if (Files.isDirectory(p)) {
                Path packed = tmp.resolve("cp-" + n++ + ".jar");
                pack(p, packed);
                extra.add(packed.toString());
            } else if (Files.isRegularFile(p)) {
                extra.add(entry);
            }
        }
        return jar;
    }

    private static void pack(Path folder, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(folder.relativize(p).toString().replace(File.separatorChar, '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
    }

    private record Run(int exitCode, String output) {
    }

    /** Runs the launcher with sh; java null leaves JAVA unset (then JAVA_HOME or the PATH name the JVM). */
    private Run run(Path java, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/bin/sh", launcher.resolve("medsite").toString()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.remove("JAVA");
        environment.remove("JAVA_HOME");
        environment.remove("MEDSITE_CLASSPATH");
        environment.remove("MEDSITE_JAVA_OPTS");
        if (java != null) {
            environment.put("JAVA", java.toString());
        }
        environment.put("STUB_LOG", log.toString());
        environment.putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }

    /** The stub's calls so far, each as its list of arguments. */
    private List<List<String>> calls() throws IOException {
        List<List<String>> calls = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.equals("---")) {
                calls.add(current);
                current = new ArrayList<>();
            } else {
                current.add(line);
            }
        }
        return calls;
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static Map<Path, String> contents(Path folder) throws IOException {
        Map<Path, String> contents = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                contents.put(folder.relativize(p), new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        }
        return contents;
    }
}
