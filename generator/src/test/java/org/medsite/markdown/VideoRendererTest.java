package org.medsite.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.medsite.config.MarkdownOptions;
import org.medsite.diagnostics.Finding;
import org.medsite.diagnostics.FindingCollector;

class VideoRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer(MarkdownOptions.defaults());
    private final LinkTargets targets = FixedLinkTargets.resources("library/flu/poster.jpg");

    private Document render(String markdown, String lang, FindingCollector findings) {
        String html = renderer.render(markdown, new MarkdownContext("library/flu/index.md", "content/library/flu/index.md",
                5, "/clinic/", targets, findings, true, Citations.none(), lang)).html();
        return Jsoup.parseBodyFragment(html);
    }

    @Test
    void aVideoBlockBecomesAFacadeThatLoadsNothing() {
        FindingCollector findings = new FindingCollector();
        Document doc = render("Intro.\n\n```video\nyoutube: https://www.youtube.com/watch?v=AbCdEfGhI_1&t=5\n"
                + "title: Flu & you\nposter: poster.jpg\n```\n", "en", findings);
        assertThat(findings.sorted()).isEmpty();
        Element figure = doc.selectFirst("figure.video");
        assertThat(figure).isNotNull();
        assertThat(figure.attr("data-video-embed")).isEqualTo("https://www.youtube-nocookie.com/embed/AbCdEfGhI_1?autoplay=1");
        assertThat(figure.attr("data-video-title")).isEqualTo("Flu & you");
        // Nothing in the facade loads from the provider: the only request is the local poster.
        assertThat(doc.select("iframe, script, [srcset]")).isEmpty();
        assertThat(doc.select("[src]").eachAttr("src")).containsExactly("/clinic/library/flu/poster.jpg");
        assertThat(figure.selectFirst("img.video-poster").attr("alt")).isEmpty();
        Element button = figure.selectFirst("button.video-play");
        assertThat(button.attr("type")).isEqualTo("button");
        assertThat(button.hasAttr("hidden")).as("hidden until the script can make it work").isTrue();
        assertThat(button.text()).isEqualTo("Play video: Flu & you");
        Element link = figure.selectFirst("figcaption a.video-link");
        assertThat(link.attr("href")).isEqualTo("https://www.youtube.com/watch?v=AbCdEfGhI_1");
        assertThat(link.text()).isEqualTo("Watch on YouTube: Flu & you");
        assertThat(figure.selectFirst("figcaption .video-title").text()).isEqualTo("Flu & you");
    }

    @Test
    void vimeoAndSpanishPagesGetTheirPlayerAndWords() {
        FindingCollector findings = new FindingCollector();
        Document doc = render("```video\nvimeo: 76979871\ntitle: Gripe\nposter: /images/p.png\n```\n", "es", findings);
        assertThat(findings.sorted()).isEmpty();
        Element figure = doc.selectFirst("figure.video");
        assertThat(figure.attr("data-video-embed")).isEqualTo("https://player.vimeo.com/video/76979871?dnt=1&autoplay=1");
        assertThat(figure.selectFirst("img").attr("src")).isEqualTo("/clinic/images/p.png");
        assertThat(figure.selectFirst("button").text()).isEqualTo("Reproducir el vídeo: Gripe");
        assertThat(figure.selectFirst("a.video-link").attr("href")).isEqualTo("https://vimeo.com/76979871");
    }

    @Test
    void mistakesInABlockAreReportedWithTheirLine() {
        FindingCollector findings = new FindingCollector();
        Document doc = render("Text.\n\n```video\nyoutube: not-an-id\ntitel: Flu\nposter: missing.jpg\n```\n", "en", findings);
        assertThat(doc.select("figure, pre")).as("nothing rendered for a broken block").isEmpty();
        assertThat(findings.sorted()).extracting(Finding::format).containsExactly(
                "content/library/flu/index.md:7: error: a video block needs a 'title:' (the button and the player are "
                        + "named after it, WCAG 4.1.2) [video.invalid]",
                "content/library/flu/index.md:8: error: 'not-an-id' is not a youtube video id or address; give e.g. "
                        + "https://www.youtube.com/watch?v=<11-character id> or https://vimeo.com/<number> [video.invalid]",
                "content/library/flu/index.md:9: error: 'titel: Flu' in a video block: write 'key: value' with the keys "
                        + "youtube, vimeo or url, title and poster (did you mean 'title'?) [video.invalid]");
    }

    @Test
    void aMissingOrRemotePosterIsAnError() {
        FindingCollector findings = new FindingCollector();
        render("```video\nurl: https://youtu.be/AbCdEfGhI_1\ntitle: A\nposter: gone.jpg\n```\n\n"
                + "```video\nurl: https://youtu.be/AbCdEfGhI_1\ntitle: B\nposter: https://i.ytimg.com/vi/x/hq.jpg\n```\n",
                "en", findings);
        assertThat(findings.sorted()).extracting(Finding::rule, Finding::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("video.poster", 8),
                org.assertj.core.groups.Tuple.tuple("video.poster", 14));
    }

    @Test
    void aBlockWithoutPosterWarnsAndStillRenders() {
        FindingCollector findings = new FindingCollector();
        Document doc = render("```video\nyoutube: AbCdEfGhI_1\ntitle: A\n```\n", "en", findings);
        assertThat(doc.select("figure.video img")).isEmpty();
        assertThat(doc.select("figure.video button")).hasSize(1);
        assertThat(findings.sorted()).extracting(Finding::rule, Finding::isError)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("video.poster", false));
    }

    @Test
    void aRawPlayerIsRewrittenToAFacadeWithItsTitle() {
        FindingCollector findings = new FindingCollector();
        Document doc = render("Text.\n\n<div><iframe width=\"560\" height=\"315\" src=\"https://www.youtube.com/embed/AbCdEfGhI_1\" "
                + "title=\"Flu shots\" allowfullscreen></iframe></div>\n", "en", findings);
        assertThat(doc.select("iframe")).isEmpty();
        assertThat(doc.selectFirst("figure.video").attr("data-video-embed")).startsWith("https://www.youtube-nocookie.com/embed/AbCdEfGhI_1");
        assertThat(doc.selectFirst("figure.video").attr("data-video-title")).isEqualTo("Flu shots");
        assertThat(findings.sorted()).extracting(Finding::rule, Finding::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("video.raw-embed", 7));
    }

    @Test
    void aRawPlayerAmongOtherMarkupIsLeftAndReported() {
        FindingCollector findings = new FindingCollector();
        Document doc = render("<div><p>Watch:</p><iframe src=\"https://player.vimeo.com/video/1\"></iframe></div>\n\n"
                + "<iframe src=\"https://maps.example.net/x\"></iframe>\n", "en", findings);
        assertThat(doc.select("iframe")).hasSize(2);
        assertThat(findings.sorted()).extracting(Finding::rule, Finding::line, Finding::isError)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("video.raw-embed", 5, false));
    }

    @Test
    void otherFencedBlocksAreCodeAsBefore() {
        FindingCollector findings = new FindingCollector();
        Document doc = render("```yaml\nyoutube: AbCdEfGhI_1\n```\n", "en", findings);
        assertThat(doc.select("pre code.language-yaml").text()).isEqualTo("youtube: AbCdEfGhI_1");
        assertThat(findings.sorted()).isEmpty();
    }

    @Test
    void videoAddressesOfEveryShape() {
        assertThat(VideoSource.fromUrl("https://youtu.be/AbCdEfGhI_1?t=3")).contains(new VideoSource("youtube", "AbCdEfGhI_1"));
        assertThat(VideoSource.fromUrl("https://www.youtube-nocookie.com/embed/AbCdEfGhI_1")).contains(new VideoSource("youtube", "AbCdEfGhI_1"));
        assertThat(VideoSource.fromUrl("https://m.youtube.com/shorts/AbCdEfGhI_1")).contains(new VideoSource("youtube", "AbCdEfGhI_1"));
        assertThat(VideoSource.fromUrl("https://vimeo.com/76979871")).contains(new VideoSource("vimeo", "76979871"));
        assertThat(VideoSource.fromUrl("https://player.vimeo.com/video/76979871?h=abc")).contains(new VideoSource("vimeo", "76979871"));
        assertThat(VideoSource.fromUrl("https://www.youtube.com/embed/abc123")).isEmpty();
        assertThat(VideoSource.fromUrl("https://evil.example/youtube.com/watch?v=AbCdEfGhI_1")).isEmpty();
        assertThat(VideoSource.fromUrl("https://youtube.com.evil.example/watch?v=AbCdEfGhI_1")).isEmpty();
    }
}
