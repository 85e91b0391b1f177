package org.medsite.markdown;

import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRendererFactory;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.data.DataHolder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.medsite.diagnostics.Suggestions;

/**
 * Renders citations: {@code [@cdc-bp]} or {@code [@cdc-bp; @nhlbi]} in the text becomes a numbered
 * superscript link to the source in the page's reference list ({@code #source-<id>}). Numbers follow the
 * order of first citation. Flexmark parses {@code [@id]} as a reference link with no definition; this
 * renderer takes those over and leaves every other reference link to Flexmark.
 */
final class CitationRenderer implements NodeRenderer {

    static final Pattern CITATION = Pattern.compile("@[A-Za-z0-9][A-Za-z0-9._-]*(\\s*;\\s*@[A-Za-z0-9][A-Za-z0-9._-]*)*");

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(new NodeRenderingHandler<>(LinkRef.class, this::render));
    }

    private void render(LinkRef node, NodeRendererContext context, HtmlWriter html) {
        MarkdownContext page = MarkdownRenderer.CONTEXT.get(context.getDocument());
        // "[@id]" is a shortcut reference: its reference is "@id" and its separate text is empty. "[@a][b]"
        // is an ordinary reference link to "b" and stays one.
        String text = node.getReference().toString().strip();
        boolean shortcut = node.getText().isBlank() || node.getText().toString().strip().equals(text);
        if (page == null || node.isDefined() || !shortcut || !CITATION.matcher(text).matches()) {
            context.delegateRender();
            return;
        }
        List<String> ids = new ArrayList<>();
        for (String part : text.split(";")) {
            ids.add(part.strip().substring(1));
        }
        html.raw("<sup class=\"citation\">");
        boolean first = true;
        for (String id : ids) {
            if (!page.citations().isKnown(id)) {
                page.findings().error("medical.unknown-citation", page.displayName(),
                        page.fileLine(node.getStartLineNumber()), "citation [@" + id + "] names no source of this page"
                                + Suggestions.didYouMean(id, page.citations().known())
                                + "; add it under 'sources:' with id: " + id);
                continue;
            }
            int number = page.citations().cite(id);
            html.raw(first ? "[" : ", ");
            html.raw("<a href=\"#source-" + id + "\" aria-label=\"Source " + number + "\">" + number + "</a>");
            first = false;
        }
        if (!first) {
            html.raw("]");
        }
        html.raw("</sup>");
    }

    static final class Factory implements NodeRendererFactory {
        @Override
        public NodeRenderer apply(DataHolder options) {
            return new CitationRenderer();
        }
    }
}
