package org.medsite.api;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The entry point of the Medsite library.
 *
 * <pre>{@code
 * BuildResult result = Medsite.forSite(Path.of("my-practice"))
 *         .outputDir(Path.of("my-practice/public"))
 *         .includeDrafts(true)
 *         .listener(myListener)
 *         .build();
 * result.findings().forEach(f -> System.err.println(f.format()));
 * }</pre>
 */
public final class Medsite {

    private final Path siteDir;
    private Path outputDir;
    private boolean includeDrafts;
    private boolean includeFuture;
    private boolean includeExpired;
    private String baseUrl;
    private String theme;
    private Instant now;
    private int threads = Runtime.getRuntime().availableProcessors();
    private ClassLoader classLoader = Medsite.class.getClassLoader();
    private BuildListener listener = BuildListener.NONE;

    private Medsite(Path siteDir) {
        this.siteDir = Objects.requireNonNull(siteDir, "siteDir");
    }

    /** Starts describing a build of the site in {@code siteDir}. */
    public static Medsite forSite(Path siteDir) {
        return new Medsite(siteDir);
    }

    /** Where to write the site; default {@code <site>/public}. */
    public Medsite outputDir(Path dir) {
        this.outputDir = dir;
        return this;
    }

    public Medsite includeDrafts(boolean include) {
        this.includeDrafts = include;
        return this;
    }

    public Medsite includeFuture(boolean include) {
        this.includeFuture = include;
        return this;
    }

    public Medsite includeExpired(boolean include) {
        this.includeExpired = include;
        return this;
    }

    /** Replaces the base URL of {@code site.yaml} (e.g. a preview deployment's address). */
    public Medsite baseUrl(String url) {
        this.baseUrl = url;
        return this;
    }

    /** Replaces the theme of {@code site.yaml}. */
    public Medsite theme(String name) {
        this.theme = name;
        return this;
    }

    /** The moment that decides which pages are future or expired; default: the build's start. */
    public Medsite now(Instant instant) {
        this.now = instant;
        return this;
    }

    public Medsite threads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.threads = count;
        return this;
    }

    /** Where themes are looked up (a Maven plugin passes its own class loader, which holds theme jars). */
    public Medsite classLoader(ClassLoader loader) {
        this.classLoader = Objects.requireNonNull(loader);
        return this;
    }

    public Medsite listener(BuildListener l) {
        this.listener = Objects.requireNonNull(l);
        return this;
    }

    /** Builds the site and writes it, unless it has errors. */
    public BuildResult build() throws MedsiteException {
        return new Pipeline(options(), listener).run(BuildMode.BUILD);
    }

    /** Builds the site and runs every check, writing nothing. */
    public BuildResult check() throws MedsiteException {
        return new Pipeline(options(), listener).run(BuildMode.CHECK);
    }

    /**
     * A warm build of the site for a dev server: builds once, then rebuilds only what changed files
     * affect. Writes into the output folder like {@link #build()}.
     */
    public BuildSession session() {
        return new BuildSession(options(), listener);
    }

    BuildOptions options() {
        Path site = siteDir.toAbsolutePath().normalize();
        Path out = outputDir == null ? site.resolve("public") : outputDir.toAbsolutePath().normalize();
        return new BuildOptions(site, out, includeDrafts, includeFuture, includeExpired,
                Optional.ofNullable(baseUrl), Optional.ofNullable(theme), now == null ? Instant.now() : now,
                threads, classLoader);
    }
}
