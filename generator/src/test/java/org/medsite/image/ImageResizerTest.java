package org.medsite.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;

class ImageResizerTest {

    static byte[] photo(int width, int height, String format, boolean alpha) throws Exception {
        BufferedImage image = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(20, 40, 120, alpha ? 128 : 255), width, height, Color.ORANGE));
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private static String format(byte[] bytes) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            return reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Test
    void aJpegBecomesASmallerJpegOfTheSameAspect() throws Exception {
        byte[] copy = ImageResizer.resize(photo(2000, 1000, "jpg", false), true, 480, 0.85).orElseThrow();

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(copy));
        assertThat(image.getWidth()).isEqualTo(480);
        assertThat(image.getHeight()).isEqualTo(240);
        assertThat(format(copy)).isEqualTo("jpeg");
    }

    @Test
    void aPngStaysAPngAndKeepsItsTransparency() throws Exception {
        byte[] copy = ImageResizer.resize(photo(1000, 600, "png", true), false, 800, 0.85).orElseThrow();

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(copy));
        assertThat(format(copy)).isEqualTo("png");
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(480);
        assertThat(image.getColorModel().hasAlpha()).isTrue();
    }

    @Test
    void neverUpscales() throws Exception {
        assertThat(ImageResizer.resize(photo(400, 300, "jpg", false), true, 480, 0.85)).isEmpty();
        assertThat(ImageResizer.resize(photo(480, 300, "jpg", false), true, 480, 0.85)).isEmpty();
    }

    @Test
    void sameInputGivesIdenticalBytes() throws Exception {
        byte[] source = photo(1600, 900, "jpg", false);

        assertThat(ImageResizer.resize(source, true, 800, 0.8).orElseThrow())
                .isEqualTo(ImageResizer.resize(source, true, 800, 0.8).orElseThrow());
    }

    @Test
    void bytesThatAreNotAnImageGiveNoCopy() throws Exception {
        assertThat(ImageResizer.resize("not a photo".getBytes(), true, 480, 0.85)).isEmpty();
    }
}
