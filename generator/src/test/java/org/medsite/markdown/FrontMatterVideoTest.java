package org.medsite.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.medsite.diagnostics.Finding;
import org.medsite.diagnostics.FindingCollector;

class FrontMatterVideoTest {

    private final FindingCollector findings = new FindingCollector();
    private final MarkdownContext page = new MarkdownContext("library/flu/index.md", "content/library/flu/index.md", 9,
            "/", FixedLinkTargets.resources("library/flu/poster.jpg"), findings, true, Citations.none(), "en");

    private static Map<String, Object> video(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private List<String> messages() {
        return findings.sorted().stream().map(f -> f.line() + " " + f.severity().name().toLowerCase() + " " + f.rule()
                + ": " + f.message()).toList();
    }

    @Test
    void aFrontMatterVideoIsTheSameFacadeAsTheBlock() {
        String html = FrontMatterVideo.facade(video("provider", "youtube", "id", "AbCdEfGhI_1", "title", "Flu & you",
                "poster", "poster.jpg"), 4, page).orElseThrow();
        assertThat(findings.sorted()).isEmpty();
        assertThat(html).isEqualTo(VideoRenderer.facade(new VideoSource("youtube", "AbCdEfGhI_1"), "Flu & you",
                Optional.of("/library/flu/poster.jpg"), "en"));
        Element figure = Jsoup.parseBodyFragment(html).selectFirst("figure.video");
        assertThat(figure.attr("data-video-embed")).isEqualTo("https://www.youtube-nocookie.com/embed/AbCdEfGhI_1?autoplay=1");

        // A Vimeo id is a number in YAML; an address works in place of provider and id.
        assertThat(FrontMatterVideo.facade(video("provider", "Vimeo", "id", 76979871, "title", "A", "poster", "poster.jpg"),
                4, page).orElseThrow()).contains("data-video-embed=\"https://player.vimeo.com/video/76979871?dnt=1&amp;autoplay=1\"");
        assertThat(FrontMatterVideo.facade(video("url", "https://youtu.be/AbCdEfGhI_1", "title", "A", "poster", "poster.jpg"),
                4, page)).isPresent();
        assertThat(findings.sorted()).isEmpty();
        assertThat(FrontMatterVideo.facade(null, 0, page)).isEmpty();
    }

    @Test
    void mistakesAreReportedAtTheLineOfTheKey() {
        assertThat(FrontMatterVideo.facade(video("provider", "tiktok", "id", "x", "title", "A", "poster", "poster.jpg"), 4, page)).isEmpty();
        assertThat(FrontMatterVideo.facade(video("provider", "youtube", "id", "practice-id1", "title", "A"), 5, page)).isEmpty();
        assertThat(FrontMatterVideo.facade(video("provider", "youtube", "id", "AbCdEfGhI_1", "title", "A"), 6, page)).isPresent();
        assertThat(FrontMatterVideo.facade(video("provider", "youtube", "id", "AbCdEfGhI_1", "poster", "gone.jpg"), 7, page)).isEmpty();
        assertThat(FrontMatterVideo.facade(video("provder", "youtube", "id", "AbCdEfGhI_1", "title", "A"), 8, page)).isEmpty();
        assertThat(FrontMatterVideo.facade("https://youtu.be/AbCdEfGhI_1", 9, page)).isEmpty();
        assertThat(FrontMatterVideo.facade(video("provider", "youtube", "id", "AbCdEfGhI_1", "title", "A",
                "poster", "https://i.ytimg.com/vi/AbCdEfGhI_1/hq.jpg"), 10, page)).isPresent();
        assertThat(messages()).containsExactly(
                "4 error video.invalid: unknown video provider 'tiktok'; click-to-load videos come from youtube or vimeo",
                "5 error video.invalid: 'practice-id1' is not a youtube video id (11 letters, digits, - or _)",
                "6 warning video.poster: the video 'A' has no poster; add 'poster: image.jpg' under 'video' (a local image: "
                        + "the facade never loads the provider's thumbnails)",
                "7 error video.invalid: 'video' needs a 'title' (the button and the player are named after it, WCAG 4.1.2)",
                "8 error video.invalid: unknown key 'provder' under 'video'; the keys are provider, id (or url), title and "
                        + "poster (did you mean 'provider'?)",
                "9 error video.invalid: 'video' must be a mapping such as {provider: youtube, id: VIDEO_ID, title: ..., "
                        + "poster: image.jpg}",
                "10 error video.poster: poster 'https://i.ytimg.com/vi/AbCdEfGhI_1/hq.jpg' is not a local image; put the "
                        + "image beside the page (or in static/) and name it here");
        assertThat(findings.sorted()).extracting(Finding::file).containsOnly("content/library/flu/index.md");
    }
}
