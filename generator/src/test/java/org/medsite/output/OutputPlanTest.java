package org.medsite.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.medsite.diagnostics.FindingCollector;

/** Output paths stay inside the output folder, and no two files share a name up to case. */
class OutputPlanTest {

    @Test
    void onlyPlainRelativePathsAreSafe() {
        assertThat(OutputPlan.isSafe("index.html")).isTrue();
        assertThat(OutputPlan.isSafe("blog/flu/index.html")).isTrue();
        assertThat(OutputPlan.isSafe(".nojekyll")).isTrue();
        assertThat(OutputPlan.isSafe("..hidden/a.txt")).isTrue();
        assertThat(OutputPlan.isSafe("a/.well-known/x")).isTrue();
        for (String unsafe : new String[] {"", "/etc/passwd", "../x", "a/../../x", "a/..", "./a", "a/./b", "a//b",
                "a/", ".", "..", "a\\b", "c:x", "a\0b"}) {
            assertThat(OutputPlan.isSafe(unsafe)).as(unsafe).isFalse();
        }
    }

    @Test
    void twoFilesWhoseNamesDifferInCaseClash() {
        FindingCollector findings = new FindingCollector();
        OutputPlan plan = new OutputPlan(findings);
        plan.addGenerated("blog/Flu/index.html", "a", "content/blog/Flu.md");
        plan.addGenerated("blog/flu/index.html", "b", "content/blog/flu.md");
        plan.addGenerated("../x", "c", "content/x.md");

        assertThat(findings.sorted()).extracting(f -> f.rule()).containsExactlyInAnyOrder("output.clash",
                "output.unsafe-path");
        assertThat(plan.paths()).containsExactly("blog/Flu/index.html");
    }

    @Test
    void aLayerIsPlannedAsItsEntriesAddedOneByOneInPathOrder() throws Exception {
        OutputPlan.Layer layer = new OutputPlan.Layer();
        layer.putGenerated("blog/b/index.html", bytes("b"), "content/blog/b.md");
        layer.putGenerated("blog/a/index.html", bytes("a"), "content/blog/a.md");
        layer.putGenerated("index.html", bytes("home"), "generated page /");

        OutputPlan layered = new OutputPlan(new FindingCollector());
        OutputPlan oneByOne = new OutputPlan(new FindingCollector());
        for (OutputPlan plan : java.util.List.of(layered, oneByOne)) {
            plan.addGenerated("css/site.css", "x", "static/css/site.css");
            plan.addGenerated("blog/a/share.png", "png", "generated share card");
        }
        layered.addLayer(layer);
        oneByOne.addGenerated("blog/a/index.html", "a", "content/blog/a.md");
        oneByOne.addGenerated("blog/b/index.html", "b", "content/blog/b.md");
        oneByOne.addGenerated("index.html", "home", "generated page /");
        for (OutputPlan plan : java.util.List.of(layered, oneByOne)) {
            plan.addGenerated("_headers", "h", "generated _headers");
        }

        assertThat(layered.paths()).containsExactlyElementsOf(oneByOne.paths());
        for (String path : oneByOne.paths()) {
            assertThat(layered.entry(path).bytes()).as(path).isEqualTo(oneByOne.entry(path).bytes());
            assertThat(layered.entries().get(path).origin()).as(path).isEqualTo(oneByOne.entries().get(path).origin());
        }
        assertThat(layered.contains("blog/b/index.html")).isTrue();
        assertThat(layered.contains("blog/c/index.html")).isFalse();
    }

