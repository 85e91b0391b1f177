package org.medsite.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** One running {@link ContentHash} over named parts, each length-prefixed so that no two inputs run together. */
public final class ContentDigest {

    private final ContentHash hash = new ContentHash();

    public ContentDigest text(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    public ContentDigest bytes(byte[] b) {
        hash.updateInt(b.length);
        hash.update(b);
        return this;
    }

    /** The paths (relative to {@code base}) and bytes of the files under {@code root}, in sorted order. */
    public ContentDigest tree(Path base, Path root, Path skip) throws IOException {
        return tree(base, root, skip, p -> true);
    }

    /** Like {@link #tree(Path, Path, Path)}, for the files that {@code include} accepts only. */
    public ContentDigest tree(Path base, Path root, Path skip, Predicate<Path> include) throws IOException {
        if (!Files.exists(root)) {
            return absent(base, root);
        }
        return files(base, filesUnder(root, skip).stream().filter(include).toList());
    }

    /** Marks {@code root} (relative to {@code base}) as missing: no folder digests unlike an empty one. */
    public ContentDigest absent(Path base, Path root) {
        return text("absent " + base.relativize(root));
    }

    /**
     * The regular files under {@code root} (links to one included), but those under {@code skip} (the output), in
     * sorted order. A file's type is the walk's own look at it; only a link is looked at again, through the link:
     * a second look per file was one of the system calls every build made per source (issue #11).
     */
    public static List<Path> filesUnder(Path root, Path skip) throws IOException {
        try (Stream<Path> walk = Files.find(root, Integer.MAX_VALUE, (p, attrs) -> !p.startsWith(skip)
                && (attrs.isRegularFile() || attrs.isSymbolicLink() && Files.isRegularFile(p)))) {
            return walk.sorted().toList();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The paths (relative to {@code base}) and bytes of {@code files}, in their order. */
    public ContentDigest files(Path base, List<Path> files) throws IOException {
        for (Path p : files) {
            text(relative(base, p));
            bytes(Files.readAllBytes(p));
        }
        return this;
    }

    /**
     * The paths (relative to {@code base}) and hashes of {@code files}, in their order, each hash from
     * {@code fileHashes}. The files are read and hashed on all cores (on the caller's pool when it runs in
     * one): a clean build reads every source here, 0.3-0.6 s at 4000 pages on one thread (issue #11); the
     * digest takes them in order, so it is what one pass would give.
     *
     * @return each file's hash, by its absolute normalized path
     */
    public Map<Path, String> hashedFiles(Path base, List<Path> files, FileHashes fileHashes) throws IOException {
        List<String> hashes;
        try {
            hashes = files.parallelStream().map(p -> {
                try {
                    return fileHashes.of(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Map<Path, String> byPath = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            text(relative(base, files.get(i)));
            text(hashes.get(i));
            byPath.put(files.get(i).toAbsolutePath().normalize(), hashes.get(i));
        }
        return byPath;
    }

    /** {@code file}'s path relative to {@code base}, with forward slashes on every system. */
    private static String relative(Path base, Path file) {
        return base.relativize(file).toString().replace('\\', '/');
    }

    public String hex() {
        return hash.hex();
    }

    /** The {@link ContentHash} of {@code bytes}, in hex. */
    public static String hash(byte[] bytes) {
        return ContentHash.of(bytes);
    }

    /** The digest of {@code parts}, each length-prefixed. */
    public static String of(String... parts) {
        ContentDigest digest = new ContentDigest();
        for (String part : parts) {
            digest.text(part);
        }
        return digest.hex();
    }
}
