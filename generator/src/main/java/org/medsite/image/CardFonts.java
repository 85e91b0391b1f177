package org.medsite.image;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The fonts share cards are drawn with: DejaVu Sans, bundled (licence in {@code fonts/LICENSE-DejaVu.txt})
 * so that every machine draws the same pixels whatever fonts it has installed. Characters DejaVu lacks
 * (Chinese, Japanese, Korean) fall back to the JDK's logical {@code SansSerif} font, which uses what the
 * machine has.
 */
final class CardFonts {

    /** Loaded once: fonts are immutable, and reading 1.4 MB of glyphs per card would dominate the drawing. */
    private static final class Bundled {
        static final Font REGULAR = load("DejaVuSans.ttf");
        static final Font BOLD = load("DejaVuSans-Bold.ttf");
    }

    private CardFonts() {
    }

    static Font regular() {
        return Bundled.REGULAR;
    }

    static Font bold() {
        return Bundled.BOLD;
    }

    /** The font for characters the bundled one cannot show, in the same style and size. */
    static Font fallback(Font like) {
        return new Font(Font.SANS_SERIF, like.getStyle(), 1).deriveFont(like.getSize2D());
    }

    private static Font load(String name) {
        try (InputStream in = CardFonts.class.getResourceAsStream("fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("font " + name + " is missing from the generator's resources");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("bundled font " + name + " is damaged", e);
        }
    }
}
