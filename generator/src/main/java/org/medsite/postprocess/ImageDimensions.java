package org.medsite.postprocess;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.function.Function;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Gives every local image its {@code width} and {@code height}, so the browser reserves its space before
 * it loads and the text a patient is reading does not jump (Cumulative Layout Shift), and lazy-loads all
 * images but the first, which is likely above the fold (the Largest Contentful Paint).
 */
public final class ImageDimensions implements HtmlTransformer {

    /** An image's intrinsic size in CSS pixels. */
    public record Size(int width, int height) {
    }

    private final String basePath;
    private final Function<String, Optional<Size>> sizeOfOutputFile;

    /**
     * @param basePath the site's base path
     * @param sizeOfOutputFile the size of an image by its path in the output folder, if it is one
     */
    public ImageDimensions(String basePath, Function<String, Optional<Size>> sizeOfOutputFile) {
        this.basePath = basePath;
        this.sizeOfOutputFile = sizeOfOutputFile;
    }

    @Override
    public void transform(Document page, String sitePath) {
        boolean first = true;
        for (Element img : page.select("img[src]")) {
            if (!img.hasAttr("width") && !img.hasAttr("height")) {
                outputPath(img.attr("src"), sitePath).flatMap(sizeOfOutputFile).ifPresent(size -> {
                    img.attr("width", Integer.toString(size.width()));
                    img.attr("height", Integer.toString(size.height()));
                });
            }
            if (!first && !img.hasAttr("loading")) {
                img.attr("loading", "lazy");
            }
            if (!img.hasAttr("decoding")) {
                img.attr("decoding", "async");
            }
            first = false;
        }
    }

    private Optional<String> outputPath(String src, String sitePath) {
        try {
            URI uri = new URI(src.replace(" ", "%20"));
            if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getPath() == null || uri.getPath().isEmpty()) {
                return Optional.empty();
            }
            String path = uri.getPath();
            if (path.startsWith("/")) {
                return path.startsWith(basePath) ? Optional.of(path.substring(basePath.length())) : Optional.empty();
            }
            String resolved = URI.create("http://x" + sitePath).resolve(uri.getRawPath()).getPath();
            return Optional.of(resolved.substring(1));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
