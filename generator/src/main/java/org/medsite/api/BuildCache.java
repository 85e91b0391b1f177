package org.medsite.api;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.medsite.cache.ContentDigest;
import org.medsite.cache.FileHashes;
import org.medsite.config.SiteConfigLoader;
import org.medsite.content.ContentDiscovery;
import org.medsite.content.DataFiles;
import org.medsite.diagnostics.Finding;
import org.medsite.diagnostics.Severity;
import org.medsite.output.EditorialReport;
import org.medsite.output.OutputFolder;
import org.medsite.postprocess.ImageSizes;
import org.medsite.render.Translations;

/**
 * The build cache across runs (issue #11): a fingerprint of everything a one-off build reads, kept in the
 * output's state folder with what that build reported. When the next build's fingerprint is the same and
 * the output folder still holds what that build wrote, the build's result is the recorded one and no stage
 * runs; CI and {@code mvn package} then pay for hashing the inputs only.
 *
 * <p>The fingerprint covers the site's inputs ({@code site.yaml}, {@code content/}, {@code data/},
 * {@code static/}, {@code layouts/}, {@code i18n/}: paths and bytes), the build's options, the day of the
 * build's clock (review and publish dates are read against it), and the code and themes on the class path
 * (jars by path, size and modification time, folders by content). When unsure it invalidates: a page dated
 * later in the day, an earlier clock, a changed manifest or a missing output file all mean a full build.
 * A cache file that cannot be read is ignored (a debug message says why), never a failed build.
 *
 * <p>When the fingerprint differs, the build still reuses per page what the change left valid (the
 * {@link org.medsite.cache.PageCache}, through {@link CachedStages}), keyed by the parts of the fingerprint
 * in {@link Fingerprint}.
 */
final class BuildCache {

    static final String FILE = "build-cache.bin";
    private static final String MAGIC = "medsite build cache";
    /** Bumped whenever the file's layout or the fingerprint's recipe changes. */
    private static final int FORMAT = 3;
    private static final String MANIFEST = "manifest.txt";

    /**
     * What one successful build reported, and the conditions under which it still holds.
     *
     * @param key the fingerprint of the build's inputs
     * @param builtAt the build's clock
     * @param validUntil the first moment after {@code builtAt} at which a page's publish or expiry date takes effect
     * @param manifestHash the hash of the output manifest the build wrote
     */
    record Entry(String key, Instant builtAt, Optional<Instant> validUntil, String manifestHash,
            List<PageSummary> pages, List<Finding> findings, List<String> infos, int files) {

        Entry {
            pages = List.copyOf(pages);
            findings = List.copyOf(findings);
            infos = List.copyOf(infos);
        }
    }

    private final OutputFolder folder;
    private final Path file;

    BuildCache(OutputFolder folder) {
        this.folder = folder;
        this.file = folder.stateDir().resolve(FILE);
    }

    /**
     * The fingerprints of a build's inputs.
     *
     * @param whole everything a build with these options reads: equal means the same build
     * @param settings what every page's parse, Markdown and post-processing may depend on besides its own
     *     source: the options but the clock, {@code site.yaml}, {@code data/} (the glossary and the people),
     *     and the code and themes on the class path. Templates and theme strings are left out: they
     *     change rendered pages, and a finished page is keyed by its rendered HTML.
     * @param resources the files copied as they are ({@code static/}, and every file of {@code content/}
     *     that is not Markdown), the images among them included
     * @param images the images among those files (by name, as {@code ImageSizes} reads them): the only ones
     *     whose bytes post-processing reads (their sizes, and the widths of their responsive copies); the
     *     other files count for a finished page by their output paths alone, which its key holds apart
     * @param sources the hash of each Markdown file of {@code content/}, by absolute path: the parse stage
     *     need not read a file whose parse is cached
     * @param templates the site's own templates and theme strings ({@code layouts/}, {@code i18n/}): with
     *     {@code settings} (which covers the themes on the class path), what a page's template output
     *     depends on besides the values its templates read
     */
    record Fingerprint(String whole, String settings, String resources, String images, Map<Path, String> sources,
            String templates) {

        Fingerprint {
            sources = Map.copyOf(sources);
        }
    }

