package org.medsite.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsite.diagnostics.Finding;

/** Share cards and photo copies through the whole pipeline: markup, files, and the cache between builds. */
class SiteImagesBuildTest {

    @TempDir
    java.nio.file.Path tmp;

    /** The build's "images:" line, which counts what was drawn and what came from the cache. */
    private static final class ImageCounts implements BuildListener {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void info(String message) {
            if (message.startsWith("images: ")) {
                lines.add(message);
            }
        }

        String last() {
            return lines.get(lines.size() - 1);
        }
    }

    private static byte[] photo(int width, int height, String format) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, Color.BLUE, width, height, Color.YELLOW));
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private TestSite site() throws Exception {
        return new TestSite(tmp)
                .file("site.yaml", "title: Riverbend\nbaseURL: https://example.org/\n")
                .file("content/_index.md", "---\ntitle: Welcome\n---\nHi.\n")
                .file("content/library/_index.md", "---\ntitle: Health library\n---\n")
                .file("content/library/asthma/index.md", "---\ntitle: Asthma\n---\n![An inhaler on a table](inhaler.jpg)\n\n"
                        + "![Chart](chart.png)\n\n![Icon](icon.png)\n\n![Anim](anim.gif)\n")
                .bytes("content/library/asthma/inhaler.jpg", photo(2000, 1000, "jpg"))
                .bytes("content/library/asthma/chart.png", photo(1000, 500, "png"))
                .bytes("content/library/asthma/icon.png", photo(300, 300, "png"))
                .bytes("content/library/asthma/anim.gif", photo(1600, 800, "gif"))
                .file("content/library/flu.md", "---\ntitle: Flu\nimage: /images/flu.png\n---\nText.\n")
                .bytes("static/images/flu.png", photo(1200, 630, "png"));
    }

    @Test
    void pagesWithoutTheirOwnImageGetAShareCardInTheirHead() throws Exception {
        TestSite site = site();
        BuildResult result = site.build();

        assertThat(result.findings()).extracting(Finding::format).isEmpty();
        Document asthma = Jsoup.parse(site.read("library/asthma/index.html"));
        assertThat(asthma.select("meta[property=og:image]").attr("content"))
                .isEqualTo("https://example.org/library/asthma/share.png");
        assertThat(asthma.select("meta[property=og:image:width]").attr("content")).isEqualTo("1200");
        assertThat(asthma.select("meta[property=og:image:height]").attr("content")).isEqualTo("630");
        assertThat(asthma.select("meta[property=og:image:alt]").attr("content"))
                .isEqualTo("Asthma — Health library — Riverbend");
        assertThat(asthma.select("meta[name=twitter:image]").attr("content"))
                .isEqualTo("https://example.org/library/asthma/share.png");
        BufferedImage card = ImageIO.read(site.out.resolve("library/asthma/share.png").toFile());
        assertThat(card.getWidth()).isEqualTo(1200);
        assertThat(card.getHeight()).isEqualTo(630);
        assertThat(Files.exists(site.out.resolve("share.png"))).as("the home page's card").isTrue();

        Document flu = Jsoup.parse(site.read("library/flu/index.html"));
        assertThat(flu.select("meta[property=og:image]").attr("content")).isEqualTo("https://example.org/images/flu.png");
        assertThat(flu.select("meta[property=og:image:width]")).isEmpty();
        assertThat(Files.exists(site.out.resolve("library/flu/share.png"))).isFalse();
    }

    @Test
    void aSecondBuildDrawsNothingAndAChangedTitleRedrawsOneCard() throws Exception {
        TestSite site = site();
        ImageCounts counts = new ImageCounts();
        site.medsite().listener(counts).build();
        assertThat(counts.last()).isEqualTo("images: 3 share cards drawn, 0 from cache; 7 photo copies made, 0 from cache");
        byte[] before = Files.readAllBytes(site.out.resolve("library/asthma/share.png"));

        // An edit that no card shows: the build runs every stage (the whole-build cache misses) and draws nothing.
        site.file("content/library/asthma/index.md", "---\ntitle: Asthma\n---\nOther text.\n\n"
                + "![An inhaler on a table](inhaler.jpg)\n");
        site.medsite().listener(counts).build();
        assertThat(counts.last()).isEqualTo("images: 0 share cards drawn, 3 from cache; 0 photo copies made, 7 from cache");
        assertThat(Files.readAllBytes(site.out.resolve("library/asthma/share.png"))).isEqualTo(before);

        site.file("content/library/asthma/index.md", "---\ntitle: Asthma in adults\n---\nText.\n");
        site.medsite().listener(counts).build();
        assertThat(counts.last()).isEqualTo("images: 1 share cards drawn, 2 from cache; 0 photo copies made, 7 from cache");
        assertThat(Files.readAllBytes(site.out.resolve("library/asthma/share.png"))).isNotEqualTo(before);
    }

    /**
     * A card is written once, into the image cache, and the output holds that very file rather than a second
     * copy of its bytes (issue #11); after a change of title, the output is byte for byte a clean build's.
     */
    @Test
    void theOutputHoldsEachCardAsTheFileOfTheImageCache() throws Exception {
        TestSite site = site();
        site.build();
        java.nio.file.Path images = new org.medsite.output.OutputFolder(site.out).stateDir().resolve("images");
        java.nio.file.Path card = site.out.resolve("library/asthma/share.png");
        assertThat(cachedAs(images, card)).hasSize(1);

        site.file("content/library/asthma/index.md", "---\ntitle: Asthma in adults\n---\nText.\n");
        site.build();
        assertThat(cachedAs(images, card)).hasSize(1);
        java.util.Map<String, String> rebuilt = TestSite.snapshot(site.out);
        TestSite clean = new TestSite(tmp.resolve("clean"));
        try (var files = Files.walk(site.dir)) {
            for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) files.filter(Files::isRegularFile)::iterator) {
                clean.bytes(site.dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        clean.build();
        assertThat(rebuilt).isEqualTo(TestSite.snapshot(clean.out));
    }

    /**
     * The output's card is the cache's file, so an edit of it in place reaches the cache: the next build must
     * not take the edited bytes as the card, but draw it again, as a clean build would.
     */
    @Test
    void aCardEditedInPlaceInTheOutputIsDrawnAgainNotReused() throws Exception {
        TestSite site = site();
        site.build();
        java.nio.file.Path card = site.out.resolve("library/asthma/share.png");
        byte[] drawn = Files.readAllBytes(card);
        try (var out = Files.newOutputStream(card, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write("edited in place".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        site.file("content/library/flu.md", "---\ntitle: Flu\nimage: /images/flu.png\n---\nOther text.\n");
        site.build();
        assertThat(Files.readAllBytes(card)).isEqualTo(drawn);
    }

    /** The files of the image cache that are {@code file} (the same file, not a copy). */
    private static List<java.nio.file.Path> cachedAs(java.nio.file.Path images, java.nio.file.Path file) throws Exception {
        List<java.nio.file.Path> same = new java.util.ArrayList<>();
        try (var files = Files.list(images)) {
            for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) files::iterator) {
                if (Files.isSameFile(p, file)) {
                    same.add(p);
                }
            }
        }
        return same;
    }

    @Test
    void largePhotosGetSmallerCopiesInASrcset() throws Exception {
        TestSite site = site();
        site.build();

        Document asthma = Jsoup.parse(site.read("library/asthma/index.html"));
        Element inhaler = asthma.selectFirst("img[alt=An inhaler on a table]");
        assertThat(inhaler.attr("src")).isEqualTo("/library/asthma/inhaler.jpg");
        assertThat(inhaler.attr("width")).isEqualTo("2000");
        assertThat(inhaler.attr("height")).isEqualTo("1000");
        assertThat(inhaler.attr("srcset")).isEqualTo("/library/asthma/inhaler-480w.jpg 480w, "
                + "/library/asthma/inhaler-800w.jpg 800w, /library/asthma/inhaler-1200w.jpg 1200w, "
                + "/library/asthma/inhaler.jpg 2000w");
        assertThat(inhaler.attr("sizes")).isEqualTo("(min-width: 42rem) 42rem, 100vw");
        for (int w : new int[] {480, 800, 1200}) {
            BufferedImage copy = ImageIO.read(site.out.resolve("library/asthma/inhaler-" + w + "w.jpg").toFile());
            assertThat(copy.getWidth()).isEqualTo(w);
            assertThat(copy.getHeight()).isEqualTo(w / 2);
        }
        Element chart = asthma.selectFirst("img[alt=Chart]");
        assertThat(chart.attr("srcset")).isEqualTo("/library/asthma/chart-480w.png 480w, "
                + "/library/asthma/chart-800w.png 800w, /library/asthma/chart.png 1000w");
        assertThat(ImageIO.read(site.out.resolve("library/asthma/chart-800w.png").toFile()).getWidth()).isEqualTo(800);
        assertThat(asthma.selectFirst("img[alt=Icon]").hasAttr("srcset")).as("narrower than every width").isFalse();
        assertThat(asthma.selectFirst("img[alt=Anim]").hasAttr("srcset")).as("GIF untouched").isFalse();
        assertThat(Files.exists(site.out.resolve("library/asthma/anim-480w.gif"))).isFalse();
    }

    @Test
    void settingsTurnBothOffAndChangeTheWidths() throws Exception {
        TestSite site = site().file("site.yaml", "title: Riverbend\nbaseURL: https://example.org/\n"
                + "shareCards: {enabled: false}\nimages: {widths: [600], quality: 0.7}\n");
        BuildResult result = site.build();

        assertThat(result.findings()).isEmpty();
        assertThat(Files.exists(site.out.resolve("library/asthma/share.png"))).isFalse();
        Document asthma = Jsoup.parse(site.read("library/asthma/index.html"));
        assertThat(asthma.select("meta[property=og:image]")).isEmpty();
        assertThat(asthma.selectFirst("img[alt=An inhaler on a table]").attr("srcset"))
                .isEqualTo("/library/asthma/inhaler-600w.jpg 600w, /library/asthma/inhaler.jpg 2000w");
    }

    @Test
    void withoutAnAbsoluteBaseUrlNoCardIsDrawn() throws Exception {
        TestSite site = site().file("site.yaml", "title: Riverbend\n");
        ImageCounts counts = new ImageCounts();
        site.medsite().listener(counts).build();

        assertThat(counts.last()).startsWith("images: 0 share cards drawn, 0 from cache;");
        assertThat(Files.exists(site.out.resolve("library/asthma/share.png"))).isFalse();
    }

    @Test
    void aCheckDrawsNothing() throws Exception {
        TestSite site = site();
        ImageCounts counts = new ImageCounts();
        BuildResult result = site.medsite().listener(counts).check();

        assertThat(result.findings()).isEmpty();
        assertThat(counts.lines).isEmpty();
        assertThat(Files.exists(tmp.resolve(".out.medsite"))).isFalse();
    }
}
