package org.medsite.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A site written inline by a test, in Hugo's style: a few files, then assertions on the output. */
final class TestSite {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    final Path dir;
    final Path out;

    TestSite(Path root) {
        this.dir = root.resolve("site");
        this.out = root.resolve("out");
    }

    TestSite file(String path, String text) {
        try {
            Path p = dir.resolve(path);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TestSite bytes(String path, byte[] bytes) {
        try {
            Path p = dir.resolve(path);
            Files.createDirectories(p.getParent());
            Files.write(p, bytes);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Medsite medsite() {
        return Medsite.forSite(dir).outputDir(out).now(NOW);
    }

    BuildResult build() throws MedsiteException {
        return medsite().build();
    }

    String read(String outputPath) throws IOException {
        return Files.readString(out.resolve(outputPath), StandardCharsets.UTF_8);
    }

    /**
     * The entries of a search index, in order: its manifest ({@code search-index.json},
     * {@code es/search-index.json}) read with the chunks it lists, as the theme's search script does.
     */
    com.fasterxml.jackson.databind.JsonNode searchIndex(String manifestPath) throws IOException {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var manifest = json.readTree(read(manifestPath));
        Path folder = out.resolve(manifestPath).getParent();
        var entries = json.createArrayNode();
        for (var chunk : manifest.get("chunks")) {
            entries.addAll((com.fasterxml.jackson.databind.node.ArrayNode) json.readTree(
                    Files.readString(folder.resolve(chunk.asText()), StandardCharsets.UTF_8)));
        }
        return entries;
    }

    /** Every output file's bytes, by relative path. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.exists(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(dir.relativize(p).toString(), new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }
}
