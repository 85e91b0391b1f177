package org.medsite.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Predicate;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsite.cache.ContentDigest;
import org.medsite.diagnostics.Finding;
import org.medsite.diagnostics.Severity;
import org.medsite.output.OutputFolder;

/**
 * The build cache across runs: a build with the inputs of the last one is answered from the cache (the
 * "cached" stage is the hit counter: no other stage runs), and every input change gives a full build.
 */
class BuildCacheTest {

    @TempDir
    Path tmp;

    private TestSite site() {
        return new TestSite(tmp)
                .file("site.yaml", "title: Clinic\n")
                .file("content/a.md", "---\ntitle: A\nreviewd_by: x\n---\nSee [b](b.md).\n")
                .file("content/b.md", "---\ntitle: B\n---\nB text.\n")
                .file("layouts/single.ftlh", "<!DOCTYPE html><html lang=\"en\"><head><title>${page.title}</title></head>"
                        + "<body><main><h1>${page.title}</h1>${page.content?no_esc}</main></body></html>\n");
    }

    private static boolean hit(BuildResult result) {
        return result.timings().stream().map(StageTiming::stage).toList().equals(List.of("fingerprint", Pipeline.CACHED_STAGE));
    }

    private static int hits(List<BuildResult> results) {
        return (int) results.stream().filter(BuildCacheTest::hit).count();
    }

    @Test
    void aBuildWithNothingChangedIsAnsweredFromTheCacheWithTheSameResult() throws Exception {
        TestSite site = site();
        BuildResult first = site.build();
        BuildResult second = site.build();

        assertThat(hit(first)).isFalse();
        assertThat(hit(second)).isTrue();
        assertThat(second.findings()).isEqualTo(first.findings()).isNotEmpty();
        assertThat(second.pages()).isEqualTo(first.pages());
        assertThat(second.written()).get().extracting(w -> w.written()).isEqualTo(0);
        assertThat(second.written().get().unchanged()).isEqualTo(first.written().get().written());
    }

    @Test
    void aHitTellsTheSameInfoAgain() throws Exception {
        TestSite site = site();
        List<String> firstInfos = new ArrayList<>();
        List<String> secondInfos = new ArrayList<>();
        site.medsite().listener(listener(firstInfos)).build();
        BuildResult second = site.medsite().listener(listener(secondInfos)).build();

        assertThat(hit(second)).isTrue();
        assertThat(secondInfos).isEqualTo(firstInfos).isNotEmpty();
    }

    private static BuildListener listener(List<String> infos) {
        return new BuildListener() {
            @Override
            public void info(String message) {
                infos.add(message);
            }
        };
    }

    @Test
    void aChangedTemplateGivesNewOutput() throws Exception {
        TestSite site = site();
        site.build();
        site.file("layouts/single.ftlh", "<!DOCTYPE html><html lang=\"en\"><head><title>${page.title}</title></head>"
                + "<body><main><h1 class=\"changed\">${page.title}</h1>${page.content?no_esc}</main></body></html>\n");
        BuildResult second = site.build();

        assertThat(hit(second)).isFalse();
        assertThat(Jsoup.parse(site.read("a/index.html")).select("h1.changed").text()).isEqualTo("A");
    }

    @Test
    void everyKindOfInputChangeIsAMiss() throws Exception {
        TestSite site = site();
        List<BuildResult> results = new ArrayList<>();
        results.add(site.build());
        results.add(site.build());
        site.file("content/b.md", "---\ntitle: B\n---\nB text, edited.\n");
        results.add(site.build());
        site.file("data/practice.yaml", "name: Demo\n");
        results.add(site.build());
        site.file("site.yaml", "title: Clinic two\n");
        results.add(site.build());
        site.file("static/robots.txt", "User-agent: *\n");
        results.add(site.build());
        site.file("i18n/en.yaml", "readMore: More\n");
        results.add(site.build());
        results.add(site.medsite().includeDrafts(true).build());
        results.add(site.medsite().now(TestSite.NOW.plus(Duration.ofDays(1))).build());
        results.add(site.medsite().now(TestSite.NOW.plus(Duration.ofDays(1))).build());

        assertThat(results.stream().map(BuildCacheTest::hit).toList())
                .containsExactly(false, true, false, false, false, false, false, false, false, true);
        assertThat(hits(results)).isEqualTo(2);
    }

