package org.medsite.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Makes smaller copies of photos. Scaling is done in halves, then one bicubic step to the final width:
 * one big bicubic step from a wide photo samples too few source pixels and looks jagged. The JDK's
 * writers add no time or other varying metadata, so the same input always gives the same bytes.
 */
public final class ImageResizer {

    /** Changes whenever the scaling or encoding changes, so cached copies are made again. */
    public static final String VERSION = "resize 1";

    private ImageResizer() {
    }

    /**
     * A copy of a JPEG or PNG {@code width} pixels wide, in the same format; empty when the bytes are not an
     * image the JDK can read (a CMYK JPEG, for one) or the image is not wider than {@code width}.
     *
     * @param quality JPEG quality from 0.1 to 1; PNG is lossless
     */
    public static Optional<byte[]> resize(byte[] source, boolean jpeg, int width, double quality) throws IOException {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(source));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (image == null || image.getWidth() <= width) {
            return Optional.empty();
        }
        int height = Math.max(1, (int) Math.round((double) image.getHeight() * width / image.getWidth()));
        BufferedImage scaled = scale(image, width, height, jpeg ? BufferedImage.TYPE_INT_RGB
                : image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        return Optional.of(jpeg ? jpeg(scaled, quality) : ShareCardRenderer.png(scaled));
    }

    /** {@code image} scaled to {@code width} x {@code height}, keeping transparency. */
    static BufferedImage scale(BufferedImage image, int width, int height) {
        return scale(image, width, height, BufferedImage.TYPE_INT_ARGB);
    }

    private static BufferedImage scale(BufferedImage image, int width, int height, int type) {
        BufferedImage current = image;
        while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2, type,
                    RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        return draw(current, width, height, type, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    }

    private static BufferedImage draw(BufferedImage from, int width, int height, int type, Object interpolation) {
        BufferedImage to = new BufferedImage(width, height, type);
        Graphics2D g = to.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            if (type == BufferedImage.TYPE_INT_RGB) {
                // A transparent PNG turned into JPEG gets white, not black, behind it.
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, width, height);
            }
            g.drawImage(from, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return to;
    }

    private static byte[] jpeg(BufferedImage image, double quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality((float) quality);
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
