package org.medsite.postprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;
import org.junit.jupiter.api.Test;

class PageElementsTest {

    /**
     * A selection as the post-process stage and the page checks make it now (a tag, a plain selector, an
     * enclosing element, an excluded selector) and the selector string they used to pass to Jsoup's
     * {@code select}: both must find the same elements.
     */
    private record Spec(String old, String tag, String selector, Set<String> within, String not) {
        Spec(String old, String tag, String selector) {
            this(old, tag, selector, Set.of(), null);
        }

        List<Element> now(PageElements page) {
            Evaluator evaluator = Selector.evaluatorOf(selector);
            Evaluator excluded = not == null ? null : Selector.evaluatorOf(not);
            List<Element> found = tag == null ? page.select(evaluator) : page.select(tag, evaluator);
            return found.stream()
                    .filter(e -> within.isEmpty() || PageElements.hasAncestor(e, within))
                    .filter(e -> excluded == null || !excluded.matches(page.document(), e))
                    .toList();
        }
    }

    private static final List<Spec> SPECS = List.of(
            // PageSources
            new Spec("script[src]", "script", "script[src]"), new Spec("iframe[src]", "iframe", "iframe[src]"),
            new Spec("img[src]", "img", "img[src]"), new Spec("input[type=image][src]", "input", "input[type=image][src]"),
            new Spec("video[poster]", "video", "video[poster]"), new Spec("video[src]", "video", "video[src]"),
            new Spec("video source[src], audio source[src]", "source", "source[src]", Set.of("video", "audio"), null),
            new Spec("link[rel~=(?i)^stylesheet$][href]", "link", "link[rel~=(?i)^stylesheet$][href]"),
            new Spec("link[rel~=(?i)^(icon|apple-touch-icon)$][href]", "link", "link[rel~=(?i)^(icon|apple-touch-icon)$][href]"),
            new Spec("link[rel~=(?i)^preload$][as=font][href]", "link", "link[rel~=(?i)^preload$][as=font][href]"),
            new Spec("form[action]", "form", "form[action]"),
            new Spec("[data-video-embed]", null, "[data-video-embed]"),
            new Spec("img[srcset], picture source[srcset]", "img", "img[srcset]"),
            new Spec("picture source[srcset]", "source", "source[srcset]", Set.of("picture"), null),
            new Spec("script:not([src])", "script", "script", Set.of(), "[src]"),
            new Spec("style", "style", "style"),
            // ThirdPartyRequestCheck and InternalLinkCheck
            new Spec("link[href]:not([rel~=(?i)^(alternate|canonical|author|license|me|next|prev|search|help)$])", "link",
                    "link[href]", Set.of(), "[rel~=(?i)^(alternate|canonical|author|license|me|next|prev|search|help)$]"),
            new Spec("source[src]", "source", "source[src]"), new Spec("[style]", null, "[style]"),
            new Spec("a[href]", "a", "a[href]"), new Spec("area[href]", "area", "area[href]"),
            // VisibleDateCheck
            new Spec("body time[datetime]", "time", "time[datetime]", Set.of("body"), null),
            new Spec("script[type=application/ld+json]", "script", "script[type=application/ld+json]"));

    private static final String[] FRAGMENTS = {
        "<script src='/js/a.js'></script>", "<script>var x = 1;</script>", "<SCRIPT SRC=//cdn.example.com/x.js></SCRIPT>",
        "<script type='application/ld+json'>{\"a\":1}</script>", "<script type='APPLICATION/LD+JSON'>{}</script>",
        "<iframe src='https://player.vimeo.com/video/1'></iframe>", "<iframe></iframe>", "<img src='a.png'>",
        "<img srcset='a.png 1x, b.png 2x'>", "<img>", "<input type=image src=/i.png>", "<input type=IMAGE src=/j.png>",
        "<input type=text src=/k.png>", "<video poster=/p.jpg src=/v.mp4>", "<video>", "</video>", "<audio src=a.mp3>",
        "<audio>", "</audio>", "<source src=/s.webm>", "<source srcset='x.webp'>", "<picture>", "</picture>",
        "<link rel=stylesheet href=/css/site.css>", "<link rel='Stylesheet alternate' href=/alt.css>",
        "<link rel=icon href=/favicon.svg>", "<link rel='apple-touch-icon' href=/t.png>", "<link rel=preload as=font href=/f.woff2>",
        "<link rel=preload as=style href=/s.css>", "<link rel=canonical href=https://example.org/>", "<link rel=next href=/2/>",
        "<link href=/norel.css>", "<link rel=manifest href=/m.json>", "<form action=/search>", "</form>", "<form>",
        "<div data-video-embed='https://www.youtube-nocookie.com/embed/x'>", "<div style='color:red'>", "<div>", "</div>",
        "<p>", "</p>", "<span style='background:url(https://x.example/y.png)'>", "</span>", "<style>a{}</style>",
        "<a href=/a/>a</a>", "<a>b</a>", "<area href=/m/>", "<time datetime=2026-01-02 data-date=lastReviewed>x</time>",
        "<time>y</time>", "<section>", "</section>", "<object data=/o.pdf></object>", "<embed src=/e.swf>", "<track src=/t.vtt>",
        "<frame src=/f.html>", "text ", "<svg><image href=/i.svg /></svg>", "<template><img src=/in-template.png></template>",
        "<noscript><img src=/noscript.png></noscript>",
    };

    @Test
    void aSelectionFindsWhatJsoupsSelectFound() {
        Random random = new Random(11);
        for (int n = 0; n < 3000; n++) {
            StringBuilder html = new StringBuilder();
            if (random.nextBoolean()) {
                html.append("<!doctype html><html><head>");
                for (int i = random.nextInt(6); i > 0; i--) {
                    html.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                }
                html.append("</head><body>");
            }
            for (int i = random.nextInt(40); i > 0; i--) {
                html.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            }
            Document document = Jsoup.parse(html.toString());
            PageElements page = PageElements.of(document);
            assertThat(page.all()).as("all of %s", html).containsExactlyElementsOf(document.getAllElements());
            Map<Element, Integer> position = new IdentityHashMap<>();
            document.getAllElements().forEach(e -> position.put(e, position.size()));
            for (Spec spec : SPECS) {
                List<Element> expected = document.select(spec.old());
                List<Element> actual = new ArrayList<>(spec.now(page));
                if (spec.old().equals("img[srcset], picture source[srcset]")) {
                    actual.addAll(SPECS.get(SPECS.indexOf(spec) + 1).now(page));
                    actual.sort(Comparator.comparing(position::get));
                }
                assertThat(actual).as("%s in %s", spec.old(), html).containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void anElementAddedAfterTheListingIsNotInIt() {
        Document document = Jsoup.parse("<p><img src=a.png></p>");
        PageElements page = PageElements.of(document);
        document.body().appendElement("img").attr("src", "b.png");

        assertThat(page.select("img", Selector.evaluatorOf("img[src]"))).extracting(e -> e.attr("src"))
                .containsExactly("a.png");
    }
}
