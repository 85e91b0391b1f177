package org.medsite.postprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.medsite.postprocess.ImageDimensions.Size;

class ImageDimensionsTest {

    private static byte[] png(int w, int h) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    @Test
    void localImagesGetTheirSizeAndAllButTheFirstLoadLazily() throws Exception {
        Map<String, byte[]> files = Map.of(
                "library/flu/chart.png", png(640, 480),
                "img/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 120 40\"></svg>"
                        .getBytes(StandardCharsets.UTF_8));
        ImageSizes sizes = new ImageSizes();
        HtmlPostProcessor post = new HtmlPostProcessor(List.of(new ImageDimensions("/clinic/",
                path -> files.containsKey(path) ? sizes.of(path, () -> files.get(path)) : Optional.empty())));
        Document doc = post.parse("<img src='/clinic/img/logo.svg' alt='Logo'><img src='chart.png' alt='Chart'>"
                + "<img src='https://example.org/x.png' alt=''><img src='chart.png' width='10' alt=''>");
        post.transform(doc, "/library/flu/");

        var imgs = doc.select("img");
        assertThat(imgs.get(0).attr("width")).isEqualTo("120");
        assertThat(imgs.get(0).attr("height")).isEqualTo("40");
        assertThat(imgs.get(0).hasAttr("loading")).isFalse();
        assertThat(imgs.get(1).attr("width")).isEqualTo("640");
        assertThat(imgs.get(1).attr("height")).isEqualTo("480");
        assertThat(imgs.get(1).attr("loading")).isEqualTo("lazy");
        assertThat(imgs.get(2).hasAttr("width")).isFalse();
        assertThat(imgs.get(3).attr("width")).isEqualTo("10");
        assertThat(imgs.get(3).hasAttr("height")).isFalse();
    }

    @Test
    void photosWithCopiesGetASrcsetInTheFormOfTheirSrc() throws Exception {
        Map<String, byte[]> files = Map.of("library/flu/photo.jpg", png(1600, 900), "img/wide.png", png(1000, 500));
        ImageSizes sizes = new ImageSizes();
        Map<String, List<Integer>> copies = Map.of("library/flu/photo.jpg", List.of(480, 800),
                "img/wide.png", List.of(480));
        HtmlPostProcessor post = new HtmlPostProcessor(List.of(new ImageDimensions("/",
                path -> files.containsKey(path) ? sizes.of(path, () -> files.get(path)) : Optional.empty(),
                path -> copies.getOrDefault(path, List.of()), "100vw")));
        Document doc = post.parse("<p><img src='photo.jpg?v=2' alt='Flu clinic'>"
                + "<img src='/img/wide.png' alt='Wide' srcset='/img/own.png 2x'>"
                + "<picture><img src='/img/wide.png' alt='In a picture'></picture>"
                + "<img src='/img/none.png' alt='Unknown'></p>");
        post.transform(doc, "/library/flu/");

        var photo = doc.selectFirst("img[alt=Flu clinic]");
        assertThat(photo.attr("srcset")).isEqualTo("photo-480w.jpg 480w, photo-800w.jpg 800w, photo.jpg 1600w");
        assertThat(photo.attr("sizes")).isEqualTo("100vw");
        assertThat(photo.attr("width")).isEqualTo("1600");
        assertThat(photo.attr("alt")).isEqualTo("Flu clinic");
        assertThat(doc.selectFirst("img[alt=Wide]").attr("srcset")).as("an author's own srcset is kept")
                .isEqualTo("/img/own.png 2x");
        assertThat(doc.selectFirst("img[alt=In a picture]").hasAttr("srcset")).isFalse();
        assertThat(doc.selectFirst("img[alt=Unknown]").hasAttr("srcset")).isFalse();
    }

    @Test
    void svgSizesFromWidthAndHeightOrViewBox() {
        assertThat(ImageSizes.svg("<svg width=\"24px\" height=\"12\">")).contains(new Size(24, 12));
        assertThat(ImageSizes.svg("<?xml version='1.0'?><svg viewBox='0 0 300.4 150'>")).contains(new Size(300, 150));
        assertThat(ImageSizes.svg("<svg width='100%'>")).isEmpty();
        assertThat(ImageSizes.svg("not an svg")).isEmpty();
    }

    @Test
    void unreadableImagesAreLeftAlone() {
        assertThat(new ImageSizes().of("broken.png", () -> new byte[] {1, 2, 3})).isEmpty();
    }

    /** The build cache and a dev-server save rely on this: a file whose size is read must count as an image. */
    @Test
    void everyFileWhoseSizeIsReadIsOneWhoseBytesMayBeRead() throws Exception {
        BufferedImage image = new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB);
        Map<String, byte[]> files = new java.util.TreeMap<>();
        for (String format : List.of("png", "jpg", "gif", "bmp")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(ImageIO.write(image, format, out)).isTrue();
            files.put("img/a." + format, out.toByteArray());
            files.put("img/B." + format.toUpperCase(java.util.Locale.ROOT), out.toByteArray());
        }
        files.put("img/a.jpeg", files.get("img/a.jpg"));
        files.put("img/a.svg", "<svg width='7' height='5'></svg>".getBytes(StandardCharsets.UTF_8));
        ImageSizes sizes = new ImageSizes();
        files.forEach((name, bytes) -> {
            assertThat(sizes.of(name, () -> bytes)).as(name).contains(new Size(7, 5));
            assertThat(ImageSizes.mayRead(name)).as(name).isTrue();
            assertThat(ImageSizes.mayRead("/clinic/" + name)).as(name).isTrue();
        });
        for (String other : List.of("css/site.css", "robots.txt", "a.png.txt", "fonts/x.woff2", "doc.pdf", "png")) {
            assertThat(ImageSizes.mayRead(other)).as(other).isFalse();
        }
    }
}
