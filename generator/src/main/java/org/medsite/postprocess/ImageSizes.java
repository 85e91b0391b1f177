package org.medsite.postprocess;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.medsite.postprocess.ImageDimensions.Size;

/**
 * Reads image sizes from file headers (PNG, JPEG, GIF, BMP through ImageIO; SVG from its root element),
 * once per file however many pages show it.
 */
public final class ImageSizes {

    private static final Pattern SVG_ROOT = Pattern.compile("<svg\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTR = Pattern.compile("\\b(width|height|viewBox)\\s*=\\s*[\"']([^\"']*)[\"']");

    /**
     * The copied files whose bytes post-processing may read: the kinds read here and by the responsive
     * copies ({@code image/ResponsiveImages}), and image kinds neither reads yet, so that a key or a change
     * check built on this never misses one when they learn to.
     */
    private static final Pattern MAY_READ = Pattern.compile("(?i).*\\.(png|jpe?g|gif|bmp|webp|avif|svg)");

    private final Map<String, Optional<Size>> cache = new ConcurrentHashMap<>();

    /**
     * Whether post-processing may read the bytes of a file with this name (a path or a link will do): the
     * build cache keys finished pages by these files' bytes, and a dev-server save looks at every page again
     * when one of them changed; any other copied file counts only by its path.
     */
    public static boolean mayRead(String name) {
        return MAY_READ.matcher(name).matches();
    }

    /** The size of an image file's bytes; empty for other files and unreadable images. */
    public Optional<Size> of(String name, BytesSource bytes) {
        return cache.computeIfAbsent(name, n -> read(n, bytes));
    }

    /** Gives a file's bytes when asked; only image files are read. */
    public interface BytesSource {
        byte[] bytes() throws IOException;
    }

    private static Optional<Size> read(String name, BytesSource source) {
        String lower = name.toLowerCase(Locale.ROOT);
        try {
            if (lower.endsWith(".svg")) {
                return svg(new String(source.bytes(), StandardCharsets.UTF_8));
            }
            if (!(lower.endsWith(".png") || lower.endsWith(".jpg") || lower.endsWith(".jpeg") || lower.endsWith(".gif")
                    || lower.endsWith(".bmp"))) {
                return Optional.empty();
            }
            try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(source.bytes()))) {
                Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
                if (!readers.hasNext()) {
                    return Optional.empty();
                }
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in, true, true);
                    return Optional.of(new Size(reader.getWidth(0), reader.getHeight(0)));
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<Size> svg(String text) {
        Matcher root = SVG_ROOT.matcher(text);
        if (!root.find()) {
            return Optional.empty();
        }
        Integer width = null;
        Integer height = null;
        String viewBox = null;
        Matcher a = ATTR.matcher(root.group());
        while (a.find()) {
            switch (a.group(1)) {
                case "width" -> width = pixels(a.group(2));
                case "height" -> height = pixels(a.group(2));
                default -> viewBox = a.group(2);
            }
        }
        if (width != null && height != null) {
            return Optional.of(new Size(width, height));
        }
        if (viewBox != null) {
            String[] v = viewBox.trim().split("[\\s,]+");
            if (v.length == 4) {
                try {
                    return Optional.of(new Size((int) Math.round(Double.parseDouble(v[2])),
                            (int) Math.round(Double.parseDouble(v[3]))));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static Integer pixels(String value) {
        String v = value.trim();
        if (v.endsWith("px")) {
            v = v.substring(0, v.length() - 2);
        }
        try {
            return (int) Math.round(Double.parseDouble(v));
        } catch (NumberFormatException e) {
            return null; // Percentages and em sizes say nothing about the intrinsic size.
        }
    }
}
