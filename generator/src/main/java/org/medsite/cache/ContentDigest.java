package org.medsite.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
            return text("absent " + base.relativize(root));
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> !p.startsWith(skip) && Files.isRegularFile(p) && include.test(p)).sorted().toList();
        }
        for (Path p : files) {
            text(base.relativize(p).toString().replace('\\', '/'));
            bytes(Files.readAllBytes(p));
        }
        return this;
    }

    /**
     * Like {@link #tree(Path, Path, Path, Predicate)}, but digests each file's hash rather than its bytes.
     *
     * @return each file's hash ({@link #hash}), by its absolute normalized path
     */
    public java.util.Map<Path, String> hashedTree(Path base, Path root, Path skip, Predicate<Path> include)
            throws IOException {
        return hashedTree(base, root, skip, include, FileHashes.none());
    }

    /** Like {@link #hashedTree(Path, Path, Path, Predicate)}, each file's hash from {@code hashes}. */
    public java.util.Map<Path, String> hashedTree(Path base, Path root, Path skip, Predicate<Path> include,
            FileHashes fileHashes) throws IOException {
        java.util.Map<Path, String> hashes = new java.util.HashMap<>();
        if (!Files.exists(root)) {
            text("absent " + base.relativize(root));
            return hashes;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> !p.startsWith(skip) && Files.isRegularFile(p) && include.test(p)).sorted().toList();
        }
        for (Path p : files) {
            String sha = fileHashes.of(p);
            text(base.relativize(p).toString().replace('\\', '/'));
            text(sha);
            hashes.put(p.toAbsolutePath().normalize(), sha);
        }
        return hashes;
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
