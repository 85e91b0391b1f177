package org.medsite.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What one output file will contain: bytes made by the build, a file copied as it is, or the file the last
 * build wrote there, unchanged.
 */
public sealed interface OutputEntry {

    /** Where the content comes from, for findings ({@code content/blog/flu.md}, {@code static/logo.svg}). */
    String origin();

    /** The file's bytes. */
    byte[] bytes() throws IOException;

    record Generated(byte[] content, String origin) implements OutputEntry {
        @Override
        public byte[] bytes() {
            return content;
        }
    }

    record Copied(Path source, String origin) implements OutputEntry {
        @Override
        public byte[] bytes() throws IOException {
            return Files.readAllBytes(source);
        }
    }

    /**
     * A file the build made in its state folder (a share card in the image cache), placed in the output as
     * that file: a hard link where the file system allows it, else a copy. A card is written once, not twice
     * (173 MB of the 627 MB a clean build of 4000 pages wrote; its system time fell by about a quarter and its
     * CPU to 0.89x, issue #11), and its bytes are not held from the images stage to the write stage. The
     * cache never writes to a file it made (a new card is a new file, renamed into place), so the shared file
     * keeps these bytes; reading them back checks that. An edit of the output's file in place reaches the
     * cache's too: the cache takes a file again only while its bytes are those it recorded, else makes a new
     * one (see {@link org.medsite.image.ImageCache#stored}).
     *
     * @param file the file in the state folder
     * @param hash the {@link org.medsite.cache.ContentHash} of its bytes, worked out when it was made or read
     */
    record Stored(Path file, String hash, long size, String origin) implements OutputEntry {
        @Override
        public byte[] bytes() throws IOException {
            return checked(file, hash, size);
        }
    }

    /**
     * The file the last build wrote at this path, which the output manifest describes with this hash and size,
     * kept as it is: a one-off build that takes a finished page from its page cache plans it without reading the
     * file back (issue #11). The writer compares {@code hash} and {@code size} with the manifest's, as for any
     * entry; its bytes are read only where the writer needs them, and only while they are still those.
     *
     * @param file the file in the output folder
     * @param hash the {@link org.medsite.cache.ContentHash} of its bytes, as the manifest records it
     */
    record Unchanged(Path file, String hash, long size, String origin) implements OutputEntry {
        @Override
        public byte[] bytes() throws IOException {
            return checked(file, hash, size);
        }
    }

    /** A file's bytes, when they are still those with this hash and size. */
    private static byte[] checked(Path file, String hash, long size) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length != size || !org.medsite.cache.ContentHash.of(bytes).equals(hash)) {
            throw new IOException(file + " changed while the site was being built; build again");
        }
        return bytes;
    }
}
