package org.medsite.content;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One Markdown file of {@code content/}.
 *
 * @param file the absolute path
 * @param path the path relative to {@code content/}, with forward slashes ({@code blog/flu.md})
 * @param kind home, section list, bundle or plain page
 * @param lang the language given by the file name ({@code flu.es.md}), if any
 * @param folder the folder the page belongs to, relative to {@code content/} ({@code ""} at the top);
 *     for a bundle the folder that holds the bundle, for a section index the section's own folder
 * @param baseName the name the page's slug comes from: the file name without language and extension,
 *     or the bundle's folder name
 * @param resources files that belong to a bundle (images, PDFs), relative to {@code content/}
 */
public record ContentSource(Path file, String path, SourceKind kind, Optional<String> lang, String folder,
        String baseName, List<String> resources) {

    public ContentSource {
        resources = List.copyOf(resources);
    }

    /** The name used in findings: relative to the site folder. */
    public String displayName() {
        return ContentDiscovery.CONTENT_DIR + "/" + path;
    }

    /**
     * Identifies the page across languages: {@code library/flu/index.es.md} and
     * {@code library/flu/index.md} share {@code library/flu/index}.
     */
    public String translationBase() {
        String noExtension = path.substring(0, path.lastIndexOf('.'));
        return lang.map(l -> noExtension.substring(0, noExtension.length() - l.length() - 1)).orElse(noExtension);
    }
}
