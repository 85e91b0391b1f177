package org.medsite.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.typographic.TypographicExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.data.NullableDataKey;
import com.vladsch.flexmark.util.misc.Extension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.medsite.config.MarkdownOptions;
import org.medsite.medical.Readability;
import org.medsite.text.Whitespace;

/**
 * The render-Markdown stage: one Flexmark parser and renderer, built once per build and shared by all
 * threads (both are immutable); per-page data travels in the parsed {@link Document}.
 *
 * <p>Markdown dialect: CommonMark plus GFM tables, strikethrough, task lists and autolinks, footnotes,
 * definition lists, abbreviations, heading ids, and (unless switched off) typographic quotes and dashes;
 * plus Medsite's links between pages, citations of a page's sources ({@code [@id]}) and the first use of
 * each glossary term marked up with its definition.
 */
public final class MarkdownRenderer {

    private static final java.util.regex.Pattern CITATION_MARKER = java.util.regex.Pattern.compile("\\[?@[\\w.-]+(;\\s*@[\\w.-]+)*\\]?");
    private static final java.util.regex.Pattern MORE = java.util.regex.Pattern.compile("<!--\\s*more\\s*-->");

    static final NullableDataKey<MarkdownContext> CONTEXT = new NullableDataKey<>("MEDSITE_PAGE_CONTEXT");

    /** Parsers by the {@link OptionalSyntax} set they include, made when a page first needs one. */
    private final Map<Integer, Parser> parsers = new ConcurrentHashMap<>();
    private final DataHolder settings;
    /** Syllables by word, shared by the pages of a build (they repeat their words); see {@link Readability}. */
    private final Map<String, Integer> syllableCounts = new ConcurrentHashMap<>();
    private final HtmlRenderer renderer;
    /** Whether each body's plain text is kept: only the search index reads it. */
    private final boolean plainText;

    /** A renderer that keeps each body's plain text. */
    public MarkdownRenderer(MarkdownOptions options) {
        this(options, true);
    }

    /**
     * @param plainText whether to keep each body's plain text ({@link RenderedMarkdown#plainText}), which only
     *     the search index reads: without it, the text is still collected for the word count, but not collapsed
     *     into a second copy, kept with the page until the end of the build and encoded into its page cache
     *     entry (issue #11)
     */
    public MarkdownRenderer(MarkdownOptions options, boolean plainText) {
        this.plainText = plainText;
        List<Extension> always = new ArrayList<>(List.of(
                TablesExtension.create(),
                new GatedAutolinkExtension(),
                new SiteExtension()));
        if (options.typographer()) {
            always.add(TypographicExtension.create());
        }
        List<Extension> all = new ArrayList<>(always);
        for (OptionalSyntax syntax : OptionalSyntax.values()) {
            all.add(syntax.extension());
        }
        MutableDataSet settings = new MutableDataSet()
                .set(Parser.EXTENSIONS, all)
                .set(HtmlRenderer.GENERATE_HEADER_ID, true)
                .set(HtmlRenderer.RENDER_HEADER_ID, true)
                .set(HtmlRenderer.HEADER_ID_GENERATOR_NO_DUPED_DASHES, true)
                // GitHub's table behaviour: ragged rows are padded or cut, never dropped.
                .set(TablesExtension.COLUMN_SPANS, false)
                .set(TablesExtension.APPEND_MISSING_COLUMNS, true)
                .set(TablesExtension.DISCARD_EXTRA_COLUMNS, true)
                .set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        if (options.hardWraps()) {
            settings.set(HtmlRenderer.SOFT_BREAK, "<br />\n");
        }
        // One renderer for all: it renders what any of the parsers makes.
        this.renderer = HtmlRenderer.builder(settings).build();
        this.settings = new MutableDataSet(settings).set(Parser.EXTENSIONS, always).toImmutable();
    }