    @Test
    void aPageDatedLaterTheSameDayIsPublishedWhenItsTimeComes() throws Exception {
        TestSite site = site().file("content/later.md", "---\ntitle: Later\ndate: 2026-06-01T15:00:00Z\n---\nSoon.\n");
        BuildResult morning = site.build();
        BuildResult evening = site.medsite().now(Instant.parse("2026-06-01T16:00:00Z")).build();

        assertThat(morning.pages()).noneMatch(p -> p.title().equals("Later"));
        assertThat(hit(evening)).isFalse();
        assertThat(evening.pages()).anyMatch(p -> p.title().equals("Later"));
        assertThat(hit(site.medsite().now(Instant.parse("2026-06-01T12:00:00Z")).build())).isFalse();
    }

    @Test
    void aDeletedOrResizedOutputFileIsAMiss() throws Exception {
        TestSite site = site();
        site.build();
        Files.delete(site.out.resolve("a/index.html"));
        BuildResult rebuilt = site.build();

        assertThat(hit(rebuilt)).isFalse();
        assertThat(Files.exists(site.out.resolve("a/index.html"))).isTrue();
        Files.writeString(site.out.resolve("b/index.html"), "edited by hand", StandardCharsets.UTF_8);
        assertThat(hit(site.build())).isFalse();
        assertThat(site.read("b/index.html")).contains("B text.");
    }

    @Test
    void aCorruptedCacheFileIsIgnoredWithADebugMessage() throws Exception {
        TestSite site = site();
        BuildResult first = site.build();
        Path file = new OutputFolder(site.out).stateDir().resolve(BuildCache.FILE);
        byte[] bytes = Files.readAllBytes(file);
        for (byte[] damaged : List.of(Arrays.copyOf(bytes, bytes.length / 2), "garbage".getBytes(StandardCharsets.UTF_8),
                new byte[0])) {
            Files.write(file, damaged);
            List<String> debug = new ArrayList<>();
            BuildResult result = site.medsite().listener(new BuildListener() {
                @Override
                public void debug(String message) {
                    debug.add(message);
                }
            }).build();

            assertThat(hit(result)).isFalse();
            assertThat(result.findings()).isEqualTo(first.findings());
            assertThat(result.findings()).noneMatch(Finding::isError);
            assertThat(debug).anyMatch(m -> m.startsWith("build cache: ignoring"));
        }
        assertThat(hit(site.build())).isTrue();
    }

    @Test
    void aBuildWithErrorsIsNeverAnsweredFromTheCache() throws Exception {
        TestSite site = site();
        site.build();
        site.file("content/b.md", "---\ntitle: B\n---\n[broken](missing.md)\n");
        BuildResult failed = site.build();
        BuildResult again = site.build();

        assertThat(failed.errorCount()).isPositive();
        assertThat(hit(again)).isFalse();
        assertThat(again.errorCount()).isPositive();
    }

    @Test
    void theEntryFormatRoundTrips() throws Exception {
        BuildCache.Entry entry = new BuildCache.Entry("k", Instant.parse("2026-06-01T12:00:00.123456789Z"),
                Optional.of(Instant.parse("2026-06-02T00:00:00.5Z")), "sha",
                List.of(new PageSummary("/a/", "a/index.html", "content/a.md", "A ü", "en", "page")),
                List.of(new Finding(Severity.WARNING, "r", "f", 3, "m")), List.of("info"), 7);

        assertThat(BuildCache.read(BuildCache.write(entry))).isEqualTo(entry);
    }

