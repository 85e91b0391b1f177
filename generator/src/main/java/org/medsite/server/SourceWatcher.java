package org.medsite.server;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Watches a site's source folders, recursively, and hands over the changed paths in batches. A batch
 * ends after a quiet period, so an editor's save (write a temporary file, rename it over the original,
 * touch a backup) or a {@code git checkout} of many files is one rebuild, not dozens.
 *
 * <p>The JDK's {@link WatchService} watches single folders: each folder is registered, and folders
 * created later (including a renamed one) are registered as they appear, their files reported as
 * created. The site folder itself is watched too, for {@code site.yaml} and for source folders that
 * do not exist yet.
 */
final class SourceWatcher implements AutoCloseable {

    private final WatchService service;
    private final Path siteDir;
    private final List<Path> roots;
    private final Duration quietPeriod;
    private final Map<WatchKey, Path> folders = new HashMap<>();

    /**
     * @param siteDir the site folder (watched for its top-level entries)
     * @param roots the folders and files whose changes matter; folders are watched recursively
     * @param quietPeriod how long no change must come before a batch is handed over
     */
    SourceWatcher(Path siteDir, List<Path> roots, Duration quietPeriod) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        this.siteDir = siteDir.toAbsolutePath().normalize();
        this.roots = roots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.quietPeriod = quietPeriod;
        register(this.siteDir);
        for (Path root : this.roots) {
            if (Files.isDirectory(root) && !root.equals(this.siteDir)) {
                registerTree(root, new ArrayList<>());
            }
        }
    }

    /**
     * Waits for changes and returns them once they have settled. Empty when the watcher was closed.
     */
    List<Path> next() throws InterruptedException {
        Set<Path> changed = new LinkedHashSet<>();
        try {
            WatchKey key = service.take();
            collect(key, changed);
            while (true) {
                WatchKey more = service.poll(quietPeriod.toMillis(), TimeUnit.MILLISECONDS);
                if (more == null) {
                    if (!changed.isEmpty()) {
                        break;
                    }
                    more = service.take(); // only events of no interest so far
                }
                collect(more, changed);
            }
        } catch (ClosedWatchServiceException e) {
            return List.of();
        }
        return List.copyOf(changed);
    }

    private void collect(WatchKey key, Set<Path> changed) {
        Path folder = folders.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                // Events were lost: say the settings changed, which rebuilds everything.
                changed.add(siteDir.resolve("site.yaml"));
                continue;
            }
            if (folder == null) {
                continue;
            }
            Path path = folder.resolve((Path) event.context());
            if (folder.equals(siteDir) && !isRoot(path)) {
                continue; // the output folder, a README, ...
            }
            changed.add(path);
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path)) {
                // A new or renamed-in folder: watch it, and report what it already holds.
                try {
                    registerTree(path, changed);
                } catch (IOException e) {
                    changed.add(path);
                }
            }
        }
        if (!key.reset()) {
            folders.remove(key); // the folder is gone; its deletion was reported by its parent
        }
    }

    private boolean isRoot(Path path) {
        return roots.contains(path);
    }

    private void registerTree(Path root, java.util.Collection<Path> found) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                register(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                found.add(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void register(Path dir) throws IOException {
        WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
        folders.put(key, dir);
    }

    @Override
    public void close() throws IOException {
        service.close();
    }
}