    /** A parser with the extensions always on and the optional ones {@code markdown} may use. */
    private Parser parserFor(String markdown) {
        return parsers.computeIfAbsent(OptionalSyntax.needed(markdown), needed -> {
            List<Extension> extensions = new ArrayList<>(Parser.EXTENSIONS.get(settings));
            for (OptionalSyntax syntax : OptionalSyntax.values()) {
                if ((needed & 1 << syntax.ordinal()) != 0) {
                    extensions.add(syntax.extension());
                }
            }
            return Parser.builder(new MutableDataSet(settings).set(Parser.EXTENSIONS, extensions)).build();
        });
    }

    /** Deeper than any real page; beyond it, parsers and renderers recurse until the stack runs out. */
    static final int MAX_NESTING = 64;

    /** Renders one page body; broken links and too-deep nesting are reported to the context's findings. */
    public RenderedMarkdown render(String markdown, MarkdownContext context) {
        int line = tooDeep(markdown);
        if (line >= 0) {
            context.findings().error("markdown.too-deep", context.displayName(), context.fileLine(line), "quotes or lists "
                    + "are nested more than " + MAX_NESTING + " levels deep; flatten them");
            return empty(context);
        }
        try {
            return renderChecked(markdown, context);
        } catch (StackOverflowError e) {
            context.findings().error("markdown.too-deep", context.displayName(), context.bodyLine(), "the text is nested "
                    + "too deeply to render; flatten its quotes, lists or emphasis");
            return empty(context);
        }
    }

    private static RenderedMarkdown empty(MarkdownContext context) {
        return new RenderedMarkdown("", Optional.empty(), "", 0, List.of(), Optional.empty(), "", List.of(),
                Readability.ofNothing(context.lang()));
    }

    /** The 0-based line whose block quote or list markers nest deeper than {@link #MAX_NESTING}, or -1. */
    static int tooDeep(String markdown) {
        return tooDeep(markdown, MAX_NESTING);
    }

    /** The 0-based line whose markers nest deeper than {@code limit}, or -1. */
    static int tooDeep(String markdown, int limit) {
        int lineNumber = 0;
        // Only the markers at the start of each line count: the rest of a line is skipped with indexOf,
        // not looked at character by character (this ran over every page's whole text; issue #11).
        for (int start = 0; start < markdown.length(); lineNumber++) {
            int depth = 0;
            for (int i = start; i < markdown.length(); i++) {
                char c = markdown.charAt(i);
                if (c == '>' || ((c == '-' || c == '*' || c == '+') && i + 1 < markdown.length()
                        && markdown.charAt(i + 1) == ' ')) {
                    if (++depth > limit) {
                        return lineNumber;
                    }
                } else if (c != ' ' && c != '\t') {
                    break; // Past the line's markers (or at its end): the rest is text.
                }
            }
            int end = markdown.indexOf('\n', start);
            if (end < 0) {
                break;
            }
            start = end + 1;
        }
        return -1;
    }

