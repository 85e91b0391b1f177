package org.medsite.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page cache's files across builds: new results are appended to a pending file as they are made, a
 * stored build adds them as a segment, and the old segments are kept or merged by how much of them is dead.
 */
class PageCacheTest {

    private static final PageCache.Kind KIND = PageCache.Kind.SEARCH;

    @TempDir
    Path state;

    private final List<String> debug = new ArrayList<>();

    private PageCache cache() {
        return new PageCache(state, getClass().getClassLoader(), debug::add);
    }

    private static Optional<String> get(PageCache cache, String key) {
        return cache.use(KIND, key, TextEntry.class, e -> Optional.of(e.text()));
    }

    private List<String> segments() throws IOException {
        return Files.readAllLines(state.resolve(PageCache.DIR).resolve("search.segments"));
    }

    private List<String> filesOfKind() throws IOException {
        try (Stream<Path> files = Files.list(state.resolve(PageCache.DIR))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("search")).sorted().toList();
        }
    }

    /** A build that finds every key of {@code used} and makes (or makes again) {@code made}, then stores. */
    private void build(List<String> used, List<String> made) throws IOException {
        PageCache cache = cache();
        for (String key : used) {
            assertThat(get(cache, key)).as(key).contains("text of " + key);
        }
        for (String key : made) {
            cache.put(KIND, key, new TextEntry("text of " + key));
        }
        cache.store();
        cache.close();
    }

    private static List<String> keys(int from, int to) {
        List<String> keys = new ArrayList<>();
        for (int i = from; i < to; i++) {
            keys.add("k" + i);
        }
        return keys;
    }

    @Test
    void aNewResultIsOnDiskBeforeTheBuildStores() throws IOException {
        PageCache cache = cache();
        cache.put(KIND, "k", new TextEntry("x".repeat(100_000)));
        // Written as it was made (the buffer holds 64 KiB at most), not kept in memory to the end.
        assertThat(Files.size(state.resolve(PageCache.DIR).resolve("search.pending"))).isGreaterThan(30_000);
        cache.store();
        assertThat(filesOfKind()).containsExactly("search-1.bin", "search.segments");
        assertThat(get(cache(), "k")).contains("x".repeat(100_000));
    }

    @Test
    void aBuildThatUsesMostOfTheOldResultsAddsASegmentAndRewritesNothing() throws IOException {
        build(List.of(), keys(0, 20));
        byte[] first = Files.readAllBytes(state.resolve(PageCache.DIR).resolve("search-1.bin"));
        build(keys(0, 19), List.of("k19", "new"));

        assertThat(segments()).containsExactly("search-1.bin", "search-2.bin");
        assertThat(Files.readAllBytes(state.resolve(PageCache.DIR).resolve("search-1.bin"))).isEqualTo(first);
        // The later segment's k19 is the one found (both say the same here; the count says which was read).
        PageCache third = cache();
        for (String key : keys(0, 20)) {
            assertThat(get(third, key)).contains("text of " + key);
        }
        assertThat(get(third, "new")).contains("text of new");
        assertThat(third.hits(KIND)).isEqualTo(21);
    }

    @Test
    void aLaterSegmentsEntryStandsForAnEarlierOnesUnderTheSameKey() throws IOException {
        build(List.of(), keys(0, 20));
        PageCache second = cache();
        keys(1, 20).forEach(k -> get(second, k));
        second.put(KIND, "k0", new TextEntry("changed"));
        second.store();
        assertThat(segments()).hasSize(2);
        assertThat(cache().use(KIND, "k0", TextEntry.class, e -> Optional.of(e.text()))).contains("changed");
    }

    @Test
    void segmentsWhoseResultsAreMostlyUnusedAreMergedAndDeleted() throws IOException {
        build(List.of(), keys(0, 20));
        build(keys(0, 19), List.of("a"));
        // Half of the old results are not used: those used are written as one segment, the rest dropped.
        build(keys(0, 10), List.of("b"));

        assertThat(segments()).containsExactly("search-3.bin", "search-4.bin");
        assertThat(filesOfKind()).containsExactly("search-3.bin", "search-4.bin", "search.segments");
        PageCache cache = cache();
        keys(0, 10).forEach(k -> assertThat(get(cache, k)).contains("text of " + k));
        assertThat(get(cache, "b")).contains("text of b");
        assertThat(get(cache, "a")).isEmpty();
        assertThat(get(cache, "k15")).isEmpty();
    }

    @Test
    void aKindHasAtMostMaxSegments() throws IOException {
        build(List.of(), keys(0, 100));
        List<String> all = new ArrayList<>(keys(0, 100));
        for (int i = 0; i < 3 * PageCache.MAX_SEGMENTS; i++) {
            String made = "n" + i;
            build(all, List.of(made));
            all.add(made);
            assertThat(segments().size()).isBetween(1, PageCache.MAX_SEGMENTS);
            assertThat(filesOfKind()).hasSize(segments().size() + 1);
        }
        PageCache cache = cache();
        all.forEach(k -> assertThat(get(cache, k)).as(k).contains("text of " + k));
    }

    @Test
    void aBuildThatDoesNotStoreLeavesTheCacheAsItWas() throws IOException {
        build(List.of(), keys(0, 5));
        PageCache failed = cache();
        keys(0, 2).forEach(k -> get(failed, k));
        failed.put(KIND, "lost", new TextEntry("lost"));
        failed.close();

        assertThat(filesOfKind()).containsExactly("search-1.bin", "search.segments");
        PageCache next = cache();
        keys(0, 5).forEach(k -> assertThat(get(next, k)).contains("text of " + k));
        assertThat(get(next, "lost")).isEmpty();
    }

    @Test
    void aSegmentLeftByAKilledBuildIsDeletedAndAListedSegmentThatIsGoneEmptiesTheKind() throws IOException {
        build(List.of(), keys(0, 5));
        Path dir = state.resolve(PageCache.DIR);
        // Killed between naming its segment and writing the list.
        Files.copy(dir.resolve("search-1.bin"), dir.resolve("search-7.bin"));
        build(keys(0, 5), List.of("x"));
        assertThat(filesOfKind()).containsExactly("search-1.bin", "search-8.bin", "search.segments");

        Files.delete(dir.resolve("search-1.bin"));
        assertThat(get(cache(), "k0")).isEmpty();
        assertThat(debug).anyMatch(m -> m.startsWith("page cache: ignoring"));
    }

    @Test
    void resultsAreReadFromTheMappedSegmentsWithKeysAndTextsOfAnyCharacters() throws IOException {
        PageCache cache = cache();
        // Keys are ASCII hashes in a build; any other key is decoded as writeUTF wrote it (NUL, é, an emoji).
        List<String> keys = List.of("k", "clé", "nul\u0000key", "\uD83E\uDE7A");
        for (String key : keys) {
            cache.put(KIND, key, new TextEntry("text of " + key + " \u00e9\u4e2d " + "x".repeat(20_000)));
        }
        cache.store();

        PageCache next = cache();
        for (String key : keys) {
            assertThat(next.use(KIND, key, TextEntry.class, e -> Optional.of(e.text())))
                    .contains("text of " + key + " \u00e9\u4e2d " + "x".repeat(20_000));
        }
        assertThat(debug).isEmpty();
    }

    @Test
    void aSegmentWithAChangedByteIsIgnored() throws IOException {
        build(List.of(), keys(0, 5));
        Path segment = state.resolve(PageCache.DIR).resolve(segments().get(0));
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length / 2] ^= 1;
        Files.write(segment, bytes);

        assertThat(get(cache(), "k0")).isEmpty();
        assertThat(debug).anyMatch(m -> m.startsWith("page cache: ignoring"));
    }
}
