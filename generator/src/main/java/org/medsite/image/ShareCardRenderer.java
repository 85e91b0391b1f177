package org.medsite.image;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.imageio.ImageIO;

/**
 * Draws share cards: 1200x630 PNG pictures (the size Facebook, LinkedIn and X show large) with the page's
 * title, its section, and the practice's name and logo, in the practice's colours. Headless Java2D with a
 * bundled font and fixed rendering hints, written by {@link PngEncoder} (which adds no time or other
 * varying metadata): the same card always gives the same bytes.
 */
public final class ShareCardRenderer {

    /**
     * Changes whenever the drawing or the bytes of its PNG change (3: zlib level 3, see PngEncoder), so
     * cached cards of an older layout or encoding are drawn again and every build gives the same bytes.
     */
    public static final String VERSION = "share-card 3; DejaVu Sans 2.37";
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 630;

    private static final int MARGIN = 80;
    private static final int BAND = 18;
    private static final int LOGO_HEIGHT = 72;

    private final ShareCardStyle style;
    private final Optional<BufferedImage> logo;
    /** Shared by this renderer's cards: they have most of their pixels in common. */
    private final PngEncoder encoder = new PngEncoder();
    /** The shared part of the cards, by site name (one per language at most). */
    private final Map<String, Template> templates = new ConcurrentHashMap<>();
    /** Pictures to draw on, reused: one per thread drawing at a time. */
    private final Queue<BufferedImage> canvases = new ConcurrentLinkedQueue<>();

    /** @throws IllegalArgumentException if the logo's bytes are not a readable image */
    public ShareCardRenderer(ShareCardStyle style) {
        this.style = style;
        this.logo = style.logo().map(ShareCardRenderer::decode);
    }

    /**
     * Whether a text can be drawn with the bundled font, or for the characters it lacks (Chinese, Japanese,
     * Korean), with a font installed on this machine. Text that cannot would show as empty boxes.
     */
    public static boolean canShow(String text) {
        return TextFit.displayable(text, CardFonts.bold());
    }

    /** Whether the cards show a logo. */
    public boolean hasLogo() {
        return logo.isPresent();
    }

    /**
     * The card's PNG bytes. Everything but the label and the title is the same on every card of a site
     * (background, colour band, logo, name), so it is drawn once per site name into a template that each
     * card starts from as a copy, on a picture reused by the thread's next card: drawing and zeroing a
     * fresh 1200x630 picture per card was most of a card's time after encoding (issue #11). The footer is
     * then under the text instead of over it, which gives the same pixels as long as the text stays above
     * the footer's rows; a card whose text reaches them is drawn again the original way ({@link #drawWhole}).
     */
    public byte[] render(ShareCard card) {
        Template template = templates.computeIfAbsent(card.siteName(), this::template);
        BufferedImage canvas = canvases.poll();
        if (canvas == null) {
            canvas = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        }
        try {
            int[] pixels = pixelsOf(canvas);
            System.arraycopy(template.pixels(), 0, pixels, 0, pixels.length);
            Graphics2D g = graphics(canvas);
            try {
                drawText(g, card);
            } finally {
                g.dispose();
            }
            int footer = template.footerTop() * WIDTH;
            if (!Arrays.equals(pixels, footer, pixels.length, template.pixels(), footer, pixels.length)) {
                return encoder.encode(drawWhole(card), template.base());
            }
            return encoder.encode(canvas, template.base());
        } finally {
            canvases.offer(canvas);
        }
    }

    /** The card drawn on a fresh picture in the original order: background, text, footer. */
    BufferedImage drawWhole(ShareCard card) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(image);
        try {
            drawBackground(g);
            drawText(g, card);
            drawFooter(g, card.siteName());
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * The pixels every card with this site name shares, the first row the footer drew on (found by
     * comparison with the background alone, so it holds whatever the logo and the name look like), and the
     * same pixels compressed once for the encoder.
     */
    private record Template(int[] pixels, int footerTop, PngEncoder.Base base) {
    }

    private Template template(String siteName) {
        BufferedImage background = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(background);
        try {
            drawBackground(g);
        } finally {
            g.dispose();
        }
        int[] plain = pixelsOf(background).clone();
        g = graphics(background);
        try {
            drawFooter(g, siteName);
        } finally {
            g.dispose();
        }
        int[] full = pixelsOf(background);
        int top = 0;
        while (top < HEIGHT && Arrays.equals(plain, top * WIDTH, (top + 1) * WIDTH, full, top * WIDTH,
                (top + 1) * WIDTH)) {
            top++;
        }
        return new Template(full, top, encoder.base(background));
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        return g;
    }

    /** The picture's own pixel array (a TYPE_INT_RGB picture made here has exactly one). */
    private static int[] pixelsOf(BufferedImage image) {
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }

    private void drawBackground(Graphics2D g) {
        g.setColor(Contrast.parse(style.background()));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Contrast.parse(style.accent()));
        g.fillRect(0, 0, BAND, HEIGHT);
    }

    private void drawText(Graphics2D g, ShareCard card) {
        Color text = Contrast.parse(style.text());
        Color accent = Contrast.parse(style.accent());
        float width = WIDTH - 2 * MARGIN;
        float top = 96;
        if (!card.label().isBlank()) {
            TextFit.Fitted label = TextFit.fit(card.label(), CardFonts.bold(), width, 1, 34, 24);
            if (!label.lines().isEmpty()) {
                g.setColor(accent);
                TextFit.draw(g, label.lines().get(0), label.font(), MARGIN, top + label.font().getSize2D());
                top += label.lineHeight() + 28;
            }
        }
        String title = card.title().isBlank() ? card.siteName() : card.title();
        float footer = HEIGHT - MARGIN - LOGO_HEIGHT;
        TextFit.Fitted fitted = TextFit.fit(title, CardFonts.bold(), width, 5, footer - 32 - top, 76, 40);
        g.setColor(text);
        float baseline = top + fitted.font().getSize2D();
        for (String line : fitted.lines()) {
            TextFit.draw(g, line, fitted.font(), MARGIN, baseline);
            baseline += fitted.lineHeight();
        }
    }

    private void drawFooter(Graphics2D g, String siteName) {
        float footer = HEIGHT - MARGIN - LOGO_HEIGHT;
        float nameX = MARGIN;
        if (logo.isPresent()) {
            BufferedImage l = logo.get();
            int w = Math.min(240, Math.max(1, Math.round(l.getWidth() * (float) LOGO_HEIGHT / l.getHeight())));
            g.drawImage(ImageResizer.scale(l, w, LOGO_HEIGHT), MARGIN, Math.round(footer), null);
            nameX += w + 24;
        }
        TextFit.Fitted name = TextFit.fit(siteName, CardFonts.regular(), WIDTH - MARGIN - nameX, 1, 34, 22);
        g.setColor(Contrast.parse(style.text()));
        if (!name.lines().isEmpty()) {
            // Centred on the logo's middle: the cap height of DejaVu Sans is about 0.73 em.
            TextFit.draw(g, name.lines().get(0), name.font(), nameX,
                    footer + LOGO_HEIGHT / 2f + name.font().getSize2D() * 0.73f / 2);
        }
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a PNG to memory failed", e);
        }
        return out.toByteArray();
    }

    private static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new IllegalArgumentException("the logo is not a PNG or JPEG image");
            }
            return image;
        } catch (IOException e) {
            throw new IllegalArgumentException("the logo cannot be read: " + e.getMessage(), e);
        }
    }
}
