package org.medsite.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What one output file will contain: bytes made by the build, or a file copied as it is. */
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
}
