package org.medsite.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.medsite.config.ImageSettings;

class ResponsiveImagesTest {

    private final ResponsiveImages images = new ResponsiveImages(ImageSettings.defaults());

    @Test
    void copiesAreTheConfiguredWidthsBelowTheImagesOwn() {
        assertThat(images.widthsFor(2400)).containsExactly(480, 800, 1200);
        assertThat(images.widthsFor(1000)).containsExactly(480, 800);
        assertThat(images.widthsFor(480)).isEmpty();
    }

    @Test
    void copiesAreNamedAfterTheirWidthBesideTheImage() {
        assertThat(ResponsiveImages.variant("library/sleep/night.jpg", 480)).isEqualTo("library/sleep/night-480w.jpg");
        assertThat(ResponsiveImages.variant("/a.b/photo.PNG", 800)).isEqualTo("/a.b/photo-800w.PNG");
    }

    @Test
    void onlyJpegAndPngAreResized() {
        assertThat(ResponsiveImages.resizable("a/photo.jpeg")).isTrue();
        assertThat(ResponsiveImages.resizable("a/photo.png")).isTrue();
        assertThat(ResponsiveImages.resizable("a/anim.gif")).isFalse();
        assertThat(ResponsiveImages.resizable("a/logo.svg")).isFalse();
    }

    @Test
    void turnedOffThereAreNoCopies() {
        ResponsiveImages off = new ResponsiveImages(new ImageSettings(false, List.of(480), 0.8, "100vw"));

        assertThat(off.widthsFor(4000)).isEmpty();
    }
}
