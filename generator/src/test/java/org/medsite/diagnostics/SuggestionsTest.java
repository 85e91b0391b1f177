package org.medsite.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private final List<String> keys = List.of("title", "reviewedBy", "lastReviewed", "description", "date");

    @Test
    void suggestsTheClosestKeyForTyposAndTranspositions() {
        assertThat(Suggestions.closest("reviewdBy", keys)).contains("reviewedBy");
        assertThat(Suggestions.closest("lastreviewed", keys)).contains("lastReviewed");
        assertThat(Suggestions.closest("ttile", keys)).contains("title");
        assertThat(Suggestions.closest("descripton", keys)).contains("description");
    }

    @Test
    void suggestsNothingForUnrelatedWords() {
        assertThat(Suggestions.closest("colour", keys)).isEmpty();
        assertThat(Suggestions.didYouMean("zzz", keys)).isEmpty();
    }

    @Test
    void formatsFileLineSeverityMessageAndRule() {
        assertThat(Finding.error("r.x", "content/a.md", 4, "bad").format()).isEqualTo("content/a.md:4: error: bad [r.x]");
        assertThat(Finding.warning("r.x", "", 0, "meh").format()).isEqualTo("warning: meh [r.x]");
    }
}
