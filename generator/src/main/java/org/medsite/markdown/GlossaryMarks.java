package org.medsite.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.abbreviation.Abbreviation;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medsite.medical.Glossary;
import org.medsite.medical.GlossaryEntry;
import org.medsite.medical.Jargon;
import org.medsite.medical.JargonUse;
import org.medsite.medical.PageGlossary;
import org.medsite.medical.TermMatcher;

/**
 * One page's glossary work, done on the parsed Markdown before it is rendered: which text nodes carry the
 * first use of a glossary term (marked up by {@link GlossaryTermRenderer}), and which jargon words the page
 * uses without a definition. Belongs to one page's rendering (one thread), like the page's document.
 *
 * <p>Only body text is looked at: never headings (a term is explained where it is used, and headings are
 * read out of context in a table of contents), links, code, citations, footnotes, abbreviations the
 * Markdown defines itself, or text inside inline HTML {@code <a>}, {@code <abbr>}, {@code <dfn>},
 * {@code <code>} and the like. Text is matched one text node at a time, so a term broken over two lines
 * of the Markdown source is not found.
 */
public final class GlossaryMarks {

    private static final Pattern INLINE_TAG = Pattern.compile("<(/?)(a|abbr|dfn|code|kbd|samp|var|cite|q|script|style)\\b",
            Pattern.CASE_INSENSITIVE);

    private final Optional<Glossary> glossary;
    private final Optional<TermMatcher<Jargon.Word>> jargon;
    private final Map<Node, List<TermMatcher.Match<GlossaryEntry>>> marks = new IdentityHashMap<>();
    private final Map<String, GlossaryEntry> used = new LinkedHashMap<>();
    private final Map<Jargon.Word, JargonUse> firstJargon = new LinkedHashMap<>();
    private final Map<Jargon.Word, Boolean> explained = new HashMap<>();

    /**
     * @param glossary the glossary whose terms are marked on this page; empty when the page or site turns
     *     marking off, or the page's language has no glossary
     * @param jargon the built-in jargon list of the page's language, if there is one
     */
    public GlossaryMarks(Optional<Glossary> glossary, Optional<TermMatcher<Jargon.Word>> jargon) {
        this.glossary = glossary;
        this.jargon = jargon;
    }

    public static GlossaryMarks none() {
        return new GlossaryMarks(Optional.empty(), Optional.empty());
    }

    /** Finds the terms and jargon of a parsed page; {@code fileLine} turns a 0-based body line into a file line. */
    void scan(Document document, IntUnaryOperator fileLine) {
        if (glossary.isEmpty() && jargon.isEmpty()) {
            return;
        }
        Map<Node, String> blockText = new IdentityHashMap<>();
        for (Node node : document.getDescendants()) {
            if (!(node instanceof Text) || skipped(node)) {
                continue;
            }
            String text = node.getChars().unescape();
            List<TermMatcher.Match<GlossaryEntry>> terms = glossary.map(g -> g.find(text)).orElse(List.of());
            List<TermMatcher.Match<GlossaryEntry>> first = new ArrayList<>();
            for (TermMatcher.Match<GlossaryEntry> m : terms) {
                if (used.putIfAbsent(m.value().term(), m.value()) == null) {
                    first.add(m);
                }
            }
            if (!first.isEmpty()) {
                marks.put(node, first);
            }
            for (TermMatcher.Match<Jargon.Word> j : jargon.map(m -> m.find(text)).orElse(List.of())) {
                if (!firstJargon.containsKey(j.value())) {
                    // Only the first use's line is kept: Flexmark finds a node's line by scanning the text before it.
                    firstJargon.put(j.value(), new JargonUse(j.value().word(), text.substring(j.start(), j.end()),
                            j.value().plain(), fileLine.applyAsInt(node.getStartLineNumber())));
                }
                boolean defined = terms.stream().anyMatch(t -> t.start() < j.end() && j.start() < t.end())
                        || explainedInline(text, j, blockText.computeIfAbsent(block(node),
                                b -> new TextCollectingVisitor().collectAndGetText(b).toLowerCase(Locale.ROOT)));
                explained.merge(j.value(), defined, Boolean::logicalOr);
            }
        }
    }

    /**
     * Whether a jargon word is explained where it stands: in brackets beside its explanation
     * ("hypertension (high blood pressure)", "high blood pressure (hypertension)"), or its plain words
     * appear in the same paragraph.
     */
    private static boolean explainedInline(String text, TermMatcher.Match<Jargon.Word> j, String block) {
        int after = j.end();
        while (after < text.length() && text.charAt(after) == ' ') {
            after++;
        }
        int before = j.start() - 1;
        while (before >= 0 && text.charAt(before) == ' ') {
            before--;
        }
        return after < text.length() && text.charAt(after) == '(' || before >= 0 && text.charAt(before) == '('
                || block.contains(j.value().plain().toLowerCase(Locale.ROOT));
    }

    private static Node block(Node node) {
        Node n = node.getParent();
        while (n != null && !(n instanceof Block)) {
            n = n.getParent();
        }
        return n == null ? node : n;
    }

    /** Whether a text node is in a place no term is marked or jargon looked for. */
    static boolean skipped(Node text) {
        for (Node n = text; n != null && !(n instanceof Document); n = n.getParent()) {
            if (n instanceof Heading || n instanceof Link || n instanceof LinkRef || n instanceof AutoLink
                    || n instanceof MailLink || n instanceof Image || n instanceof ImageRef || n instanceof Code
                    || n instanceof Footnote || n instanceof FootnoteBlock || n instanceof Abbreviation
                    || insideInlineElement(n)) {
                return true;
            }
        }
        return false;
    }

    /** Whether inline HTML before the node among its siblings opened an element such as {@code <abbr>} and did not close it. */
    private static boolean insideInlineElement(Node node) {
        // Made at the first inline HTML sibling: most text has none, and this runs for each of its ancestors.
        Map<String, Integer> open = null;
        for (Node s = node.getParent() == null ? null : node.getParent().getFirstChild(); s != null && s != node;
                s = s.getNext()) {
            if (s instanceof HtmlInline) {
                Matcher m = INLINE_TAG.matcher(s.getChars());
                if (m.lookingAt()) {
                    open = open == null ? new HashMap<>() : open;
                    open.merge(m.group(2).toLowerCase(Locale.ROOT), m.group(1).isEmpty() ? 1 : -1, Integer::sum);
                }
            }
        }
        return open != null && open.values().stream().anyMatch(v -> v > 0);
    }

    /** The first uses of glossary terms in a text node, left to right. */
    List<TermMatcher.Match<GlossaryEntry>> marksOf(Node text) {
        return marks.getOrDefault(text, List.of());
    }

    /** The outcome: the terms used, and the jargon used with neither a glossary entry nor an explanation. */
    public PageGlossary result() {
        List<JargonUse> undefined = new ArrayList<>();
        firstJargon.forEach((word, use) -> {
            if (!explained.getOrDefault(word, false)) {
                undefined.add(use);
            }
        });
        return new PageGlossary(List.copyOf(used.values()), undefined);
    }
}
