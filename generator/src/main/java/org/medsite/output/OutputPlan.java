package org.medsite.output;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.medsite.diagnostics.FindingCollector;

/**
 * Every file of the site to be written, by path relative to the output folder. Paths are checked when
 * added: none may leave the output folder, and two sources may not claim one file (also not two
 * spellings that differ only in case, which collide on macOS and Windows hosts).
 *
 * <p>A dev server's session adds its finished pages and its share cards as {@link Layer}s that it keeps
 * from save to save and patches for the pages finished again: planning thousands of pages one by one was
 * the longest part of a one-page save. A layer is checked as a whole when added, against the paths planned before it, and
 * paths added after it are checked against it; a layer with a problem (an unsafe path, a clash) is added
 * entry by entry instead, so that its findings are the ones an entry-by-entry plan reports.
 */
public final class OutputPlan {

    private final SortedMap<String, OutputEntry> entries = new TreeMap<>();
    /** Each path in lower case, for clashes only (never iterated): a hash map, since every file of a site goes in. */
    private final Map<String, String> lowerCase = new java.util.HashMap<>();
    private final FindingCollector findings;
    /** The layers added as a whole, in the order they were added. */
    private final List<Layer> layers = new ArrayList<>();
    /** {@link #entries} and the layer's, merged when first asked for after a change (null until then). */
    private SortedMap<String, OutputEntry> merged;

    public OutputPlan(FindingCollector findings) {
        this.findings = findings;
    }

    /**
     * Entries that a session plans together and keeps from one build to the next (its finished pages), put
     * in path order. Not thread-safe; owned by one session.
     */
    public static final class Layer {

        private final TreeMap<String, OutputEntry> entries = new TreeMap<>();
        private final Map<String, String> lowerCase = new java.util.HashMap<>();
        /** Whether a path was unsafe or clashed with another of the layer: then the layer is planned entry by entry. */
        private boolean troubled;
        /** The paths put since {@link #written()} was last called: all of them until then. */
        private final Set<String> unwritten = new java.util.HashSet<>();
        /** Counts the paths that came: a layer checked against another is checked again only when either has a new one. */
        private int pathsVersion;
        /** The layers this one was found not to clash with, and both layers' path versions then. */
        private final Map<Layer, Long> clearOf = new java.util.IdentityHashMap<>();

        /** Puts a generated file in the layer, in place of what it held at that path. */
        public void putGenerated(String path, byte[] bytes, String origin) {
            if (!isSafe(path)) {
                troubled = true;
            }
            String other = lowerCase.putIfAbsent(path.toLowerCase(Locale.ROOT), path);
            if (other != null && !other.equals(path)) {
                troubled = true;
            }
            if (entries.put(path, new OutputEntry.Generated(bytes, origin)) == null) {
                pathsVersion++;
            }
            unwritten.add(path);
        }

        public int size() {
            return entries.size();
        }

        /** What the layer holds at a path, or null. */
        public OutputEntry get(String path) {
            return entries.get(path);
        }

        /**
         * The paths put since the layer's entries were last written out ({@link #written()}): a writer that
         * wrote the layer before need look only at these.
         */
        public Set<String> unwritten() {
            return Collections.unmodifiableSet(unwritten);
        }

        /** Says that the layer's entries are written out as they are now. */
        public void written() {
            unwritten.clear();
        }

        /** Every entry of the layer, in path order. */
        public SortedMap<String, OutputEntry> entries() {
            return Collections.unmodifiableSortedMap(entries);
        }
    }

    /**
     * Plans the entries of {@code layer} after those planned so far: as if each were added in path order,
     * but without adding them one by one when none has a problem. The layer must not change while this plan
     * is in use.
     */
    public void addLayer(Layer layer) {
        if (layer.troubled || layers.contains(layer) || clashesWith(layer) || clashesWithLayers(layer)) {
            layer.entries.forEach(this::add);
            return;
        }
        layers.add(layer);
        merged = null;
    }

