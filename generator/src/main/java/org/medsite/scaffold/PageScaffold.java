package org.medsite.scaffold;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.medsite.config.SiteConfigLoader;
import org.medsite.content.ContentDiscovery;
import org.medsite.model.Slugs;

/**
 * {@code new}: writes a page from its type's archetype, with front matter using only keys Medsite knows
 * and the section headings readers expect for that type. A new page is a draft, so nothing unreviewed
 * is published by accident.
 */
public final class PageScaffold {

    private final Clock clock;

    /** @param clock gives today's date for {@code date} and {@code lastReviewed} */
    public PageScaffold(Clock clock) {
        this.clock = clock;
    }

    /**
     * Creates the page; never replaces an existing file.
     *
     * @param siteDir the site folder
     * @return the new file
     */
    public Path create(Path siteDir, PageType type, String title) throws ScaffoldException, IOException {
        String cleanTitle = title == null ? "" : title.strip();
        if (cleanTitle.isEmpty()) {
            throw new ScaffoldException("the page needs a title, e.g. \"High blood pressure\"");
        }
        if (cleanTitle.contains("\n") || cleanTitle.contains("\r")) {
            throw new ScaffoldException("a page title is one line; remove the line breaks from \"" + cleanTitle + "\"");
        }
        String slug = Slugs.slugify(cleanTitle);
        if (slug.isEmpty()) {
            throw new ScaffoldException("the title \"" + cleanTitle + "\" has no letters or digits to make a file "
                    + "name from; start with a title in Latin letters and change it in the file afterwards");
        }
        if (!Files.isRegularFile(siteDir.resolve(SiteConfigLoader.FILE_NAME))
                && !Files.isDirectory(siteDir.resolve(ContentDiscovery.CONTENT_DIR))) {
            throw new ScaffoldException(siteDir + " is not a Medsite site (it has neither site.yaml nor a content/ "
                    + "folder); create the page in your site's folder, or create a site there first with init");
        }
        String contentPath = type.contentPath(slug);
        String text = ScaffoldTemplate.load(type.archetypeResource()).fill(Map.of(
                "title", ScaffoldTemplate.yamlString(cleanTitle),
                "date", LocalDate.now(clock).toString()));
        Path file = siteDir.resolve(contentPath);
        Files.createDirectories(file.getParent());
        try {
            // CREATE_NEW makes "never overwrite" atomic: no window between a check and the write.
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            throw new ScaffoldException(contentPath + " already exists; edit that page, or choose another title");
        }
        return file;
    }
}
