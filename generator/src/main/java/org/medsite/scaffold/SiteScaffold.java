package org.medsite.scaffold;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.medsite.model.Slugs;

/**
 * {@code init}: a new site that builds without a problem, with one example of each thing a practice
 * site has (home page, editorial policy, blog post, library article, a person who writes and reviews),
 * and optionally a {@code pom.xml} that builds it with the Maven plugin.
 */
public final class SiteScaffold {

    /** The scaffold's files, relative to the site folder and to this package's {@code site/} resources. */
    static final List<String> FILES = List.of(
            "site.yaml",
            "content/_index.md",
            "content/editorial-policy.md",
            "content/blog/_index.md",
            "content/blog/welcome-to-our-new-website.md",
            "content/library/_index.md",
            "content/library/hand-washing/index.md",
            "data/people/example.yaml",
            "data/people/example-reviewer.yaml");

    static final String POM = "pom.xml";

    /**
     * What a folder may already hold and still count as empty: what a new repository or a Maven project
     * starts with. Anything else is someone's work, and init stays out unless forced.
     */
    private static final Set<String> STARTER_FILES = Set.of(POM, "mvnw", "mvnw.cmd", "README.md", "LICENSE");

    private final Clock clock;

    /** @param clock gives today's date for the example pages */
    public SiteScaffold(Clock clock) {
        this.clock = clock;
    }

    /**
     * Creates the site in {@code dir}, which is made if missing. Existing files are never replaced.
     *
     * @param force also add the site to a folder that holds other files (existing files are kept)
     * @param medsiteVersion the Maven plugin version for a {@code pom.xml}; empty for no {@code pom.xml}
     */
    public ScaffoldedSite create(Path dir, boolean force, Optional<String> medsiteVersion)
            throws ScaffoldException, IOException {
        Path site = dir.toAbsolutePath().normalize();
        if (Files.exists(site) && !Files.isDirectory(site)) {
            throw new ScaffoldException(site + " is a file; give a folder for the new site");
        }
        if (!force) {
            List<String> others = otherEntries(site);
            if (!others.isEmpty()) {
                throw new ScaffoldException("the folder " + site + " is not empty (it has " + describe(others)
                        + "); create the site in an empty folder, or force it to add the site's missing files "
                        + "without changing any existing file");
            }
        }
        String folderName = site.getFileName() == null ? "" : site.getFileName().toString();
        String title = folderName.isBlank() ? "Our practice" : Slugs.titleFromName(folderName);
        String artifactId = Slugs.slugify(folderName).isEmpty() ? "website" : Slugs.slugify(folderName);
        Map<String, String> values = Map.of(
                "title", ScaffoldTemplate.yamlString(title),
                "xmlTitle", ScaffoldTemplate.xmlText(title),
                "artifactId", artifactId,
                "date", LocalDate.now(clock).toString(),
                "medsiteVersion", ScaffoldTemplate.xmlText(medsiteVersion.orElse("")));

        List<String> files = new ArrayList<>(FILES);
        if (medsiteVersion.isPresent()) {
            files.add(POM);
        }
        List<String> created = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (String path : files) {
            Path file = site.resolve(path);
            if (Files.exists(file)) {
                kept.add(path);
                continue;
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, ScaffoldTemplate.load("site/" + path).fill(values), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW);
            created.add(path);
        }
        return new ScaffoldedSite(site, created, kept);
    }

    /** The entries of {@code dir} that are neither hidden (.git, .mvn) nor starter files. */
    private static List<String> otherEntries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith(".") && !STARTER_FILES.contains(name))
                    .sorted()
                    .toList();
        }
    }

    private static String describe(List<String> names) {
        int shown = Math.min(3, names.size());
        String list = String.join(", ", names.subList(0, shown));
        return names.size() > shown ? list + " and " + (names.size() - shown) + " more" : list;
    }
}
