package org.medsite.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.typographic.TypographicExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The gated autolinks render every text exactly as Flexmark's own autolink extension does. */
class GatedAutolinkExtensionTest {

    /** Renders with one autolink extension and the others Medsite always uses. */
    private record Markdown(Parser parser, HtmlRenderer renderer) {
        static Markdown with(Extension autolink) {
            MutableDataSet options = new MutableDataSet().set(Parser.EXTENSIONS,
                    List.of(autolink, TypographicExtension.create(), TablesExtension.create()));
            return new Markdown(Parser.builder(options).build(), HtmlRenderer.builder(options).build());
        }

        String html(String markdown) {
            return renderer.render(parser.parse(markdown));
        }
    }

    private static final Markdown GATED = Markdown.with(new GatedAutolinkExtension());
    private static final Markdown FLEXMARK = Markdown.with(AutolinkExtension.create());

    private static String html(String markdown) {
        return GATED.html(markdown);
    }

    private static void assertSameAsFlexmark(String markdown) {
        assertThat(GATED.html(markdown)).as(markdown).isEqualTo(FLEXMARK.html(markdown));
    }

    @Test
    void linksAreFoundWhereFlexmarkFindsThem() {
        List<String> texts = List.of(
                "See https://www.cdc.gov/ for more.",
                "Visit www.nih.gov or WWW.NIH.GOV today.",
                "Write to front-desk@clinic.example, or call.",
                "It's at \"https://example.org/it's\" -- really...",
                "An entity: front&#64;clinic.example and www&#46;example.org",
                "Escaped: https\\://example.org and www\\.example.org and a\\@b.example",
                "[the CDC](https://www.cdc.gov/) and <https://medlineplus.gov/>",
                "Only a scheme: https:// and then text",
                "Tables | www.a.example\n--- | ---\nhttps://b.example | c@d.example",
                "`https://code.example` and **www.bold.example** and _x@y.example_");
        for (String text : texts) {
            assertSameAsFlexmark(text);
        }
        assertThat(html(texts.get(0))).contains("<a href=\"https://www.cdc.gov/\">");
        assertThat(html(texts.get(2))).contains("mailto:");
    }

    @Test
    void randomTextRendersTheSame() {
        String[] pieces = {"www", ".", ":", "//", "/", "@", "'", "\"", "&#64;", "&amp;", "&", "\\", "com", "example",
            "https", "mailto", " ", " ", "\n", "--", "...", "*", "[", "]", "(", ")", "<", ">", "`", "w", "W", "|", "-"};
        Random random = new Random(20261128);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(24);
            for (int i = 0; i < length; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            assertSameAsFlexmark(text.toString());
        }
    }
}
