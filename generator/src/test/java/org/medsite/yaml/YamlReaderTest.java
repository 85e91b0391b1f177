package org.medsite.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.util.Random;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

    @Test
    void aliasesAreRefusedWithTheirLineAndEmphasisInTextIsNot() throws Exception {
        YamlReader reader = new YamlReader();
        assertThat(reader.readMapping("summary: \"Eat **less** salt\"\ntitle: A *b* c\n", 2).lines()).hasSize(2);
        assertThatThrownBy(() -> reader.readMapping("a: &x [1]\nb: *x\n", 2))
                .isInstanceOf(YamlException.class).hasMessageContaining("'*x'");
    }

    /**
     * The quick test never misses an alias SnakeYAML reads (it may see one where there is none): checked on
     * random documents made of keys, stars, anchors, tags, quotes and flow and block punctuation.
     */
    @Test
    void theQuickTestNeverMissesAnAlias() throws Exception {
        String[] pieces = {"a", "key", ": ", ":", "\n", "\n  ", "- ", "-", "*", "*x", "&x ", "!t ", "!!str ", "[", "]",
            "{", "}", ", ", ",", "? ", "\"", "'", " ", "\t", "**b**", "|\n  ", "> ", "#", "1"};
        Random random = new Random(20261128);
        YAMLFactory factory = new YAMLFactory();
        int aliases = 0;
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(10);
            for (int i = 0; i < length; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            boolean alias = false;
            try (JsonParser parser = factory.createParser(text.toString())) {
                while (!alias && parser.nextToken() != null) {
                    alias = parser instanceof YAMLParser y && y.isCurrentAlias();
                }
            } catch (Exception e) {
                // Not valid YAML up to here; an alias before the error still counts.
            }
            if (alias) {
                aliases++;
                assertThat(YamlReader.mayHaveAlias(text.toString())).as(text.toString()).isTrue();
            }
        }
        assertThat(aliases).as("documents with an alias among the random ones").isGreaterThan(100);
    }
}
