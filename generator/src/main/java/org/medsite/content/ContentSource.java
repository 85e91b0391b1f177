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

    // equals, hashCode and toString written out: the record's own are bootstrapped through invokedynamic
    // (ObjectMethods), which spins method-handle classes at run time and runs interpreted for the thousands
    // of look-ups of a build's first second; a source is a map key in every build (issue #11). The same
    // values as the record's, and toString in its form (cache keys are made of it).

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ContentSource s && file.equals(s.file) && path.equals(s.path)
                && kind == s.kind && lang.equals(s.lang) && folder.equals(s.folder) && baseName.equals(s.baseName)
                && resources.equals(s.resources);
    }

    @Override
    public int hashCode() {
        int h = file.hashCode();
        h = 31 * h + path.hashCode();
        h = 31 * h + kind.hashCode();
        h = 31 * h + lang.hashCode();
        h = 31 * h + folder.hashCode();
        h = 31 * h + baseName.hashCode();
        return 31 * h + resources.hashCode();
    }

    @Override
    public String toString() {
        return new StringBuilder("ContentSource[file=").append(file).append(", path=").append(path)
                .append(", kind=").append(kind).append(", lang=").append(lang).append(", folder=").append(folder)
                .append(", baseName=").append(baseName).append(", resources=").append(resources).append(']')
                .toString();
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
