package org.medsite.markdown;

import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.ast.TypographicText;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * Flexmark's autolinks (GFM: bare {@code https://...}, {@code www....} and e-mail addresses become links),
 * handed only the text nodes that can hold one. Flexmark's post-processor runs a regular expression and
 * the link extractor over every text node of every page, a twentieth of a cold build on text that has no
 * link (issue #11). A link needs a {@code :} ({@code scheme://}), {@code www} or {@code @}; the
 * post-processor also reads the typographic and entity nodes that continue a text node (an entity may
 * stand for any of these), so a node is handed over when it or such a continuation could hold one. Any
 * other node it would leave as it is, so the output is the same.
 */
final class GatedAutolinkExtension implements Parser.ParserExtension {

    @Override
    public void parserOptions(MutableDataHolder options) {
        // Flexmark's autolink options (IGNORE_LINKS) are read by its post-processor, as before.
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.postProcessorFactory(new Factory());
    }

    /** Whether Flexmark's post-processor could find a link in {@code text} or the nodes that continue it. */
    static boolean mayLink(Node text) {
        BasedSequence chars = text.getChars();
        if (mayHoldLink(chars)) {
            return true;
        }
        // As Flexmark's post-processor gathers them: siblings whose text continues the previous one's.
        for (Node next = text.getNext(); next instanceof TypographicText || next instanceof HtmlEntity
                || next instanceof Text; next = next.getNext()) {
            if (!next.getChars().isContinuationOf(chars)) {
                return false;
            }
            if (next instanceof HtmlEntity || mayHoldLink(next.getChars())) {
                return true;
            }
            chars = next.getChars();
        }
        return false;
    }

    /** A colon, an at sign, an ampersand (an entity, unescaped before matching) or "www" in any case. */
    private static boolean mayHoldLink(BasedSequence chars) {
        int w = 0;
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            if (c == ':' || c == '@' || c == '&') {
                return true;
            }
            w = c == 'w' || c == 'W' ? w + 1 : 0;
            if (w == 3) {
                return true;
            }
        }
        return false;
    }

    private static final class Factory extends NodePostProcessorFactory {
        Factory() {
            super(false);
            addNodes(Text.class);
        }

        @Override
        public NodePostProcessor apply(Document document) {
            return new NodePostProcessor() {
                // Made at the first node that may hold a link: most pages have none outside link destinations.
                private NodePostProcessor autolinks;

                @Override
                public void process(NodeTracker state, Node node) {
                    if (mayLink(node)) {
                        if (autolinks == null) {
                            autolinks = new AutolinkNodePostProcessor(document);
                        }
                        autolinks.process(state, node);
                    }
                }
            };
        }
    }
}
