package org.medsite.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medsite.diagnostics.FindingCollector;

/**
 * The discover stage: walks {@code content/} and {@code static/} and classifies what it finds. Reads
 * no file contents. Symbolic links are followed only when they stay inside the site folder: content
 * must never pull in files from elsewhere on the machine.
 */
public final class ContentDiscovery {

    public static final String CONTENT_DIR = "content";
    public static final String STATIC_DIR = "static";
    public static final String LAYOUTS_DIR = "layouts";

    /** A Markdown source's name: its stem, its language if any, its suffix. */
    static final Pattern MARKDOWN = Pattern.compile("(?<stem>.+?)(\\.(?<lang>[a-z]{2,3}(-[a-zA-Z]{2,4})?))?\\.(md|markdown)");

    private final Set<String> languages;

    /** @param languages the site's languages: {@code flu.es.md} is a Spanish page only if {@code es} is one */
    public ContentDiscovery(Set<String> languages) {
        this.languages = Set.copyOf(languages);
    }

    /** Discovers the sources of the site in {@code siteDir}. */
    public SiteSources discover(Path siteDir, FindingCollector findings) throws IOException {
        Path site = siteDir.toRealPath();
        Path content = site.resolve(CONTENT_DIR);
        List<String> files = Files.isDirectory(content) ? walk(site, content, findings) : List.of();

        Set<String> bundleDirs = new java.util.TreeSet<>();
        // Each file's name matched once, for both passes.
        List<Optional<Matcher>> matches = new ArrayList<>(files.size());
        for (String path : files) {
            Optional<Matcher> m = markdown(name(path));
            matches.add(m);
            if (m.isPresent() && isIndex(m.get()) && !parent(path).isEmpty()) {
                bundleDirs.add(parent(path));
            }
        }

        List<ContentSource> pages = new ArrayList<>();
        List<StaticFile> statics = new ArrayList<>();
        TreeMap<String, List<String>> resources = new TreeMap<>();
        for (int i = 0; i < files.size(); i++) {
            String path = files.get(i);
            String bundle = enclosingBundle(path, bundleDirs);
            Matcher m = matches.get(i).orElse(null);
            boolean markdown = m != null;
            if (bundle != null && !(markdown && parent(path).equals(bundle) && isIndex(m))) {
                if (markdown) {
                    findings.warning("content.bundle-markdown", CONTENT_DIR + "/" + path, 0, "Markdown file inside the "
                            + "page bundle '" + bundle + "' is not a page; move it out of the folder or name it index.md");
                }
                resources.computeIfAbsent(bundle, k -> new ArrayList<>()).add(path);
                statics.add(new StaticFile(content.resolve(path), path, CONTENT_DIR + "/" + path));
                continue;
            }
            if (!markdown) {
                statics.add(new StaticFile(content.resolve(path), path, CONTENT_DIR + "/" + path));
                continue;
            }
            Optional<String> lang = Optional.ofNullable(m.group("lang")).filter(languages::contains);
            String stem = lang.isPresent() || m.group("lang") == null ? m.group("stem")
                    : m.group("stem") + "." + m.group("lang");
            String parent = parent(path);
            if (stem.equals("_index")) {
                pages.add(new ContentSource(content.resolve(path), path, parent.isEmpty() ? SourceKind.HOME
                        : SourceKind.SECTION, lang, parent, name(parent), List.of()));
            } else if (stem.equals("index") && !parent.isEmpty()) {
                pages.add(new ContentSource(content.resolve(path), path, SourceKind.BUNDLE, lang, parent(parent),
                        name(parent), List.of()));
            } else if (stem.equals("index")) {
                findings.warning("content.root-index", CONTENT_DIR + "/" + path, 0,
                        "the home page is content/_index.md; content/index.md is treated as that");
                pages.add(new ContentSource(content.resolve(path), path, SourceKind.HOME, lang, "", "", List.of()));
            } else {
                pages.add(new ContentSource(content.resolve(path), path, SourceKind.PAGE, lang, parent, stem, List.of()));
            }
        }
        // Attach bundle resources now that all of them are known.
        List<ContentSource> withResources = new ArrayList<>();
        for (ContentSource source : pages) {
            if (source.kind() == SourceKind.BUNDLE) {
                String dir = parent(source.path());
                withResources.add(new ContentSource(source.file(), source.path(), source.kind(), source.lang(),
                        source.folder(), source.baseName(), resources.getOrDefault(dir, List.of())));
            } else {
                withResources.add(source);
            }
        }

        Path staticDir = site.resolve(STATIC_DIR);
        if (Files.isDirectory(staticDir)) {
            for (String path : walk(site, staticDir, findings)) {
                statics.add(new StaticFile(staticDir.resolve(path), path, STATIC_DIR + "/" + path));
            }
        }
        return new SiteSources(withResources, statics, Files.isDirectory(site.resolve(LAYOUTS_DIR)));
    }

