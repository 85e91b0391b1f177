package org.medsite.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ShareCardRendererTest {

    private final ShareCardStyle style = new ShareCardStyle("#0b5563", "#ffffff", "#fde68a", Optional.empty());
    private final ShareCard card = new ShareCard("Presión arterial alta (hipertensión)", "Biblioteca de salud",
            "Riverbend Family Health");

    @Test
    void aCardIsA1200By630Png() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(new ShareCardRenderer(style).render(card)));

        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(630);
        // The background is the configured colour, and text was drawn on it in the text colour.
        assertThat(image.getRGB(1190, 10) & 0xffffff).isEqualTo(0x0b5563);
        assertThat(image.getRGB(5, 300) & 0xffffff).isEqualTo(0xfde68a);
    }

    @Test
    void twoRendersGiveIdenticalBytesWithoutTimeOrTextChunks() {
        byte[] first = new ShareCardRenderer(style).render(card);
        byte[] second = new ShareCardRenderer(style).render(card);

        assertThat(second).isEqualTo(first);
        String chunks = new String(first, StandardCharsets.ISO_8859_1);
        assertThat(chunks).doesNotContain("tIME").doesNotContain("tEXt").doesNotContain("iTXt");
    }

    /** The faster encoder loses nothing: its PNG decodes to the pixels the JDK's own writer would have kept. */
    @Test
    void theCardsEncoderIsLossless() throws Exception {
        BufferedImage drawn = new BufferedImage(ShareCardRenderer.WIDTH, ShareCardRenderer.HEIGHT, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(7);
        for (int y = 0; y < drawn.getHeight(); y++) {
            for (int x = 0; x < drawn.getWidth(); x++) {
                drawn.setRGB(x, y, x < 600 ? random.nextInt() : 0x0b5563 + (y & 0xff));
            }
        }

        BufferedImage fromEncoder = ImageIO.read(new ByteArrayInputStream(new PngEncoder().encode(drawn)));
        BufferedImage fromJdk = ImageIO.read(new ByteArrayInputStream(ShareCardRenderer.png(drawn)));

        for (int y = 0; y < drawn.getHeight(); y++) {
            for (int x = 0; x < drawn.getWidth(); x++) {
                assertThat(fromEncoder.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(fromJdk.getRGB(x, y));
            }
        }
    }

    /** Bands reused from earlier cards give the bytes compressing them again would: output never depends on order. */
    @Test
    void aCardIsTheSameWhetherItsRendererDrewOthersBefore() {
        ShareCardRenderer warm = new ShareCardRenderer(style);
        for (String title : new String[] {"Asthma", "Sleep", "Flu shots", "Asthma"}) {
            warm.render(new ShareCard(title, "Health library", "Riverbend"));
        }
        ShareCard card = new ShareCard("Asthma in children", "Health library", "Riverbend");

        assertThat(warm.render(card)).isEqualTo(new ShareCardRenderer(style).render(card));
    }

    /**
     * Cards start from a copy of the pixels they share (background, band, logo, name), with the footer drawn
     * before the text instead of after it: the bytes must be those of the card drawn whole in the original
     * order, for short and long titles (wrapped, shrunk, cut with an ellipsis), labels or none, a missing
     * title, characters from the fallback font, and names that do not fit, with and without a logo.
     */
    @Test
    void aCardDrawnOnTheSharedTemplateIsTheCardDrawnWhole() {
        BufferedImage square = new BufferedImage(50, 80, BufferedImage.TYPE_INT_ARGB);
        var g = square.createGraphics();
        g.setColor(new java.awt.Color(200, 30, 30, 128));
        g.fillOval(0, 0, 50, 80);
        g.dispose();
        String[] titles = {"Asthma", "", "Presión arterial alta (hipertensión)", "W", "高血圧について知っておくべきこと",
            "gjpqy gjpqy gjpqy gjpqy gjpqy gjpqy gjpqy gjpqy gjpqy gjpqy gjpqy gjpqy gjpqy gjpqy gjpqy gjpqy gjpqy "
                    + "gjpqy gjpqy gjpqy gjpqy gjpqy gjpqy gjpqy gjpqy gjpqy gjpqy gjpqy gjpqy ÅÉÎ gjpqy",
            "When to see a doctor about lower back pain that has lasted more than six weeks, gets worse at night, "
                    + "or comes with fever, weight loss, numbness or weakness in the legs: a guide for patients"};
        String[] labels = {"", "Una sección con un nombre tan largo que no cabe en una sola línea de la tarjeta"};
        String[] names = {"Riverbend Family Health", "A practice whose name is far too long to fit beside its logo at any size"};
        for (Optional<byte[]> logo : java.util.List.of(Optional.<byte[]>empty(), Optional.of(ShareCardRenderer.png(square)))) {
            ShareCardRenderer renderer = new ShareCardRenderer(new ShareCardStyle("#0b5563", "#ffffff", "#fde68a", logo));
            for (String title : titles) {
                for (String label : labels) {
                    for (String name : names) {
                        ShareCard c = new ShareCard(title, label, name);
                        assertThat(renderer.render(c)).as("%s / %s / %s, logo %s", title, label, name, logo.isPresent())
                                .isEqualTo(new PngEncoder().encode(renderer.drawWhole(c)));
                    }
                }
            }
        }
    }

    /**
     * Bands equal to a base picture's take the base's compressed bytes: the file is the one encoding the
     * picture alone gives, whichever bands differ (none, some, all) and whatever their unused top byte holds.
     */
    @Test
    void aPictureEncodedOverABaseIsThePictureEncodedAlone() {
        java.util.Random random = new java.util.Random(3);
        BufferedImage base = new BufferedImage(300, 100, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 300; x++) {
                base.setRGB(x, y, y < 40 ? 0x0b5563 : random.nextInt());
            }
        }
        PngEncoder encoder = new PngEncoder();
        PngEncoder.Base compressed = encoder.base(base);
        for (int round = 0; round < 20; round++) {
            BufferedImage picture = new BufferedImage(300, 100, BufferedImage.TYPE_INT_RGB);
            int[] pixels = ((java.awt.image.DataBufferInt) picture.getRaster().getDataBuffer()).getData();
            int[] basePixels = ((java.awt.image.DataBufferInt) base.getRaster().getDataBuffer()).getData();
            System.arraycopy(basePixels, 0, pixels, 0, pixels.length);
            for (int i = random.nextInt(4) * round; i > 0; i--) {
                pixels[random.nextInt(pixels.length)] = random.nextInt();
            }
            if (round % 5 == 0) {
                pixels[random.nextInt(pixels.length)] ^= 0xff000000; // same colour, another top byte
            }
            assertThat(encoder.encode(picture, compressed)).as("round %d", round).isEqualTo(new PngEncoder().encode(picture));
        }
        assertThat(encoder.encode(base, compressed)).isEqualTo(new PngEncoder().encode(base));
    }

    /** The zlib stream is whole and its Adler-32 right (a PNG reader may stop before reading the checksum). */
    @Test
    void theCompressedPixelsAreAValidZlibStream() throws Exception {
        byte[] png = new ShareCardRenderer(style).render(card);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(png, 8, png.length - 8);
        java.io.ByteArrayOutputStream idat = new java.io.ByteArrayOutputStream();
        while (in.hasRemaining()) {
            int length = in.getInt();
            byte[] type = new byte[4];
            in.get(type);
            byte[] data = new byte[length];
            in.get(data);
            in.getInt();
            if (new String(type, StandardCharsets.US_ASCII).equals("IDAT")) {
                idat.writeBytes(data);
            }
        }
        java.util.zip.Inflater inflater = new java.util.zip.Inflater();
        inflater.setInput(idat.toByteArray());
        byte[] rows = new byte[630 * (3 * 1200 + 1) + 1];
        int n = inflater.inflate(rows); // throws DataFormatException on a wrong checksum

        assertThat(inflater.finished()).isTrue();
        assertThat(n).isEqualTo(630 * (3 * 1200 + 1));
        assertThat(inflater.getRemaining()).isZero();
        // The header names the level the bands were compressed at, as zlib itself would write it.
        byte[] header = java.util.Arrays.copyOf(idat.toByteArray(), 2);
        java.util.zip.Deflater zlib = new java.util.zip.Deflater(PngEncoder.LEVEL);
        zlib.setInput(new byte[] {1, 2, 3});
        zlib.finish();
        byte[] reference = new byte[64];
        zlib.deflate(reference);
        zlib.end();
        assertThat(header).containsExactly(reference[0], reference[1]);
        assertThat(((header[0] & 0xff) << 8 | (header[1] & 0xff)) % 31).isZero();
    }

    @Test
    void anotherTitleGivesAnotherPicture() {
        ShareCardRenderer renderer = new ShareCardRenderer(style);

        assertThat(renderer.render(new ShareCard("Asthma", "Health library", "Riverbend")))
                .isNotEqualTo(renderer.render(new ShareCard("Sleep", "Health library", "Riverbend")));
    }

    @Test
    void aLogoIsDrawnAtTheBottomLeft() throws Exception {
        BufferedImage red = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        var g = red.createGraphics();
        g.setColor(java.awt.Color.RED);
        g.fillRect(0, 0, 64, 64);
        g.dispose();
        ShareCardStyle withLogo = new ShareCardStyle("#0b5563", "#ffffff", "#fde68a",
                Optional.of(ShareCardRenderer.png(red)));

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(new ShareCardRenderer(withLogo).render(card)));

        assertThat(image.getRGB(80 + 36, 630 - 80 - 36) & 0xffffff).isEqualTo(0xff0000);
    }

    @Test
    void theAltTextSaysWhatTheCardShows() {
        assertThat(card.alt()).isEqualTo("Presión arterial alta (hipertensión) — Biblioteca de salud — Riverbend Family Health");
        assertThat(new ShareCard("Riverbend", "", "Riverbend").alt()).isEqualTo("Riverbend");
    }
}
