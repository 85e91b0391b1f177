package org.medsite.image;

import java.util.List;
import java.util.Locale;
import org.medsite.config.ImageSettings;

/**
 * Which smaller copies of a photo a site gets, and what they are called: {@code photo.jpg} 2000 pixels wide
 * gets {@code photo-480w.jpg}, {@code photo-800w.jpg} and {@code photo-1200w.jpg} beside it (never a copy
 * wider than the photo). JPEG and PNG only: SVG scales by itself and GIF may be animated.
 */
public final class ResponsiveImages {

    private final ImageSettings settings;

    public ResponsiveImages(ImageSettings settings) {
        this.settings = settings;
    }

    /** Whether a file is a photo format that gets copies. */
    public static boolean resizable(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".jpg") || lower.endsWith(".jpeg") || lower.endsWith(".png");
    }

    static boolean jpeg(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".jpg") || lower.endsWith(".jpeg");
    }

    /** The widths of the copies of an image this wide: the configured ones below its own width. */
    public List<Integer> widthsFor(int width) {
        if (!settings.responsive()) {
            return List.of();
        }
        return settings.widths().stream().filter(w -> w < width).toList();
    }

    /** The name of a copy: {@code a/photo.jpg} at 480 is {@code a/photo-480w.jpg}; works on URLs too. */
    public static String variant(String path, int width) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot <= slash) {
            return path + "-" + width + "w";
        }
        return path.substring(0, dot) + "-" + width + "w" + path.substring(dot);
    }

    public String sizes() {
        return settings.sizes();
    }

    public double quality() {
        return settings.quality();
    }
}