    /**
     * Files under {@code root}, relative and sorted; hidden files and editor backups skipped. Links are
     * not followed into folders; a linked file is used only when its target lies inside the site.
     *
     * <p>Each entry's type comes from the walk's own look at it: a separate look per file to ask whether it
     * is a link and whether it is a regular file was two of the system calls every build made per source
     * (issue #11). Only a link is looked at again, through the link.
     */
    private static List<String> walk(Path site, Path root, FindingCollector findings) throws IOException {
        List<String> result = new ArrayList<>();
        Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                // Everything under an ignored folder is ignored (the rule looks at every segment).
                return !dir.equals(root) && isIgnored(relative(root, dir)) ? java.nio.file.FileVisitResult.SKIP_SUBTREE
                        : java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(Path p, BasicFileAttributes attrs) {
                String rel = relative(root, p);
                // The root itself, when it is a link: not followed, as the walk does not follow links.
                if (rel.isEmpty() || isIgnored(rel)) {
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
                if (attrs.isRegularFile()) {
                    result.add(rel);
                } else if (attrs.isSymbolicLink()) {
                    String shown = relative(site, p);
                    Path target;
                    try {
                        target = p.toRealPath();
                    } catch (IOException e) {
                        findings.error("content.broken-link", shown, 0, "symbolic link points to a missing file");
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }
                    if (!target.startsWith(site)) {
                        findings.error("content.outside-link", shown, 0,
                                "symbolic link points outside the site folder; copy the file into the site instead");
                    } else if (Files.isRegularFile(p)) {
                        result.add(rel);
                    }
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
        result.sort(null);
        return result;
    }

    /** {@code p} relative to {@code base}, with forward slashes on every system. */
    private static String relative(Path base, Path p) {
        return base.relativize(p).toString().replace('\\', '/');
    }

    /**
     * Whether a file of {@code content/} is a Markdown source (else it is copied as it is): the one rule, for
     * discovery and for the build cache's fingerprint, which must see the same sources.
     */
    public static boolean isMarkdown(String fileName) {
        // What MARKDOWN matches, without running it: the fingerprint asks this of every file of every build, and
        // the pattern's lazy stem and optional language were a per-page cost of a one-page rebuild (issue #11).
        // A stem the pattern's '.' takes (no line terminator), then the suffix; the language is part of the stem.
        int stem = fileName.endsWith(".md") ? fileName.length() - 3
                : fileName.endsWith(".markdown") ? fileName.length() - 9 : 0;
        if (stem <= 0) {
            return false;
        }
        for (int i = 0; i < stem; i++) {
            char c = fileName.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    /** The Markdown pattern's match of a file name (its stem and language), where {@link #isMarkdown} holds. */
    private static Optional<Matcher> markdown(String fileName) {
        if (!isMarkdown(fileName)) {
            return Optional.empty();
        }
        Matcher m = MARKDOWN.matcher(fileName);
        return m.matches() ? Optional.of(m) : Optional.empty();
    }

    /** Whether a path (relative, forward slashes) names a hidden file or an editor's backup or swap file. */
    public static boolean isIgnored(String rel) {
        for (String segment : rel.split("/")) {
            if (segment.startsWith(".") || segment.endsWith("~") || segment.startsWith("#")
                    || segment.endsWith(".swp") || segment.endsWith(".tmp")) {
                return true;
            }
        }
        return false;
    }

    /** {@code index.md}, or {@code index.<lang>.md} for one of the site's languages. */
    private boolean isIndex(Matcher m) {
        return m.group("stem").equals("index") && (m.group("lang") == null || languages.contains(m.group("lang")));
    }

    private static String enclosingBundle(String path, Set<String> bundleDirs) {
        String dir = parent(path);
        while (!dir.isEmpty()) {
            if (bundleDirs.contains(dir)) {
                return dir;
            }
            dir = parent(dir);
        }
        return null;
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