    private RenderedMarkdown renderChecked(String markdown, MarkdownContext context) {
        Document document = parserFor(markdown).parse(markdown);
        document.set(CONTEXT, context);
        Optional<String> title = Optional.empty();
        if (!context.hasTitle() && document.getFirstChild() instanceof Heading h && h.getLevel() == 1) {
            // "# Title" on the first line is how many people title a Markdown file; the theme shows the
            // title as the page's one <h1>, so the heading moves out of the body rather than doubling.
            title = Optional.of(collapse(new TextCollectingVisitor().collectAndGetText(h)));
            h.unlink();
        }
        for (Node node : document.getChildren()) {
            if (node instanceof Heading h && h.getLevel() == 1) {
                context.findings().warning("markdown.second-h1", context.displayName(),
                        context.fileLine(h.getStartLineNumber()), "'# " + collapse(h.getText().toString())
                                + "' is a second level-1 heading: the theme already shows the title as the page's "
                                + "<h1>; use '##' for sections (WCAG 1.3.1, 2.4.6)");
            }
        }
        // Ids are generated with the renderer's own options, so the table of contents and the
        // rendered headings agree.
        HeaderIdGenerator ids = new HeaderIdGenerator.Factory().create();
        ids.generateIds(document);
        List<TocEntry> toc = new ArrayList<>();
        Optional<String> teaser = Optional.empty();
        StringBuilder beforeMore = new StringBuilder();
        // Most pages have no <!--more--> marker: then the text before it is never needed, and collecting
        // it would be one more pass over the whole document (issue #11).
        boolean hasMore = markdown.contains("<!--") && MORE.matcher(markdown).find();
        for (Node node : document.getChildren()) {
            if (node instanceof Heading h && (h.getLevel() == 2 || h.getLevel() == 3) && h.getAnchorRefId() != null) {
                toc.add(new TocEntry(h.getLevel(), h.getAnchorRefId(),
                        collapse(new TextCollectingVisitor().collectAndGetText(h))));
            }
            if (teaser.isEmpty() && node instanceof HtmlCommentBlock c && MORE.matcher(c.getChars()).find()) {
                teaser = Optional.of(collapse(beforeMore.toString()));
            } else if (teaser.isEmpty() && hasMore) {
                beforeMore.append(new TextCollectingVisitor().collectAndGetText(node)).append(' ');
            }
        }
        context.glossary().scan(document, context::fileLine);
        String html = renderer.render(document);
        Paragraph first = document.getFirstChildAny(Paragraph.class) instanceof Paragraph p ? p : null;
        String firstParagraph = first == null ? "" : collapse(new TextCollectingVisitor().collectAndGetText(first));
        String text = new TextCollectingVisitor().collectAndGetText(document);
        return new RenderedMarkdown(html, title, firstParagraph, countWords(text), toc, teaser,
                plainText ? collapse(text) : "", context.citations().order(), context.measureReadability()
                        ? Readability.of(prose(document), context.lang(), syllableCounts)
                        : Readability.ofNothing(context.lang()),
                context.glossary().result());
    }

    /**
     * The prose readability is measured on: paragraphs (list items' included), not headings, code,
     * tables, footnotes or citation markers.
     */
    private static List<String> prose(Document document) {
        List<String> blocks = new ArrayList<>();
        for (Node node : document.getDescendants()) {
            if (node instanceof Paragraph p && !insideFootnoteOrTable(p)) {
                String text = new TextCollectingVisitor().collectAndGetText(p);
                blocks.add(text.indexOf('@') < 0 ? text : CITATION_MARKER.matcher(text).replaceAll(""));
            }
        }
        return blocks;
    }

    private static boolean insideFootnoteOrTable(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof FootnoteBlock || n instanceof TableBlock) {
                return true;
            }
        }
        return false;
    }

    static int countWords(String text) {
        int words = 0;
        boolean inWord = false;
        // A char array, not charAt: this runs over every page's whole text (see Whitespace.collapse).
        for (char c : text.toCharArray()) {
            boolean letter = c < 128 ? c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    : Character.isLetterOrDigit(c);
            if (letter && !inWord) {
                words++;
            }
            inWord = letter || (inWord && (c == '\'' || c == '-' || c == '’'));
        }
        return words;
    }

    /** Runs of whitespace as one space, trimmed (see {@link Whitespace#collapse}). */
    static String collapse(String text) {
        return Whitespace.collapse(text);
    }

    /** Registers Medsite's link resolver and attribute provider with the renderer. */
    private static final class SiteExtension implements HtmlRenderer.HtmlRendererExtension {
        @Override
        public void rendererOptions(MutableDataHolder options) {
            // No options of its own.
        }

        @Override
        public void extend(HtmlRenderer.Builder builder, String rendererType) {
            builder.linkResolverFactory(new SiteLinkResolver.Factory());
            builder.attributeProviderFactory(new ExternalLinkAttributes.Factory());
            builder.nodeRendererFactory(new CitationRenderer.Factory());
            builder.nodeRendererFactory(new GlossaryTermRenderer.Factory());
            builder.nodeRendererFactory(new VideoRenderer.Factory());
        }
    }
}