    @Test
    void theFingerprintOfContentIsTheDigestOfEachFileInPathOrder() throws Exception {
        // The sources are hashed in parallel and content/ is walked once for two digests: the keys must be
        // those of one serial pass per digest, as the recipe (FORMAT) says, whatever order the hashes finish in.
        TestSite site = site();
        for (int i = 0; i < 40; i++) {
            site.file("content/s" + (i % 7) + "/p" + i + ".md", "---\ntitle: P" + i + "\n---\nText " + i + ".\n");
        }
        site.file("content/s1/photo.png", "not really a png").file("static/x.txt", "x").file("static/img/y.png", "y");
        Path dir = tmp.resolve("site");
        Path out = tmp.resolve("out");
        Instant now = Instant.parse("2026-11-28T12:00:00Z");
        BuildOptions options = new BuildOptions(dir, out, false, false, false, Optional.empty(),
                Optional.empty(), now, 2, getClass().getClassLoader());

        BuildCache.Fingerprint fingerprint = ForkJoinPool.commonPool()
                .submit(() -> BuildCache.fingerprint(options)).get();

        Predicate<Path> markdown = p -> p.getFileName().toString().endsWith(".md");
        // Each copied file goes into one of two digests, the images' or the others'; the others' takes in the images'.
        Predicate<Path> image = p -> p.getFileName().toString().endsWith(".png");
        ContentDigest images = new ContentDigest();
        images.tree(dir, dir.resolve("static"), out, image);
        images.tree(dir, dir.resolve("content"), out, markdown.negate().and(image));
        assertThat(fingerprint.images()).isEqualTo(images.hex());
        ContentDigest resources = new ContentDigest();
        resources.tree(dir, dir.resolve("static"), out, image.negate());
        resources.tree(dir, dir.resolve("content"), out, markdown.negate().and(image.negate()));
        resources.text(images.hex());
        assertThat(fingerprint.resources()).isEqualTo(resources.hex());
        ContentDigest whole = new ContentDigest();
        whole.text(fingerprint.settings()).text(fingerprint.resources()).text("2026-11-28");
        // The serial recipe: each source's path and the hash of its bytes, in path order.
        Map<Path, String> sources = new HashMap<>();
        for (Path p : ContentDigest.filesUnder(dir.resolve("content"), out).stream().filter(markdown).toList()) {
            String hash = ContentDigest.hash(Files.readAllBytes(p));
            whole.text(dir.relativize(p).toString().replace('\\', '/')).text(hash);
            sources.put(p.toAbsolutePath().normalize(), hash);
        }
        whole.text(fingerprint.templates());
        assertThat(fingerprint.whole()).isEqualTo(whole.hex());
        assertThat(fingerprint.sources()).isEqualTo(sources).hasSize(42);
    }

    @Test
    void theKeyIsReadWithoutTheRestOfTheEntry() throws Exception {
        BuildCache.Entry entry = new BuildCache.Entry("the key", Instant.parse("2026-06-01T12:00:00Z"),
                Optional.empty(), "sha", List.of(),
                List.of(new Finding(Severity.WARNING, "r", "f", 3, "m")), List.of(), 1);
        byte[] bytes = BuildCache.write(entry);
        // Its last 20 bytes cut off: the entry cannot be read, its key still can.
        byte[] cut = Arrays.copyOf(bytes, bytes.length - 20);

        assertThat(BuildCache.key(cut)).isEqualTo("the key");
        assertThatThrownBy(() -> BuildCache.read(cut))
                .isInstanceOf(java.io.IOException.class);
    }

    @Test
    void theFingerprintsSourcesAreTheFilesDiscoveryMakesPagesOf() throws Exception {
        // One rule for both: a file the fingerprint took for a source but discovery copies as it is (an
        // upper-case suffix) was left out of the copied files' digest, which finished pages are keyed by.
        TestSite site = site().file("content/notes.MD", "copied as it is").file("content/c.markdown", "# C\n")
                .file("content/d.md.txt", "copied too");
        Path dir = tmp.resolve("site");
        Path out = tmp.resolve("out");
        BuildOptions options = new BuildOptions(dir, out, false, false, false, Optional.empty(),
                Optional.empty(), Instant.parse("2026-11-28T12:00:00Z"), 2, getClass().getClassLoader());

        BuildCache.Fingerprint fingerprint = BuildCache.fingerprint(options);

        List<Path> pages = new org.medsite.content.ContentDiscovery(java.util.Set.of("en"))
                .discover(dir, new org.medsite.diagnostics.FindingCollector()).pages().stream()
                .map(s -> s.file().toAbsolutePath().normalize()).toList();
        assertThat(fingerprint.sources().keySet()).containsExactlyInAnyOrderElementsOf(pages).hasSize(3);
        site.file("content/notes.MD", "edited");
        assertThat(BuildCache.fingerprint(options).resources()).isNotEqualTo(fingerprint.resources());
    }
}
