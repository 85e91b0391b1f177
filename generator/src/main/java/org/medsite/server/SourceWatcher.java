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
import java.util.function.Function;

/**
 * Watches a site's source folders, recursively, and hands over the changed paths in batches. A batch
 * ends after a quiet period, so an editor's save (write a temporary file, rename it over the original,
 * touch a backup) or a {@code git checkout} of many files is one rebuild, not dozens. The quiet period is
 * short while every changed file is whole, since the save that rebuilds is then complete, and longer
 * while one is gone or empty, the state between an editor's steps (see {@link #halfSaved}). A batch
 * of whole files ends only once each file is as it was at its last event (size and modification time):
 * a change whose event is still on its way keeps the batch open, so the short quiet period need not
 * cover the events' delivery.
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
    private final Duration halfSavedQuietPeriod;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    /** The changed paths of the batch being collected that look half-saved (see {@link #halfSaved}). */
    private final Set<Path> halfSaved = new java.util.HashSet<>();
    /** What each changed path of the batch being collected was at its last event. */
    private final Map<Path, FileState> seen = new HashMap<>();
    private final Function<Path, FileState> stateOf;
    /** When the last batch's first and last events came and when it settled; read by the thread calling next. */
    private BatchTimes lastBatch = new BatchTimes(0, 0, 0);

    /**
     * When a batch's first and last events of interest came and when its quiet period ended
     * ({@link System#nanoTime()}): where a dev server's save-to-reload time goes before the rebuild.
     */
    record BatchTimes(long firstEvent, long lastEvent, long settled) {
    }

    /**
     * How long no change must come before a batch is handed over while one of its files looks half-saved:
     * an editor is in the middle of a save, whose next step (the write after the truncation, the rename
     * after the deletion) is on its way.
     */
    static final Duration HALF_SAVED_QUIET_PERIOD = Duration.ofMillis(100);

    /**
     * @param siteDir the site folder (watched for its top-level entries)
     * @param roots the folders and files whose changes matter; folders are watched recursively
     * @param quietPeriod how long no change must come before a batch is handed over, when every file it
     *     names is whole and unchanged since its last event (otherwise {@link #HALF_SAVED_QUIET_PERIOD},
     *     if longer)
     */
    SourceWatcher(Path siteDir, List<Path> roots, Duration quietPeriod) throws IOException {
        this(siteDir, roots, quietPeriod, HALF_SAVED_QUIET_PERIOD);
    }

    SourceWatcher(Path siteDir, List<Path> roots, Duration quietPeriod, Duration halfSavedQuietPeriod)
            throws IOException {
        this(siteDir, roots, quietPeriod, halfSavedQuietPeriod, FileState::of);
    }

    /** @param stateOf how a path's state is read (a test stands in for a file whose events come late) */
    SourceWatcher(Path siteDir, List<Path> roots, Duration quietPeriod, Duration halfSavedQuietPeriod,
            Function<Path, FileState> stateOf) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        this.siteDir = siteDir.toAbsolutePath().normalize();
        this.roots = roots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.quietPeriod = quietPeriod;
        this.halfSavedQuietPeriod = halfSavedQuietPeriod.compareTo(quietPeriod) < 0 ? quietPeriod : halfSavedQuietPeriod;
        this.stateOf = stateOf;
        register(this.siteDir);
        for (Path root : this.roots) {
            if (Files.isDirectory(root) && !root.equals(this.siteDir)) {
                registerTree(root, new ArrayList<>());
            }
        }
    }

    /**
     * What a path is on disk: gone, or a file or folder of a size and modification time. Read once per
     * event, and once more for every changed path when a batch of whole files falls quiet.
     */
    record FileState(boolean exists, boolean regularFile, long size, long modified) {

        static final FileState GONE = new FileState(false, false, 0, 0);

        static FileState of(Path path) {
            try {
                BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
                return new FileState(true, a.isRegularFile(), a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
            } catch (IOException e) {
                return GONE; // gone, or gone between the two looks
            }
        }
    }

    /**
     * Waits for changes and returns them once they have settled. Empty when the watcher was closed.
     */
    List<Path> next() throws InterruptedException {
        Set<Path> changed = new LinkedHashSet<>();
        halfSaved.clear();
        seen.clear();
        long first = 0;
        long last = 0;
        try {
            WatchKey key = service.take();
            last = System.nanoTime();
            collect(key, changed);
            first = changed.isEmpty() ? 0 : last;
            while (true) {
                Duration quiet = halfSaved.isEmpty() ? quietPeriod : halfSavedQuietPeriod;
                WatchKey more = service.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
                if (more == null) {
                    if (!changed.isEmpty() && (!halfSaved.isEmpty() || stillAsSeen())) {
                        break;
                    }
                    if (changed.isEmpty()) {
                        more = service.take(); // only events of no interest so far
                    } else {
                        continue; // a file changed after its last event: its event is on its way
                    }
                }
                last = System.nanoTime();
                collect(more, changed);
                first = first == 0 && !changed.isEmpty() ? last : first;
            }
        } catch (ClosedWatchServiceException e) {
            return List.of();
        }
        lastBatch = new BatchTimes(first, last, System.nanoTime());
        return List.copyOf(changed);
    }

    /**
     * Whether every changed path is as it was at its last event. A path that is not is taken as seen now
     * (and as half-saved if it now is), so that the next quiet period decides.
     */
    private boolean stillAsSeen() {
        boolean still = true;
        for (Map.Entry<Path, FileState> e : seen.entrySet()) {
            FileState now = stateOf.apply(e.getKey());
            if (!now.equals(e.getValue())) {
                still = false;
                e.setValue(now);
                if (halfSaved(e.getKey(), now)) {
                    halfSaved.add(e.getKey());
                }
            }
        }
        return still;
    }

    /** The times of the batch {@link #next()} returned last. */
    BatchTimes lastBatch() {
        return lastBatch;
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
            // Every change of a path comes as an event, so its last event tells whether it is whole now.
            FileState state = stateOf.apply(path);
            seen.put(path, state);
            if (halfSaved(path, state)) {
                halfSaved.add(path);
            } else {
                halfSaved.remove(path);
            }
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && state.exists() && !state.regularFile()
                    && Files.isDirectory(path)) {
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

    /**
     * Whether a changed path looks like the middle of an editor's save: gone (saved by deleting or renaming
     * the file away, then writing it anew) or empty (saved by truncating, then writing). Editors' own
     * backup, swap and lock files ({@code flu.md~}, {@code .flu.md.swp}) come and go and are not sources.
     * A page deleted or emptied on purpose only waits the longer quiet period.
     */
    private static boolean halfSaved(Path path, FileState state) {
        Path name = path.getFileName();
        if (name == null || org.medsite.content.ContentDiscovery.isIgnored(name.toString())) {
            return false;
        }
        return !state.exists() || state.regularFile() && state.size() == 0;
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
