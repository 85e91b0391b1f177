package org.medsite.markdown;

import com.vladsch.flexmark.ext.abbreviation.AbbreviationExtension;
import com.vladsch.flexmark.ext.definition.DefinitionExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.util.misc.Extension;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Markdown extensions that only a page using their syntax needs, each with a cheap test of its text that
 * is true whenever the syntax could be there (and sometimes when it is not). Each extension adds work to
 * the parsing of every paragraph, list item or text run; a page that cannot contain its syntax is parsed
 * without it, with the same result, which saved about a fifth of Flexmark's time on the benchmark corpus
 * (issue #11).
 */
enum OptionalSyntax {
    /** {@code ~~struck~~}. */
    STRIKETHROUGH(StrikethroughExtension::create, text -> text.indexOf('~') >= 0),
    /** {@code - [ ] to do}, {@code - [x] done}. */
    TASK_LIST(TaskListExtension::create, OptionalSyntax::mayHaveTaskItem),
    /** {@code [^1]} and {@code [^1]: note}. */
    FOOTNOTES(FootnoteExtension::create, text -> text.contains("[^")),
    /** A term, then {@code : definition} (or {@code ~ definition}) at the start of a line. */
    DEFINITIONS(DefinitionExtension::create, OptionalSyntax::mayHaveDefinition),
    /** {@code *[BP]: blood pressure}. */
    ABBREVIATIONS(AbbreviationExtension::create, text -> text.contains("*["));

    private final Supplier<Extension> extension;
    private final Predicate<String> mayAppearIn;

    OptionalSyntax(Supplier<Extension> extension, Predicate<String> mayAppearIn) {
        this.extension = extension;
        this.mayAppearIn = mayAppearIn;
    }

    Extension extension() {
        return extension.get();
    }

    /** The syntaxes that may appear in {@code markdown}, as a bit set over {@link #ordinal()}. */
    static int needed(String markdown) {
        int needed = 0;
        for (OptionalSyntax syntax : values()) {
            if (syntax.mayAppearIn.test(markdown)) {
                needed |= 1 << syntax.ordinal();
            }
        }
        return needed;
    }

    /** A bracket holding one space, tab, x or X: the marker of a task item. */
    private static boolean mayHaveTaskItem(String text) {
        for (int i = text.indexOf('['); i >= 0 && i + 2 < text.length(); i = text.indexOf('[', i + 1)) {
            char c = text.charAt(i + 1);
            if (text.charAt(i + 2) == ']' && (c == ' ' || c == '\t' || c == 'x' || c == 'X')) {
                return true;
            }
        }
        return false;
    }

    /** A line whose first character after spaces and tabs is {@code :} or {@code ~}. */
    private static boolean mayHaveDefinition(String text) {
        // Each line's start is looked at and the rest skipped with indexOf (it ran over every character).
        for (int start = 0; start < text.length(); ) {
            for (int i = start; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == ':' || c == '~') {
                    return true;
                } else if (c != ' ' && c != '\t') {
                    break;
                }
            }
            int end = text.indexOf('\n', start);
            if (end < 0) {
                break;
            }
            start = end + 1;
        }
        return false;
    }
}
