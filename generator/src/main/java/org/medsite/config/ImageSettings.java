package org.medsite.config;

import java.util.List;

/**
 * The {@code images:} block of {@code site.yaml}: the smaller copies made of large photos so phones do not
 * download a desktop-sized file.
 *
 * @param responsive whether copies are made and offered with {@code srcset} (default true)
 * @param widths the widths of the copies in pixels, ascending; an image gets the ones below its own width
 * @param quality JPEG quality of the copies, from 0.1 to 1
 * @param sizes the {@code sizes} attribute written with each {@code srcset}: how wide the image shows
 */
public record ImageSettings(boolean responsive, List<Integer> widths, double quality, String sizes) {

    public ImageSettings {
        widths = List.copyOf(widths);
    }

    /** The clinic theme's text column is 42rem wide; below that an image spans the screen. */
    public static ImageSettings defaults() {
        return new ImageSettings(true, List.of(480, 800, 1200), 0.85, "(min-width: 42rem) 42rem, 100vw");
    }
}
