package org.medsite.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.medsite.config.MarkdownOptions;
import org.medsite.diagnostics.FindingCollector;

/**
 * Runs the spec files in {@code src/test/resources/markdown-spec/}: one per Markdown extension, in the
 * CommonMark spec format (Markdown, a line with a dot, the expected HTML). The spec files double as
 * the documentation of Medsite's Markdown dialect.
 */
class MarkdownSpecTest {

    private static final String FENCE = "````````````````````````````````";
    private static final List<String> SPECS = List.of("tables", "strikethrough", "tasklist", "autolink", "footnotes",
            "definition", "abbreviation", "headings", "typographic");

    record Example(String spec, int number, String markdown, String html) {
    }

    @TestFactory
    Stream<DynamicTest> everySpecExampleRendersAsDocumented() throws IOException {
        MarkdownRenderer renderer = new MarkdownRenderer(MarkdownOptions.defaults());
        List<DynamicTest> tests = new ArrayList<>();
        for (String spec : SPECS) {
            List<Example> examples = read(spec);
            assertThat(examples).as("examples in %s.txt", spec).isNotEmpty();
            for (Example e : examples) {
                tests.add(DynamicTest.dynamicTest(spec + " #" + e.number(), () -> {
                    FindingCollector findings = new FindingCollector();
                    String html = renderer.render(e.markdown(), context(findings)).html();
                    assertThat(normalize(html)).isEqualTo(normalize(e.html()));
                    assertThat(findings.sorted()).isEmpty();
                }));
            }
        }
        return tests.stream();
    }

    /** A page that links to nothing: links to other pages and files all count as missing. */
    static final LinkTargets NO_TARGETS = new LinkTargets() {
        @Override
        public Optional<String> page(String contentPath) {
            return Optional.empty();
        }

        @Override
        public Optional<String> resource(String contentPath) {
            return Optional.empty();
        }
    };

    static MarkdownContext context(FindingCollector findings) {
        return new MarkdownContext("page.md", "content/page.md", 1, "/", NO_TARGETS, findings, true, Citations.none(), "en");
    }

    private static List<Example> read(String spec) throws IOException {
        String text;
        try (InputStream in = MarkdownSpecTest.class.getResourceAsStream("/markdown-spec/" + spec + ".txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Example> examples = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].equals(FENCE + " example")) {
                StringBuilder md = new StringBuilder();
                StringBuilder html = new StringBuilder();
                StringBuilder current = md;
                for (i++; !lines[i].equals(FENCE); i++) {
                    if (lines[i].equals(".") && current == md) {
                        current = html;
                    } else {
                        current.append(lines[i]).append('\n');
                    }
                }
                examples.add(new Example(spec, examples.size() + 1, md.toString(), html.toString()));
            }
        }
        return examples;
    }

    /** The same markup, whatever the entity spelling or whitespace between block elements. */
    static String normalize(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(true).indentAmount(0);
        return doc.body().html().strip();
    }
}