    /**
     * Whether a path of the layer is one of an earlier layer's in any spelling. Two layers found clear of each
     * other stay so while neither gets a new path (a session's save patches its layers' entries only).
     */
    private boolean clashesWithLayers(Layer layer) {
        for (Layer other : layers) {
            long versions = ((long) layer.pathsVersion << 32) | (other.pathsVersion & 0xffffffffL);
            Long clear = layer.clearOf.get(other);
            if (clear != null && clear == versions) {
                continue;
            }
            Layer fewer = layer.entries.size() <= other.entries.size() ? layer : other;
            Layer more = fewer == layer ? other : layer;
            for (String path : fewer.entries.keySet()) {
                if (more.lowerCase.containsKey(path.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
            layer.clearOf.put(other, versions);
        }
        return false;
    }

    /** Whether a path planned so far is one of the layer's in another spelling (the same path is a clash too). */
    private boolean clashesWith(Layer layer) {
        // The fewer paths are looked up in the other's index.
        if (entries.size() <= layer.entries.size()) {
            for (String path : entries.keySet()) {
                if (layer.lowerCase.containsKey(path.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
            return false;
        }
        for (String path : layer.entries.keySet()) {
            if (lowerCase.containsKey(path.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    public void addGenerated(String path, String text, String origin) {
        add(path, new OutputEntry.Generated(text.getBytes(StandardCharsets.UTF_8), origin));
    }

    public void addGenerated(String path, byte[] bytes, String origin) {
        add(path, new OutputEntry.Generated(bytes, origin));
    }

    /** Plans the file the last build wrote at {@code path} to stay as it is (see {@link OutputEntry.Unchanged}). */
    public void addUnchanged(String path, Path file, String hash, long size, String origin) {
        add(path, new OutputEntry.Unchanged(file, hash, size, origin));
    }

    /** Plans a file the build made in its state folder to be placed as it is (see {@link OutputEntry.Stored}). */
    public void addStored(String path, Path file, String hash, long size, String origin) {
        add(path, new OutputEntry.Stored(file, hash, size, origin));
    }

    public void addCopy(String path, Path source, String origin) {
        add(path, new OutputEntry.Copied(source, origin));
    }

    /** Puts generated bytes in place of what a path was planned to hold (a file made from the site's own). */
    public void replace(String path, byte[] bytes, String origin) {
        for (Layer layer : List.copyOf(layers)) {
            if (layer.entries.containsKey(path)) {
                dissolve(layer);
            }
        }
        entries.remove(path);
        lowerCase.remove(path.toLowerCase(Locale.ROOT));
        merged = null;
        addGenerated(path, bytes, origin);
    }

    /** What a path is planned to hold, or null: a look-up that needs no merged map of the layer's entries. */
    public OutputEntry entry(String path) {
        OutputEntry entry = entries.get(path);
        for (int i = 0; entry == null && i < layers.size(); i++) {
            entry = layers.get(i).entries.get(path);
        }
        return entry;
    }

    /** Whether a path is already planned. */
    public boolean contains(String path) {
        return entry(path) != null;
    }

    private void add(String path, OutputEntry entry) {
        if (!isSafe(path)) {
            findings.error("output.unsafe-path", entry.origin(), 0, "output path '" + path
                    + "' would leave the output folder; use plain names without '..', '\\' or a leading '/'");
            return;
        }
        String lower = path.toLowerCase(Locale.ROOT);
        String other = layers.isEmpty() ? null : layerOrigin(lower);
        if (other == null) {
            other = lowerCase.putIfAbsent(lower, entry.origin());
        }
        if (other != null) {
            findings.error("output.clash", entry.origin(), 0, "its output file " + path + " is also produced by "
                    + other + "; rename or move one of them");
            return;
        }
        entries.put(path, entry);
        merged = null;
    }

    /** The origin of a layer's entry at a lower-case path, or null. */
    private String layerOrigin(String lower) {
        for (Layer layer : layers) {
            String path = layer.lowerCase.get(lower);
            if (path != null) {
                return layer.entries.get(path).origin();
            }
        }
        return null;
    }

    /** Plans a layer's entries as this plan's own, so that one of them can be replaced. */
    private void dissolve(Layer dissolved) {
        layers.remove(dissolved);
        merged = null;
        dissolved.entries.forEach((path, entry) -> {
            entries.put(path, entry);
            lowerCase.put(path.toLowerCase(Locale.ROOT), entry.origin());
        });
    }

    /** Relative, forward-slash paths made of ordinary names only. */
    static boolean isSafe(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("\0")
                || path.contains(":") || path.endsWith("/")) {
            return false;
        }
        // Segment by segment without splitting: every file of a site is checked on every build and save.
        int start = 0;
        while (start <= path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            int length = end - start;
            if (length == 0 || length <= 2 && path.startsWith(length == 1 ? "." : "..", start)) {
                return false;
            }
            start = end + 1;
        }
        return true;
    }

    public SortedMap<String, OutputEntry> entries() {
        if (layers.isEmpty()) {
            return Collections.unmodifiableSortedMap(entries);
        }
        if (merged == null) {
            // The maps are in path order: the merged map is built in one pass, not by a look-up per entry.
            merged = Collections.unmodifiableSortedMap(new TreeMap<>(inOrder()));
        }
        return merged;
    }

    /** Every entry, the layers' too, in path order, read as it is asked for: no merged copy is made. */
    private SortedMap<String, OutputEntry> inOrder() {
        SortedMap<String, OutputEntry> all = entries;
        for (Layer layer : layers) {
            all = new Merged(all, layer.entries);
        }
        return all;
    }

    /** Every entry, the layers' too, in path order: for a pass over the plan that needs no map. */
    public Iterable<Map.Entry<String, OutputEntry>> entriesInOrder() {
        return layers.isEmpty() ? Collections.unmodifiableSortedMap(entries).entrySet() : inOrder().entrySet();
    }

    /** The planned paths, in order: with a layer, a view of both maps rather than a merged copy. */
    public Set<String> paths() {
        if (layers.isEmpty()) {
            return Collections.unmodifiableSet(entries.keySet());
        }
        return new java.util.AbstractSet<>() {
            @Override
            public int size() {
                return OutputPlan.this.size();
            }

            @Override
            public boolean contains(Object path) {
                return path instanceof String p && OutputPlan.this.contains(p);
            }

            @Override
            public java.util.Iterator<String> iterator() {
                java.util.Iterator<Map.Entry<String, OutputEntry>> merged = inOrder().entrySet().iterator();
                return new java.util.Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return merged.hasNext();
                    }

                    @Override
                    public String next() {
                        return merged.next().getKey();
                    }
                };
            }
        };
    }

    /** How many files are planned. */
    public int size() {
        int size = entries.size();
        for (Layer layer : layers) {
            size += layer.size();
        }
        return size;
    }

    /** The layers added as a whole. */
    public List<Layer> layers() {
        return Collections.unmodifiableList(layers);
    }

    /** The entries planned one by one, in path order: every entry but the layers'. */
    public SortedMap<String, OutputEntry> entriesOutsideLayers() {
        return Collections.unmodifiableSortedMap(entries);
    }

    /**
     * Two sorted maps without a common key, read once in path order: all that {@link TreeMap#TreeMap(SortedMap)}
     * reads of a map (its size, comparator and entries) to build itself in one pass.
     */
    private static final class Merged extends java.util.AbstractMap<String, OutputEntry>
            implements SortedMap<String, OutputEntry> {

        private final SortedMap<String, OutputEntry> a;
        private final SortedMap<String, OutputEntry> b;

        Merged(SortedMap<String, OutputEntry> a, SortedMap<String, OutputEntry> b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public int size() {
            return a.size() + b.size();
        }

        @Override
        public java.util.Comparator<? super String> comparator() {
            return null;
        }

        @Override
        public Set<Map.Entry<String, OutputEntry>> entrySet() {
            return new java.util.AbstractSet<>() {
                @Override
                public int size() {
                    return Merged.this.size();
                }

                @Override
                public java.util.Iterator<Map.Entry<String, OutputEntry>> iterator() {
                    java.util.Iterator<Map.Entry<String, OutputEntry>> left = a.entrySet().iterator();
                    java.util.Iterator<Map.Entry<String, OutputEntry>> right = b.entrySet().iterator();
                    return new java.util.Iterator<>() {
                        private Map.Entry<String, OutputEntry> l = left.hasNext() ? left.next() : null;
                        private Map.Entry<String, OutputEntry> r = right.hasNext() ? right.next() : null;

                        @Override
                        public boolean hasNext() {
                            return l != null || r != null;
                        }

                        @Override
                        public Map.Entry<String, OutputEntry> next() {
                            if (l == null && r == null) {
                                throw new java.util.NoSuchElementException();
                            }
                            Map.Entry<String, OutputEntry> next;
                            if (r == null || l != null && l.getKey().compareTo(r.getKey()) < 0) {
                                next = l;
                                l = left.hasNext() ? left.next() : null;
                            } else {
                                next = r;
                                r = right.hasNext() ? right.next() : null;
                            }
                            return next;
                        }
                    };
                }
            };
        }

        @Override
        public SortedMap<String, OutputEntry> subMap(String from, String to) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SortedMap<String, OutputEntry> headMap(String to) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SortedMap<String, OutputEntry> tailMap(String from) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String firstKey() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String lastKey() {
            throw new UnsupportedOperationException();
        }
    }
}
