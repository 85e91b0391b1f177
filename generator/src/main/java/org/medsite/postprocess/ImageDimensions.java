package org.medsite.postprocess;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;
import org.medsite.image.ResponsiveImages;

/**
 * Gives every local image its {@code width} and {@code height}, so the browser reserves its space before
 * it loads and the text a patient is reading does not jump (Cumulative Layout Shift), and lazy-loads all
 * images but the first, which is likely above the fold (the Largest Contentful Paint). A photo with
 * smaller copies (see {@link ResponsiveImages}) gets them as a {@code srcset} with {@code sizes}, so a phone
 * downloads the copy that fits its screen; its {@code src} stays the original for browsers without srcset.
 */
public final class ImageDimensions implements HtmlTransformer {

    /** An image's intrinsic size in CSS pixels. */
    public record Size(int width, int height) {
    }

    private final String basePath;
    private final Function<String, Optional<Size>> sizeOfOutputFile;
    private final Function<String, List<Integer>> copyWidths;
    private final String sizes;

    /**
     * @param basePath the site's base path
     * @param sizeOfOutputFile the size of an image by its path in the output folder, if it is one
     */
    public ImageDimensions(String basePath, Function<String, Optional<Size>> sizeOfOutputFile) {
        this(basePath, sizeOfOutputFile, path -> List.of(), "");
    }

    /**
     * @param copyWidths the widths of the smaller copies of an image by its output path (none for most)
     * @param sizes the {@code sizes} attribute that goes with a {@code srcset}
     */
    public ImageDimensions(String basePath, Function<String, Optional<Size>> sizeOfOutputFile,
            Function<String, List<Integer>> copyWidths, String sizes) {
        this.basePath = basePath;
        this.sizeOfOutputFile = sizeOfOutputFile;
        this.copyWidths = copyWidths;
        this.sizes = sizes;
    }

    /** Parsed once: Jsoup parses a selector string again on every call (issue #11). */
    private static final Evaluator IMAGES = Selector.evaluatorOf("img[src]");

    @Override
    public void transform(Document page, String sitePath) {
        boolean first = true;
        for (Element img : page.select(IMAGES)) {
            Optional<String> path = outputPath(img.attr("src"), sitePath);
            if (!img.hasAttr("width") && !img.hasAttr("height")) {
                path.flatMap(sizeOfOutputFile).ifPresent(size -> {
                    img.attr("width", Integer.toString(size.width()));
                    img.attr("height", Integer.toString(size.height()));
                });
            }
            if (path.isPresent() && !img.hasAttr("srcset") && !(img.parent() != null && img.parent().is("picture"))) {
                srcset(img, path.get());
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

    /** Lists the copies and the original by width; the URLs keep the form of {@code src} (relative or not). */
    private void srcset(Element img, String path) {
        List<Integer> widths = copyWidths.apply(path);
        Optional<Size> size = sizeOfOutputFile.apply(path);
        if (widths.isEmpty() || size.isEmpty()) {
            return;
        }
        String src = img.attr("src");
        int end = src.length();
        for (char c : new char[] {'?', '#'}) {
            int at = src.indexOf(c);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String file = src.substring(0, end);
        StringBuilder set = new StringBuilder();
        for (int w : widths) {
            set.append(ResponsiveImages.variant(file, w).replace(" ", "%20")).append(' ').append(w).append("w, ");
        }
        set.append(file.replace(" ", "%20")).append(' ').append(size.get().width()).append('w');
        img.attr("srcset", set.toString());
        img.attr("sizes", sizes);
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
