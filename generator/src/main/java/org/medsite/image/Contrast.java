package org.medsite.image;

import java.awt.Color;

/** Colour contrast as WCAG 2.1 defines it (relative luminance, success criterion 1.4.3). */
public final class Contrast {

    /** The least contrast WCAG AA allows for normal-size text. */
    public static final double AA_TEXT = 4.5;

    private Contrast() {
    }

    /** The contrast ratio of two {@code #rrggbb} colours, from 1 (none) to 21 (black on white). */
    public static double ratio(String colour, String other) {
        double a = luminance(parse(colour));
        double b = luminance(parse(other));
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    /** A {@code #rrggbb} colour. */
    public static Color parse(String hex) {
        return new Color(Integer.parseInt(hex.substring(1), 16));
    }

    static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(int value) {
        double s = value / 255.0;
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }
}