    @Test
    void aLayerPatchedInPlaceIsPlannedWithItsNewEntries() throws Exception {
        OutputPlan.Layer layer = new OutputPlan.Layer();
        layer.putGenerated("blog/a/index.html", bytes("a"), "content/blog/a.md");
        layer.putGenerated("blog/b/index.html", bytes("b"), "content/blog/b.md");
        new OutputPlan(new FindingCollector()).addLayer(layer);

        layer.putGenerated("blog/a/index.html", bytes("a, edited"), "content/blog/a.md");
        OutputPlan next = new OutputPlan(new FindingCollector());
        next.addLayer(layer);

        assertThat(layer.size()).isEqualTo(2);
        assertThat(new String(next.entry("blog/a/index.html").bytes(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("a, edited");
    }

    @Test
    void aLayerThatClashesIsPlannedOneByOneWithTheSameFindings() {
        // A page whose output file differs only in case from a static file planned before it.
        OutputPlan.Layer layer = new OutputPlan.Layer();
        layer.putGenerated("blog/flu/index.html", bytes("page"), "content/blog/flu.md");
        layer.putGenerated("blog/zoster/index.html", bytes("page"), "content/blog/zoster.md");
        FindingCollector layeredFindings = new FindingCollector();
        OutputPlan layered = new OutputPlan(layeredFindings);
        layered.addGenerated("blog/Flu/index.html", "static", "static/blog/Flu/index.html");
        layered.addLayer(layer);
        // A file planned after the layer is checked against it.
        layered.addGenerated("blog/zoster/INDEX.html", "late", "static/blog/zoster/INDEX.html");

        FindingCollector oneByOneFindings = new FindingCollector();
        OutputPlan oneByOne = new OutputPlan(oneByOneFindings);
        oneByOne.addGenerated("blog/Flu/index.html", "static", "static/blog/Flu/index.html");
        oneByOne.addGenerated("blog/flu/index.html", "page", "content/blog/flu.md");
        oneByOne.addGenerated("blog/zoster/index.html", "page", "content/blog/zoster.md");
        oneByOne.addGenerated("blog/zoster/INDEX.html", "late", "static/blog/zoster/INDEX.html");

        assertThat(layeredFindings.sorted()).isEqualTo(oneByOneFindings.sorted());
        assertThat(layeredFindings.sorted()).extracting(f -> f.rule()).containsExactly("output.clash", "output.clash");
        assertThat(layered.paths()).containsExactlyElementsOf(oneByOne.paths());
    }

    @Test
    void aLayerAddedAfterLaterFilesClashesWithThemAsOneByOne() {
        OutputPlan.Layer layer = new OutputPlan.Layer();
        layer.putGenerated("a/index.html", bytes("page"), "content/a.md");
        layer.putGenerated("../x", bytes("page"), "content/x.md");
        FindingCollector findings = new FindingCollector();
        OutputPlan plan = new OutputPlan(findings);
        plan.addLayer(layer);

        assertThat(findings.sorted()).extracting(f -> f.rule()).containsExactly("output.unsafe-path");
        assertThat(plan.paths()).containsExactly("a/index.html");
    }

    @Test
    void twoLayersArePlannedTogetherAndCheckedAgainstEachOtherWhenEitherGetsAPath() {
        OutputPlan.Layer cards = new OutputPlan.Layer();
        cards.putGenerated("blog/a/share.png", bytes("png"), "share card of /blog/a/share.png");
        OutputPlan.Layer pages = new OutputPlan.Layer();
        pages.putGenerated("blog/a/index.html", bytes("a"), "content/blog/a.md");
        FindingCollector findings = new FindingCollector();
        OutputPlan plan = new OutputPlan(findings);
        plan.addLayer(cards);
        plan.addLayer(pages);

        assertThat(findings.sorted()).isEmpty();
        assertThat(plan.layers()).containsExactly(cards, pages);
        assertThat(plan.paths()).containsExactly("blog/a/index.html", "blog/a/share.png");
        assertThat(plan.size()).isEqualTo(2);

        // A page whose output path is a card's in another spelling: found although the two layers were clear before.
        pages.putGenerated("blog/a/SHARE.png", bytes("odd"), "content/blog/odd.md");
        FindingCollector nextFindings = new FindingCollector();
        OutputPlan next = new OutputPlan(nextFindings);
        next.addLayer(cards);
        next.addLayer(pages);

        assertThat(nextFindings.sorted()).extracting(f -> f.rule()).containsExactly("output.clash");
        assertThat(next.layers()).containsExactly(cards);
        assertThat(next.paths()).containsExactly("blog/a/index.html", "blog/a/share.png");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
