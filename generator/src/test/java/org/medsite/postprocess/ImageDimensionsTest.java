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
}
