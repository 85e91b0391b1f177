package org.medsite.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a site is written, and the bookkeeping beside it. The output folder is replaced as a whole on
 * each build, so Medsite only ever replaces a folder it made itself: one that is empty, missing, or has
 * Medsite's state folder ({@code .<name>.medsite/}) beside it. It refuses folders that hold the site's
 * sources, so a wrong {@code --output} can never delete someone's work.
 */
public final class OutputFolder {

    private final Path dir;

    public OutputFolder(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path dir() {
        return dir;
    }

    /** The sibling folder with the manifest of the last build. */
    public Path stateDir() {
        return sibling(".medsite");
    }

    Path sibling(String suffix) {
        return dir.resolveSibling("." + dir.getFileName() + suffix);
    }

    /**
     * Writes a file next to the output folder, for what belongs to the site's editors rather than its
     * readers (the editorial report): never deployed with the site. Written whole, then moved into place.
     */
    public void writeBeside(String fileName, byte[] bytes) throws IOException {
        Path target = dir.resolveSibling(fileName);
        Path tmp = dir.resolveSibling("." + fileName + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Why this folder may not be used as the output of the site in {@code siteDir}, if it may not. */
    public Optional<String> problemWith(Path siteDir) throws IOException {
        Path site = siteDir.toAbsolutePath().normalize();
        Path realSite = Files.exists(site) ? site.toRealPath() : site;
        Path realDir = Files.exists(dir) ? dir.toRealPath() : dir;
        if (dir.getParent() == null) {
            return Optional.of("the output folder " + dir + " is a file system root");
        }
        if (realSite.startsWith(realDir)) {
            return Optional.of("the output folder " + dir + " contains the site itself; choose a folder such as "
                    + site.resolve("public"));
        }
        for (String source : new String[] {"content", "static", "layouts", "data", "i18n"}) {
            if (realDir.startsWith(realSite.resolve(source))) {
                return Optional.of("the output folder " + dir + " is inside the site's " + source
                        + "/ folder; choose a folder outside it, such as " + site.resolve("public"));
            }
        }
        if (Files.isSymbolicLink(dir)) {
            return Optional.of("the output folder " + dir + " is a symbolic link; give the real folder instead");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return Optional.of("the output path " + dir + " is a file, not a folder");
        }
        if (Files.isDirectory(dir) && !Files.isDirectory(stateDir()) && !isEmpty(dir)) {
            return Optional.of("the output folder " + dir + " already holds files that Medsite did not write; "
                    + "empty it or choose another folder (Medsite replaces its output folder on every build)");
        }
        return Optional.empty();
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.findAny().isEmpty();
        }
    }
}