    /** The fingerprint of everything a build with {@code options} reads. */
    static String key(BuildOptions options) throws IOException {
        return fingerprint(options).whole();
    }

    /** The fingerprints of everything a build with {@code options} reads, in one pass over the files. */
    static Fingerprint fingerprint(BuildOptions options) throws IOException {
        return fingerprint(options, FileHashes.none());
    }

    /** Like {@link #fingerprint(BuildOptions)}, the Markdown sources' hashes from {@code hashes}. */
    static Fingerprint fingerprint(BuildOptions options, FileHashes hashes) throws IOException {
        ContentDigest settings = new ContentDigest();
        settings.text(MAGIC + " " + FORMAT);
        settings.text(String.valueOf(BuildCache.class.getPackage().getImplementationVersion()));
        settings.text(options.siteDir() + "|" + options.outputDir() + "|" + options.includeDrafts() + "|"
                + options.includeFuture() + "|" + options.includeExpired() + "|" + options.baseUrl() + "|"
                + options.theme());
        for (String input : List.of(SiteConfigLoader.FILE_NAME, DataFiles.DATA_DIR)) {
            settings.tree(options.siteDir(), options.siteDir().resolve(input), options.outputDir());
        }
        for (Path entry : classPath(options.classLoader())) {
            if (Files.isRegularFile(entry)) {
                // A jar is replaced as a whole when it changes: its size and time say so without reading it.
                settings.text(entry + "|" + Files.size(entry) + "|" + Files.getLastModifiedTime(entry).toMillis());
            } else if (Files.isDirectory(entry)) {
                // Class folders (a development build, a theme folder on -cp): the generator and the themes.
                settings.tree(entry, entry.resolve("org/medsite"), options.outputDir());
                settings.tree(entry, entry.resolve("medsite"), options.outputDir());
            }
        }
        String settingsKey = settings.hex();
        // Each copied file is read once, into one of two digests: the images' own, which the whole of the
        // copied files' digest then takes in.
        ContentDigest resources = new ContentDigest();
        ContentDigest images = new ContentDigest();
        Path statics = options.siteDir().resolve(ContentDiscovery.STATIC_DIR);
        if (Files.exists(statics)) {
            copiedFiles(options.siteDir(), ContentDigest.filesUnder(statics, options.outputDir()), resources, images);
        } else {
            resources.absent(options.siteDir(), statics);
        }
        Path content = options.siteDir().resolve(ContentDiscovery.CONTENT_DIR);
        // content/ is walked once for both digests below: its other files here, its sources in the whole.
        boolean hasContent = Files.exists(content);
        List<Path> contentFiles = hasContent ? ContentDigest.filesUnder(content, options.outputDir()) : List.of();
        List<Path> markdown = contentFiles.stream().filter(BuildCache::isMarkdown).toList();
        if (hasContent) {
            copiedFiles(options.siteDir(), contentFiles.stream().filter(p -> !isMarkdown(p)).toList(), resources, images);
        } else {
            resources.absent(options.siteDir(), content);
        }
        String imagesKey = images.hex();
        resources.text(imagesKey);
        String resourcesKey = resources.hex();
        ContentDigest whole = new ContentDigest();
        whole.text(settingsKey);
        whole.text(resourcesKey);
        whole.text(options.now().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        Map<Path, String> sources = Map.of();
        if (hasContent) {
            // On the build's pool when the pipeline runs the fingerprint there.
            sources = whole.hashedFiles(options.siteDir(), markdown, hashes);
        } else {
            whole.absent(options.siteDir(), content);
        }
        ContentDigest templates = new ContentDigest();
        for (String input : List.of(ContentDiscovery.LAYOUTS_DIR, Translations.DIR)) {
            templates.tree(options.siteDir(), options.siteDir().resolve(input), options.outputDir());
        }
        String templatesKey = templates.hex();
        whole.text(templatesKey);
        return new Fingerprint(whole.hex(), settingsKey, resourcesKey, imagesKey, sources, templatesKey);
    }

    /** Files copied as they are, in their order: the images into {@code images}, the others into {@code others}. */
    private static void copiedFiles(Path base, List<Path> files, ContentDigest others, ContentDigest images)
            throws IOException {
        others.files(base, files.stream().filter(p -> !isImage(p)).toList());
        images.files(base, files.stream().filter(BuildCache::isImage).toList());
    }

    /** Markdown sources, as content discovery finds them: everything else in content/ is copied as it is. */
    private static boolean isMarkdown(Path file) {
        return ContentDiscovery.isMarkdown(file.getFileName().toString());
    }

    private static boolean isImage(Path file) {
        return ImageSizes.mayRead(file.getFileName().toString());
    }

    /** The class path entries that hold the generator and the themes, sorted. */
    private static Set<Path> classPath(ClassLoader loader) throws IOException {
        Set<Path> entries = new TreeSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry).toAbsolutePath().normalize());
            }
        }
        List<URL> urls = new ArrayList<>();
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader u) {
                urls.addAll(List.of(u.getURLs()));
            }
        }
        urls.addAll(Collections.list(loader.getResources("medsite/themes/")));
        URL generator = BuildCache.class.getProtectionDomain().getCodeSource() == null ? null
                : BuildCache.class.getProtectionDomain().getCodeSource().getLocation();
        if (generator != null) {
            urls.add(generator);
        }
        for (URL url : urls) {
            String text = url.toString();
            if (text.startsWith("jar:")) {
                int bang = text.indexOf("!/");
                text = text.substring(4, bang < 0 ? text.length() : bang);
            } else if (text.startsWith("file:") && text.endsWith("/medsite/themes/")) {
                text = text.substring(0, text.length() - "medsite/themes/".length());
            }
            if (text.startsWith("file:")) {
                try {
                    entries.add(Path.of(new URL(text).toURI()).toAbsolutePath().normalize());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new IOException("cannot read the class path entry " + url, e);
                }
            }
        }
        return entries;
    }

    /**
     * The recorded result, if it is for {@code key} and still holds: the clock has not gone back nor
     * passed a page's date, and the output folder holds what that build wrote.
     */
    Optional<Entry> lookUp(String key, Instant now, BuildListener listener) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Entry entry;
        try {
            byte[] data = Files.readAllBytes(file);
            // The key first: the pages and findings (a thousand of each on a big site) are decoded only for a
            // hit, not by every build whose inputs changed (issue #11: 50-70 ms of a one-page rebuild's CPU).
            if (!key(data).equals(key)) {
                listener.debug("build cache: inputs changed since the last build");
                return Optional.empty();
            }
            entry = read(data);
        } catch (IOException | RuntimeException e) {
            listener.debug("build cache: ignoring " + file + ", it cannot be read (" + e.getMessage() + ")");
            return Optional.empty();
        }
        if (now.isBefore(entry.builtAt()) || entry.validUntil().map(t -> !now.isBefore(t)).orElse(false)) {
            listener.debug("build cache: a page's publish or expiry date may have taken effect");
            return Optional.empty();
        }
        try {
            if (!outputIntact(entry)) {
                listener.debug("build cache: the output folder changed since the last build");
                return Optional.empty();
            }
        } catch (IOException | RuntimeException e) {
            listener.debug("build cache: cannot compare the output folder (" + e.getMessage() + ")");
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    /** Every file of the manifest is there with its size, and the report beside the output too. */
    private boolean outputIntact(Entry entry) throws IOException {
        Path manifest = folder.stateDir().resolve(MANIFEST);
        if (!Files.isRegularFile(manifest) || !ContentDigest.hash(Files.readAllBytes(manifest)).equals(entry.manifestHash())) {
            return false;
        }
        // Only a build that wrote the report (site.yaml may switch it off) told its headline figures.
        boolean reported = entry.infos().stream().anyMatch(info -> info.startsWith(EditorialReport.INFO_PREFIX));
        for (String report : List.of(EditorialReport.JSON_FILE, EditorialReport.HTML_FILE)) {
            if (reported && !Files.isRegularFile(folder.dir().resolveSibling(report))) {
                return false;
            }
        }
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            String[] parts = line.split(" ", 3);
            if (parts.length != 3) {
                return false;
            }
            Path written = folder.dir().resolve(parts[2]);
            if (!Files.isRegularFile(written, LinkOption.NOFOLLOW_LINKS) || Files.size(written) != Long.parseLong(parts[1])) {
                return false;
            }
        }
        return true;
    }

    /** Records a successful build's result, for the written output folder's current manifest. */
    void store(String key, Instant builtAt, Optional<Instant> validUntil, List<PageSummary> pages,
            List<Finding> findings, List<String> infos, int files) throws IOException {
        Path manifest = folder.stateDir().resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            forget();
            return;
        }
        Entry entry = new Entry(key, builtAt, validUntil, ContentDigest.hash(Files.readAllBytes(manifest)), pages, findings,
                infos, files);
        Path tmp = folder.stateDir().resolve(FILE + ".tmp");
        Files.write(tmp, write(entry));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Drops the recorded result (the output folder is about to change in a way it does not describe). */
    void forget() throws IOException {
        Files.deleteIfExists(file);
    }

    static byte[] write(Entry entry) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            string(out, MAGIC);
            out.writeInt(FORMAT);
            string(out, entry.key());
            out.writeLong(entry.builtAt().toEpochMilli());
            out.writeInt(entry.builtAt().getNano());
            out.writeBoolean(entry.validUntil().isPresent());
            if (entry.validUntil().isPresent()) {
                out.writeLong(entry.validUntil().get().toEpochMilli());
                out.writeInt(entry.validUntil().get().getNano());
            }
            string(out, entry.manifestHash());
            out.writeInt(entry.files());
            out.writeInt(entry.pages().size());
            for (PageSummary p : entry.pages()) {
                for (String s : List.of(p.url(), p.outputPath(), p.source(), p.title(), p.lang(), p.kind())) {
                    string(out, s);
                }
            }
            out.writeInt(entry.findings().size());
            for (Finding f : entry.findings()) {
                string(out, f.severity().name());
                string(out, f.rule());
                string(out, f.file());
                out.writeInt(f.line());
                string(out, f.message());
            }
            out.writeInt(entry.infos().size());
            for (String info : entry.infos()) {
                string(out, info);
            }
            string(out, MAGIC); // A file cut short fails here rather than passing as a smaller result.
        }
        return bytes.toByteArray();
    }

    /** The key of the build recorded in {@code data}, read without the rest of the file. */
    static String key(byte[] data) throws IOException {
        return string(header(data));
    }

    /** A stream over {@code data} after its magic and format, which must be this version's. */
    private static DataInputStream header(byte[] data) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
        if (!string(in).equals(MAGIC) || in.readInt() != FORMAT) {
            throw new IOException("not a build cache of this Medsite version");
        }
        return in;
    }

    static Entry read(byte[] data) throws IOException {
        DataInputStream in = header(data);
        String key = string(in);
        Instant builtAt = Instant.ofEpochMilli(in.readLong()).plusNanos(in.readInt() % 1_000_000);
        Optional<Instant> validUntil = in.readBoolean()
                ? Optional.of(Instant.ofEpochMilli(in.readLong()).plusNanos(in.readInt() % 1_000_000)) : Optional.empty();
        String manifest = string(in);
        int files = in.readInt();
        List<PageSummary> pages = new ArrayList<>();
        for (int i = count(in); i > 0; i--) {
            pages.add(new PageSummary(string(in), string(in), string(in), string(in), string(in), string(in)));
        }
        List<Finding> findings = new ArrayList<>();
        for (int i = count(in); i > 0; i--) {
            findings.add(new Finding(Severity.valueOf(string(in)), string(in), string(in), in.readInt(), string(in)));
        }
        List<String> infos = new ArrayList<>();
        for (int i = count(in); i > 0; i--) {
            infos.add(string(in));
        }
        if (!string(in).equals(MAGIC)) {
            throw new IOException("the file is damaged");
        }
        return new Entry(key, builtAt, validUntil, manifest, pages, findings, infos, files);
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("the file is damaged");
        }
        return n;
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        int n = count(in);
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }
}
