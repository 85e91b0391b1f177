package org.medsite.api;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.medsite.config.SiteConfigLoader;
import org.medsite.content.ContentDiscovery;
import org.medsite.content.DataFiles;
import org.medsite.render.Theme;
import org.medsite.render.Translations;

/**
 * A warm build of one site, kept in memory for a dev server: the first {@link #build()} runs every
 * stage; each {@link #rebuild(Collection)} is told which files changed and redoes only what they
 * affect. Settings, theme, parsed files, rendered Markdown and pages, and what each page's templates
 * read are kept between builds.
 *
 * <p>Not thread-safe: one build at a time.
 */
public final class BuildSession implements AutoCloseable {

    private final BuildOptions options;
    private final BuildListener listener;
    private final StageResults results = StageResults.kept();

    BuildSession(BuildOptions options, BuildListener listener) {
        this.options = options;
        this.listener = listener;
    }

    /** Builds the whole site, forgetting nothing it may reuse (settings may have changed). */
    public Rebuild build() throws MedsiteException {
        return run(SiteChanges.EVERYTHING);
    }

    /**
     * Builds the site again after {@code changed} files (absolute paths, created, edited or deleted)
     * changed. Files outside the site's sources are ignored; when none is left, nothing is built and
     * the result is empty.
     */
    public Optional<Rebuild> rebuild(Collection<Path> changed) throws MedsiteException {
        SiteChanges changes = classify(changed);
        if (changes.none()) {
            return Optional.empty();
        }
        return Optional.of(run(changes));
    }

    private Rebuild run(SiteChanges changes) throws MedsiteException {
        BuildResult result = new Pipeline(options, listener, results, changes).run(BuildMode.BUILD);
        return new Rebuild(result, results.lastChanged);
    }

    /**
     * Ends the session: other builds may write the output folder again. A session holds the folder's
     * lock from its first build on, so that no other build replaces the files a dev server serves.
     */
    @Override
    public void close() {
        results.releaseLock();
    }

    public Path siteDir() {
        return options.siteDir();
    }

    public Path outputDir() {
        return options.outputDir();
    }

    /**
     * The folders and files whose changes matter: the site's sources, and each theme of the site that
     * is a folder on disk (a theme being developed beside the site) rather than inside a jar.
     */
    public List<Path> sources() {
        Path site = options.siteDir();
        List<Path> paths = new ArrayList<>(List.of(site.resolve(SiteConfigLoader.FILE_NAME),
                site.resolve(ContentDiscovery.CONTENT_DIR), site.resolve(DataFiles.DATA_DIR),
                site.resolve(ContentDiscovery.STATIC_DIR), site.resolve(ContentDiscovery.LAYOUTS_DIR),
                site.resolve(Translations.DIR)));
        paths.addAll(themeFolders());
        return paths;
    }

    /** The folders on disk of the site's theme and the themes it extends. */
    private List<Path> themeFolders() {
        List<Path> folders = new ArrayList<>();
        if (results.shared == null) {
            return folders;
        }
        for (String name : results.shared.theme().chain()) {
            URL descriptor = options.classLoader().getResource(Theme.folder(name) + "theme.yaml");
            if (descriptor != null && descriptor.getProtocol().equals("file")) {
                try {
                    folders.add(Path.of(descriptor.toURI()).getParent());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    // Not a plain file path: the theme cannot be watched, and is used as it was loaded.
                }
            }
        }
        return folders;
    }

    /** Sorts changed paths by what they make the pipeline redo. */
    SiteChanges classify(Collection<Path> changed) {
        Path site = options.siteDir();
        boolean everything = false;
        boolean discover = false;
        boolean themeFiles = false;
        Set<String> content = new HashSet<>();
        Set<String> outputs = new HashSet<>();
        Set<String> templates = new HashSet<>();
        Set<String> knownPages = new HashSet<>();
        Set<String> knownFiles = new HashSet<>();
        if (results.sources != null) {
            results.sources.pages().forEach(p -> knownPages.add(p.path()));
            results.sources.staticFiles().forEach(f -> knownFiles.add(f.origin()));
        }
        List<Path> themes = themeFolders();
        for (Path path : changed) {
            Path absolute = path.toAbsolutePath().normalize();
            Optional<Path> theme = themes.stream().filter(absolute::startsWith).findFirst();
            if (theme.isPresent()) {
                String rel = relative(theme.get(), absolute);
                if (ContentDiscovery.isIgnored(rel)) {
                    continue;
                }
                if (rel.startsWith(ContentDiscovery.LAYOUTS_DIR + "/")) {
                    templates.add(rel.substring(ContentDiscovery.LAYOUTS_DIR.length() + 1));
                } else if (rel.startsWith(ContentDiscovery.STATIC_DIR + "/")) {
                    themeFiles = true;
                } else {
                    everything = true; // theme.yaml, i18n/
                }
                continue;
            }
            if (!absolute.startsWith(site)) {
                continue;
            }
            String rel = relative(site, absolute);
            if (rel.isEmpty() || ContentDiscovery.isIgnored(rel)) {
                continue;
            }
            String top = rel.contains("/") ? rel.substring(0, rel.indexOf('/')) : rel;
            String inside = rel.substring(top.length()).replaceFirst("^/", "");
            boolean isFile = Files.isRegularFile(absolute);
            switch (top) {
                case SiteConfigLoader.FILE_NAME, DataFiles.DATA_DIR, Translations.DIR -> everything = true;
                case ContentDiscovery.CONTENT_DIR -> {
                    if (inside.endsWith(".md") || inside.endsWith(".markdown")) {
                        content.add(inside);
                        discover |= !isFile || !knownPages.contains(inside);
                    } else {
                        outputs.add(inside);
                        discover |= !isFile || !knownFiles.contains(rel);
                    }
                }
                case ContentDiscovery.STATIC_DIR -> {
                    outputs.add(inside);
                    discover |= !isFile || !knownFiles.contains(rel);
                }
                case ContentDiscovery.LAYOUTS_DIR -> {
                    if (inside.isEmpty()) {
                        everything = true; // layouts/ itself came or went
                    } else {
                        templates.add(inside);
                        // A renamed folder of templates: its templates' names are not known here.
                        everything |= Files.isDirectory(absolute) || !isFile && !inside.contains(".");
                    }
                }
                default -> {
                    // Not a source (the output folder, a README, a build folder).
                }
            }
        }
        return new SiteChanges(everything, discover || everything, content, outputs, templates, themeFiles);
    }

    /** The ids of the pages whose templates the last build ran: what a change cost. */
    List<String> renderedPages() {
        return results.lastRendered;
    }

    private static String relative(Path base, Path path) {
        return base.relativize(path).toString().replace('\\', '/');
    }
}
