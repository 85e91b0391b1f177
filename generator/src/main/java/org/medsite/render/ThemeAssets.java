package org.medsite.render;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files under a theme's {@code static/} folder, read from the classpath (a folder during
 * development, a jar when installed). A theme's files override those of the themes it extends.
 */
public final class ThemeAssets {

    private final ClassLoader classLoader;

    public ThemeAssets(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /** Output path to file contents, sorted by path. */
    public Map<String, byte[]> read(Theme theme) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        List<String> ancestorsFirst = new ArrayList<>(theme.chain());
        Collections.reverse(ancestorsFirst);
        for (String name : ancestorsFirst) {
            String folder = Theme.folder(name) + "static";
            Enumeration<URL> roots = classLoader.getResources(folder);
            List<URL> urls = Collections.list(roots);
            // Only the first copy on the classpath counts, as for templates.
            if (!urls.isEmpty()) {
                readRoot(urls.get(0), folder, files);
            }
        }
        return files;
    }

    private static void readRoot(URL url, String folder, Map<String, byte[]> files) throws IOException {
        try {
            if (url.getProtocol().equals("file")) {
                walk(Path.of(url.toURI()), files);
            } else if (url.getProtocol().equals("jar")) {
                URI uri = url.toURI();
                FileSystem fs;
                boolean opened = false;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                    opened = true;
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                try {
                    walk(fs.getPath("/" + folder), files);
                } finally {
                    if (opened) {
                        fs.close();
                    }
                }
            } else {
                throw new IOException("cannot list theme files at " + url);
            }
        } catch (URISyntaxException e) {
            throw new IOException("bad theme location " + url, e);
        }
    }

    private static void walk(Path root, Map<String, byte[]> files) throws IOException {
        List<Path> paths;
        try (Stream<Path> stream = Files.walk(root)) {
            paths = stream.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path p : paths) {
            String rel = root.relativize(p).toString().replace('\\', '/');
            if (!rel.startsWith(".") && !rel.contains("/.")) {
                files.put(rel, Files.readAllBytes(p));
            }
        }
    }
}
