package org.medsite.image;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.text.AttributedString;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Fits text into a box of a given width and number of lines: wraps at word boundaries (Unicode line
 * breaking, so CJK text breaks between characters), breaks a word too long for a line, and shrinks the
 * size step by step until the text fits; at the smallest size, the last line ends in an ellipsis.
 */
final class TextFit {

    /** Compiled once: {@code String.replaceAll} compiles its expression on every call, twice per card (issue #11). */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\s]]");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** The hints every card is drawn with; measuring must use the same so that lines break where drawn. */
    static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);

    /** Text fitted into a box: its size and lines. */
    record Fitted(Font font, List<String> lines, boolean truncated) {

        /** The distance between two baselines. */
        float lineHeight() {
            return font.getSize2D() * 1.18f;
        }
    }

    private TextFit() {
    }

    /**
     * @param font the font at any size; the result is in the largest size from {@code maxSize} down to
     *     {@code minSize} (in steps of 2) at which the text fits in {@code maxLines}
     */
    static Fitted fit(String text, Font font, float width, int maxLines, float maxSize, float minSize) {
        return fit(text, font, width, maxLines, Float.MAX_VALUE, maxSize, minSize);
    }

    /** The same, with the lines also no taller than {@code maxHeight} from the top of the first to the last's descent. */
    static Fitted fit(String text, Font font, float width, int maxLines, float maxHeight, float maxSize, float minSize) {
        String clean = clean(text);
        for (float size = maxSize; size >= minSize; size -= 2) {
            Font sized = font.deriveFont(size);
            List<String> lines = wrap(clean, sized, width);
            if (lines.size() <= Math.min(maxLines, linesIn(maxHeight, size))) {
                return new Fitted(sized, lines, false);
            }
        }
        Font smallest = font.deriveFont(minSize);
        int allowed = Math.max(1, Math.min(maxLines, linesIn(maxHeight, minSize)));
        List<String> lines = new ArrayList<>(wrap(clean, smallest, width).subList(0, allowed));
        lines.set(allowed - 1, withEllipsis(lines.get(allowed - 1), smallest, width));
        return new Fitted(smallest, List.copyOf(lines), true);
    }

    /** How many lines of a size fit a height: the first is one em plus the descent, each next one a line height. */
    private static int linesIn(float height, float size) {
        if (height == Float.MAX_VALUE) {
            return Integer.MAX_VALUE;
        }
        return 1 + (int) Math.floor((height - size * 1.24f) / (size * 1.18f));
    }

    /** The lines {@code text} breaks into at {@code width}. */
    static List<String> wrap(String text, Font font, float width) {
        List<String> lines = new ArrayList<>();
        if (text.isEmpty()) {
            return lines;
        }
        LineBreakMeasurer measurer = new LineBreakMeasurer(styled(text, font).getIterator(),
                BreakIterator.getLineInstance(Locale.ROOT), CONTEXT);
        int start = 0;
        while (measurer.getPosition() < text.length()) {
            int end = measurer.nextOffset(width);
            measurer.setPosition(end);
            String line = text.substring(start, end).strip();
            if (!line.isEmpty()) {
                lines.add(line);
            }
            start = end;
        }
        return lines;
    }

    /** How wide {@code text} is in {@code font}. */
    static float advance(String text, Font font) {
        return text.isEmpty() ? 0 : new TextLayout(styled(text, font).getIterator(), CONTEXT).getAdvance();
    }

    static void draw(Graphics2D g, String text, Font font, float x, float baseline) {
        if (!text.isEmpty()) {
            new TextLayout(styled(text, font).getIterator(), g.getFontRenderContext()).draw(g, x, baseline);
        }
    }

    /** Cuts {@code line} so that it and an ellipsis fit {@code width}. */
    static String withEllipsis(String line, Font font, float width) {
        String cut = line;
        while (!cut.isEmpty() && advance(cut + "…", font) > width) {
            cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1)).stripTrailing();
        }
        return cut + "…";
    }

    /** The text without control and format characters (no glyph draws them) and with single spaces. */
    static String clean(String text) {
        return WHITESPACE.matcher(INVISIBLE.matcher(text).replaceAll("").strip()).replaceAll(" ");
    }

    /** Whether every character of {@code text} has a glyph in {@code font} or its fallback on this machine. */
    static boolean displayable(String text, Font font) {
        String clean = clean(text);
        if (font.canDisplayUpTo(clean) < 0) {
            return true;
        }
        Font fallback = CardFonts.fallback(font);
        return clean.codePoints().allMatch(cp -> Character.isWhitespace(cp) || font.canDisplay(cp) || fallback.canDisplay(cp));
    }

    /** The text in the bundled font, each run of characters it lacks in the fallback font. */
    private static AttributedString styled(String text, Font font) {
        AttributedString styled = new AttributedString(text);
        styled.addAttribute(TextAttribute.FONT, font);
        int missing = font.canDisplayUpTo(text);
        if (missing >= 0) {
            Font fallback = CardFonts.fallback(font);
            int i = missing;
            while (i < text.length()) {
                int cp = text.codePointAt(i);
                int next = i + Character.charCount(cp);
                if (!font.canDisplay(cp)) {
                    styled.addAttribute(TextAttribute.FONT, fallback, i, next);
                }
                i = next;
            }
        }
        return styled;
    }
}
