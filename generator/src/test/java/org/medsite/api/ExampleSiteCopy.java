package org.medsite.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A copy of the repository's example site, for tests that edit a real site and build it again. */
final class ExampleSiteCopy {

    /** The example site's sources; its build output and Maven files are not part of the site. */
    private static final List<String> SOURCES = List.of("site.yaml", "content", "data", "static");

    private ExampleSiteCopy() {
    }

    /** Copies the example site's sources into {@code site}, which need not exist. */
    static void into(Path site) throws IOException {
        Path example = Path.of("..", "example-site").toAbsolutePath().normalize();
        for (String part : SOURCES) {
            copy(example.resolve(part), site.resolve(part));
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        List<Path> all;
        try (Stream<Path> walk = Files.walk(from)) {
            all = walk.toList();
        }
        for (Path p : all) {
            Path target = to.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p)) {
                Files.createDirectories(target);
            } else {
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
            }
        }
    }
}
