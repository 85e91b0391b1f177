package org.medsite.markdown;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRendererFactory;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.List;
import java.util.Set;
import org.medsite.medical.GlossaryEntry;
import org.medsite.medical.TermMatcher;

/**
 * Marks the first use of each glossary term on a page as a link to its definition in the page's "Words
 * used on this page" list, which the theme renders from the page's glossary ({@code #define-<term>}, the
 * definition itself {@code #define-<term>-text}). The link works without JavaScript and from the
 * keyboard, and {@code aria-describedby} lets a screen reader read the definition out with the term;
 * an abbreviation is also an {@code <abbr>} with its expansion. Other text nodes render as Flexmark
 * renders them.
 */
final class GlossaryTermRenderer implements NodeRenderer {

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(new NodeRenderingHandler<>(Text.class, this::render));
    }

    private void render(Text node, NodeRendererContext context, HtmlWriter html) {
        MarkdownContext page = MarkdownRenderer.CONTEXT.get(context.getDocument());
        List<TermMatcher.Match<GlossaryEntry>> marks = page == null ? List.of() : page.glossary().marksOf(node);
        if (marks.isEmpty()) {
            String plain = plainText(node.getChars().toString());
            if (plain != null) {
                html.text(plain);
            } else {
                context.delegateRender();
            }
            return;
        }
        String text = node.getChars().unescape();
        int at = 0;
        for (TermMatcher.Match<GlossaryEntry> m : marks) {
            html.text(Escaping.normalizeEOL(text.substring(at, m.start())));
            String id = m.value().id();
            html.raw("<a class=\"glossary-term\" href=\"#" + id + "\" aria-describedby=\"" + id + "-text\">");
            if (m.abbreviation()) {
                html.raw("<abbr title=\"" + Escaping.escapeHtml(m.value().term(), true) + "\">");
            }
            html.text(text.substring(m.start(), m.end()));
            html.raw(m.abbreviation() ? "</abbr></a>" : "</a>");
            at = m.end();
        }
        html.text(Escaping.normalizeEOL(text.substring(at)));
    }

    /**
     * A text run as Flexmark's core renderer writes it ({@code normalizeEOL(unescape(chars))}), when that is the
     * text itself: no backslash escape or entity to decode and no carriage return to normalize. Most runs are
     * like that, and the core's way takes a regex over the run and a copy of it a character at a time through
     * the sequence interface (about 4% of a cold build's samples; issue #11).
     *
     * @return the text to write, or null when the core renderer must decode it
     */
    static String plainText(String chars) {
        return chars.indexOf('\\') < 0 && chars.indexOf('&') < 0 && chars.indexOf('\r') < 0 ? chars : null;
    }

    static final class Factory implements NodeRendererFactory {
        @Override
        public NodeRenderer apply(DataHolder options) {
            return new GlossaryTermRenderer();
        }
    }
}
