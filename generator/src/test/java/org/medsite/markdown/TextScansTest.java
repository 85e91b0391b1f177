package org.medsite.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.medsite.text.Whitespace;

/**
 * The scans the Markdown stage runs over every page's whole text, rewritten to skip what they need not
 * look at (issue #11), against the character-by-character versions they replaced, on random texts made
 * of the characters each scan looks for.
 */
class TextScansTest {

    private static final String ALPHABET = "ab Z9\n\n  \t>>--**++::~~''’é\u2003\u000B\r\f-x[]^";

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(120);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    @Test
    void theScansGiveWhatTheCharacterByCharacterOnesGave() {
        Random random = new Random(11);
        for (int n = 0; n < 50_000; n++) {
            String text = randomText(random);
            assertThat(MarkdownRenderer.tooDeep(text, 3)).as(text).isEqualTo(tooDeepBefore(text, 3));
            assertThat(MarkdownRenderer.countWords(text)).as(text).isEqualTo(countWordsBefore(text));
            assertThat(Whitespace.collapse(text)).as(text).isEqualTo(text.replaceAll("\\s+", " ").strip());
            assertThat((OptionalSyntax.needed(text) & 1 << OptionalSyntax.DEFINITIONS.ordinal()) != 0).as(text)
                    .isEqualTo(mayHaveDefinitionBefore(text));
        }
    }

    @Test
    void aTextRunWrittenAsItIsIsWhatFlexmarksCoreRendererWrites() {
        // What CoreNodeRenderer writes for a Text node (flexmark 0.64): normalizeEOL(unescape(chars)).
        String alphabet = "ab <>\"'\n\r\t&;#x41amp\\*_`é’";
        Random random = new Random(12);
        int plain = 0;
        for (int n = 0; n < 50_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String chars = text.toString();
            String core = com.vladsch.flexmark.util.sequence.Escaping.normalizeEOL(
                    com.vladsch.flexmark.util.sequence.BasedSequence.of(chars).unescape());
            String written = GlossaryTermRenderer.plainText(chars);
            if (written != null) {
                plain++;
                assertThat(written).as(chars).isEqualTo(core);
            }
        }
        assertThat(plain).isGreaterThan(1_000);
    }

    @Test
    void nestingIsFoundOnTheLineWhereItGoesTooDeep() {
        String deep = "text\n\n" + "> ".repeat(MarkdownRenderer.MAX_NESTING + 1) + "quote\nmore";
        assertThat(MarkdownRenderer.tooDeep(deep)).isEqualTo(2);
        assertThat(tooDeepBefore(deep, MarkdownRenderer.MAX_NESTING)).isEqualTo(2);
        assertThat(MarkdownRenderer.tooDeep("- ".repeat(MarkdownRenderer.MAX_NESTING) + "item")).isEqualTo(-1);
    }

    /** The scan before (with a smaller limit, so that random texts reach it). */
    private static int tooDeepBefore(String markdown, int limit) {
        int lineNumber = 0;
        int depth = 0;
        for (int i = 0; i < markdown.length(); i++) {
            char c = markdown.charAt(i);
            if (c == '\n') {
                lineNumber++;
                depth = 0;
                continue;
            }
            if (depth >= 0) {
                if (c == '>' || ((c == '-' || c == '*' || c == '+') && i + 1 < markdown.length()
                        && markdown.charAt(i + 1) == ' ')) {
                    if (++depth > limit) {
                        return lineNumber;
                    }
                } else if (c != ' ' && c != '\t') {
                    depth = -1;
                }
            }
        }
        return -1;
    }

    private static int countWordsBefore(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !inWord) {
                words++;
            }
            inWord = letter || (inWord && (text.charAt(i) == '\'' || text.charAt(i) == '-' || text.charAt(i) == '’'));
        }
        return words;
    }

    private static boolean mayHaveDefinitionBefore(String text) {
        boolean lineStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                lineStart = true;
            } else if (lineStart && (c == ':' || c == '~')) {
                return true;
            } else if (c != ' ' && c != '\t') {
                lineStart = false;
            }
        }
        return false;
    }
}
