package org.medsite.frontmatter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.medsite.diagnostics.Finding;
import org.medsite.diagnostics.FindingCollector;
import org.medsite.yaml.YamlReader;

class FrontMatterParserTest {

    private final FrontMatterParser parser = new FrontMatterParser(new YamlReader());

    private Optional<ParsedSource> parse(String text, FindingCollector findings) {
        return parser.parse(text, "content/page.md", findings);
    }

    @Test
    void typesTheStandardKeysAndKeepsMedicalOnes() {
        FindingCollector findings = new FindingCollector();
        ParsedSource parsed = parse("""
                ---
                title: "High blood pressure"
                date: 2026-03-01
                lastmod: 2026-03-05T10:30:00+02:00
                draft: false
                tags: [heart, screening]
                categories: Conditions
                weight: 3
                params:
                  hero: blue
                author: ana-ruiz
                reviewedBy: [david-okafor]
                ---
                Body text.
                """, findings).orElseThrow();
        FrontMatter fm = parsed.frontMatter();
        assertThat(findings.sorted()).isEmpty();
        assertThat(fm.title()).contains("High blood pressure");
        assertThat(fm.date()).contains(OffsetDateTime.of(2026, 3, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        assertThat(fm.lastmod().orElseThrow().getOffset()).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(fm.tags()).containsExactly("heart", "screening");
        assertThat(fm.categories()).containsExactly("Conditions");
        assertThat(fm.weight()).isEqualTo(3);
        assertThat(fm.params()).containsEntry("hero", "blue");
        assertThat(fm.medical()).containsEntry("author", "ana-ruiz").containsEntry("reviewedBy", List.of("david-okafor"));
        assertThat(parsed.body()).isEqualTo("Body text.\n");
        assertThat(parsed.bodyLine()).isEqualTo(14);
    }

    @Test
    void aFileWithoutFrontMatterIsAllBody() {
        ParsedSource parsed = parse("# Just Markdown\n", new FindingCollector()).orElseThrow();
        assertThat(parsed.frontMatter()).isEqualTo(FrontMatter.empty());
        assertThat(parsed.bodyLine()).isEqualTo(1);
    }

    @Test
    void unknownKeysAreReportedWithTheKeyTheyResemble() {
        FindingCollector findings = new FindingCollector();
        parse("---\ntitle: x\nreviewdBy: [a]\n---\n", findings);
        assertThat(findings.sorted()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("frontmatter.unknown-key");
            assertThat(f.line()).isEqualTo(3);
            assertThat(f.message()).contains("'reviewdBy'").contains("did you mean 'reviewedBy'?");
        });
    }

    @Test
    void wrongTypesAndBadDatesAreErrorsOnTheirLine() {
        FindingCollector findings = new FindingCollector();
        FrontMatter fm = parse("""
                ---
                title: ok
                date: 2026-02-30
                weight: heavy
                draft: maybe
                tags: {a: b}
                ---
                """, findings).orElseThrow().frontMatter();
        assertThat(findings.sorted()).extracting(Finding::line, Finding::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "frontmatter.date"),
                org.assertj.core.groups.Tuple.tuple(4, "frontmatter.type"),
                org.assertj.core.groups.Tuple.tuple(5, "frontmatter.type"),
                org.assertj.core.groups.Tuple.tuple(6, "frontmatter.type"));
        assertThat(fm.date()).isEmpty();
        assertThat(fm.title()).contains("ok");
    }

    @Test
    void invalidYamlIsReportedWithTheFileLine() {
        FindingCollector findings = new FindingCollector();
        assertThat(parse("---\ntitle: ok\ndescription: \"unclosed\n---\nbody\n", findings)).isEmpty();
        assertThat(findings.sorted()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("frontmatter.yaml");
            assertThat(f.line()).isBetween(3, 5);
        });
    }

    @Test
    void duplicateKeysAreErrors() {
        FindingCollector findings = new FindingCollector();
        assertThat(parse("---\ntitle: a\ntitle: b\n---\n", findings)).isEmpty();
        assertThat(findings.sorted()).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("duplicate key").contains("title");
            assertThat(f.line()).isEqualTo(3);
        });
    }

    @Test
    void tabsInIndentationAreErrors() {
        FindingCollector findings = new FindingCollector();
        assertThat(parse("---\nparams:\n\thero: x\n---\n", findings)).isEmpty();
        assertThat(findings.sorted()).singleElement().extracting(Finding::rule).isEqualTo("frontmatter.yaml");
    }

    @Test
    void aliasesAreRefusedSoBombsCannotExpandAndValuesCannotTurnIntoWords() {
        StringBuilder yaml = new StringBuilder("---\nparams:\n  a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'k'; c++) {
            yaml.append("  ").append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 10; i++) {
                yaml.append(i == 0 ? "" : ", ").append('*').append(prev);
            }
            yaml.append("]\n");
            prev = c;
        }
        yaml.append("---\n");
        FindingCollector findings = new FindingCollector();
        assertThat(parse(yaml.toString(), findings)).isEmpty();
        assertThat(findings.sorted()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("frontmatter.yaml");
            assertThat(f.message()).contains("aliases");
            assertThat(f.line()).isEqualTo(4);
        });
    }

    @Test
    void unclosedFrontMatterIsAnErrorOnLineOne() {
        FindingCollector findings = new FindingCollector();
        assertThat(parse("---\ntitle: x\n\nBody without a closing line\n", findings)).isEmpty();
        assertThat(findings.sorted()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("frontmatter.unclosed");
            assertThat(f.line()).isEqualTo(1);
        });
    }

    @Test
    void frontMatterThatIsNotAMappingIsAnError() {
        FindingCollector findings = new FindingCollector();
        assertThat(parse("---\n- a\n- b\n---\n", findings)).isEmpty();
        assertThat(findings.sorted()).singleElement().satisfies(f -> assertThat(f.message()).contains("a list"));
    }

    @Test
    void datesInTheFormatsPeopleWrite() {
        assertThat(FrontMatterParser.Dates.parse("2026-03-01")).isPresent();
        assertThat(FrontMatterParser.Dates.parse("2026-03-01 10:00:00")).isPresent();
        assertThat(FrontMatterParser.Dates.parse("2026-03-01T10:00:00Z")).isPresent();
        assertThat(FrontMatterParser.Dates.parse("2026-03-01T10:00:00+0100").orElseThrow().getOffset())
                .isEqualTo(ZoneOffset.ofHours(1));
        assertThat(FrontMatterParser.Dates.parse("1 March 2026")).isEmpty();
        assertThat(FrontMatterParser.Dates.parse("2026-13-01")).isEmpty();
    }
}
