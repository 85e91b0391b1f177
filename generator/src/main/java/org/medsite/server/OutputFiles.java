package org.medsite.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The files of the output folder as the dev server may serve them. A request path is decoded once and
 * then taken apart segment by segment: {@code ..}, {@code .}, encoded slashes ({@code %2f}, {@code %5c}),
 * backslashes and NUL bytes are refused outright, and what remains must resolve, symbolic links
 * followed, to a regular file inside the output folder. Anything else is "not found", so a probe learns
 * nothing about the machine.
 */
final class OutputFiles {

    /** Media types by file extension; text types carry their charset. */
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("htm", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("xml", "application/xml; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("md", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("avif", "image/avif"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("otf", "font/otf"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("webm", "video/webm"),
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("ogg", "audio/ogg"),
            Map.entry("vtt", "text/vtt; charset=utf-8"),
            Map.entry("wasm", "application/wasm"));

    /** What a request path turned out to be. */
    sealed interface Lookup {
        /** A file to send. */
        record Found(Path file) implements Lookup {
        }

        /** A folder asked for without its trailing slash: relative links in its page need the slash. */
        record AddSlash(String location) implements Lookup {
        }

        record NotFound() implements Lookup {
        }
    }

    private final Path root;

    OutputFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Lookup lookup(String rawPath) {
        Optional<String> decoded = decode(rawPath);
        if (decoded.isEmpty() || !decoded.get().startsWith("/")) {
            return new Lookup.NotFound();
        }
        String path = decoded.get();
        Path file = root;
        for (String segment : path.substring(1).split("/", -1)) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.equals(".") || segment.equals("..") || segment.contains("\\") || segment.contains("\0")
                    || segment.contains(":")) {
                return new Lookup.NotFound();
            }
            file = file.resolve(segment);
        }
        try {
            Path realRoot = root.toRealPath();
            if (!Files.exists(file)) {
                return new Lookup.NotFound();
            }
            Path real = file.toRealPath();
            if (!real.startsWith(realRoot)) {
                return new Lookup.NotFound(); // a symbolic link out of the output folder
            }
            if (Files.isDirectory(real)) {
                if (!path.endsWith("/")) {
                    return new Lookup.AddSlash(rawPath + "/");
                }
                Path index = real.resolve("index.html");
                if (!Files.isRegularFile(index) || !index.toRealPath().startsWith(realRoot)) {
                    return new Lookup.NotFound();
                }
                return new Lookup.Found(index);
            }
            return Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS) ? new Lookup.Found(real) : new Lookup.NotFound();
        } catch (IOException e) {
            return new Lookup.NotFound();
        }
    }

    /** The file of the site's not-found page, if the site has one. */
    Optional<Path> notFoundPage() {
        Path page = root.resolve("404.html");
        try {
            return Files.isRegularFile(page) && page.toRealPath().startsWith(root.toRealPath())
                    ? Optional.of(page) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static String contentType(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    /**
     * Percent-decodes a URL path as UTF-8. Empty for malformed escapes, invalid UTF-8, and encoded
     * slashes or backslashes, which would otherwise hide a path separator from the segment check.
     */
    static Optional<String> decode(String rawPath) {
        if (rawPath == null) {
            return Optional.empty();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (i + 2 >= rawPath.length()) {
                return Optional.empty();
            }
            int value;
            try {
                value = Integer.parseInt(rawPath.substring(i + 1, i + 3), 16);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (value == '/' || value == '\\' || value == 0) {
                return Optional.empty();
            }
            bytes.write(value);
            i += 2;
        }
        var decoder = StandardCharsets.UTF_8.newDecoder();
        try {
            return Optional.of(decoder.decode(java.nio.ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (java.nio.charset.CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
