package org.medsite.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.medsite.content.ContentSource;
import org.medsite.content.SourceKind;
import org.medsite.diagnostics.Finding;
import org.medsite.diagnostics.Severity;
import org.medsite.frontmatter.FrontMatter;
import org.medsite.frontmatter.ParsedSource;
import org.medsite.markdown.RenderedMarkdown;
import org.medsite.markdown.TocEntry;
import org.medsite.medical.Readability;
import org.medsite.postprocess.PageSources;

class RecordCodecTest {

    private final RecordCodec codec = new RecordCodec(getClass().getClassLoader());

    private Object roundTrip(Object value) throws IOException {
        return codec.decode(codec.encode(value));
    }

    @Test
    void parsedFrontMatterWithEveryKindOfYamlValueComesBackEqual() throws IOException {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("count", 3);
        params.put("big", 12345678901L);
        params.put("huge", new BigInteger("123456789012345678901234567890"));
        params.put("ratio", 0.5);
        params.put("exact", new BigDecimal("1.10"));
        params.put("on", true);
        params.put("nothing", null);
        params.put("list", java.util.Arrays.asList("a", null, 2));
        params.put("nested", Map.of("k", List.of(Map.of("x", "y"))));
        FrontMatter fm = new FrontMatter(Optional.of("Title ü"), Optional.empty(),
                Optional.of(OffsetDateTime.parse("2026-03-01T10:15:30+02:00")), Optional.empty(), false,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of("/old/"), List.of("a", "b"),
                List.of(), Optional.empty(), 4, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("condition"), List.of("main"), params, Map.of("author", "ana-ruiz"),
                Map.of("tags", List.of("a", "b")));
        ParsedEntry entry = new ParsedEntry(Optional.of(new ParsedSource(fm, "Body\n", 7, Map.of("title", 2))),
                List.of(new Finding(Severity.WARNING, "frontmatter.unknown-key", "content/a.md", 3, "unknown key")));

        assertThat(roundTrip(entry)).isEqualTo(entry);
        assertThat(roundTrip(new ParsedEntry(Optional.empty(), List.of()))).isEqualTo(new ParsedEntry(Optional.empty(), List.of()));
    }

    @Test
    void datesAndInstantsComeBackEqualWithTheirOffsetAndNanoseconds() throws IOException {
        List<Object> values = List.of(java.time.LocalDate.of(2026, 2, 28), java.time.LocalDate.of(-4, 1, 1),
                java.time.LocalDate.MAX, java.time.LocalDate.MIN,
                OffsetDateTime.parse("2026-03-01T10:15:30.123456789+02:00"), OffsetDateTime.parse("1969-12-31T23:59:59-14:00"),
                OffsetDateTime.parse("2026-03-01T00:00Z"), OffsetDateTime.parse("2026-03-01T00:00+05:45"),
                java.time.Instant.parse("2026-11-28T12:00:00.000000001Z"), java.time.Instant.EPOCH.minusNanos(1));
        for (Object value : values) {
            Object back = roundTrip(value);
            assertThat(back).isEqualTo(value);
            // Equal and shown the same way: an offset date-time keeps its offset, not just its instant.
            assertThat(back.toString()).isEqualTo(value.toString());
        }
    }

    @Test
    void renderedMarkdownWithNotANumberAndFinishedPagesComeBackEqual() throws IOException {
        Readability unmeasured = new Readability("fr", false, 10, 2, 14, 1, Double.NaN, Double.NaN, Double.NaN,
                List.of("Une phrase."), List.of());
        RenderedMarkdown rendered = new RenderedMarkdown("<p>x</p>", Optional.empty(), "x", 1,
                List.of(new TocEntry(2, "id", "Heading")), Optional.of("teaser"), "x", List.of("cdc"), unmeasured);
        MarkdownEntry markdown = new MarkdownEntry(rendered, List.of(), Map.of("b.md", Optional.of("/b/")),
                Map.of("img.png", Optional.empty()));
        FinishedEntry finished = new FinishedEntry("abc", List.of(), new PageSources(
                new TreeMap<>(Map.of("img-src", new TreeSet<>(List.of("'self'")))), new TreeSet<>(List.of("onclick"))));
        ContentSource source = new ContentSource(Path.of("/site/content/a.md"), "a.md", SourceKind.PAGE,
                Optional.of("en"), "", "a", List.of());

        assertThat(roundTrip(markdown)).isEqualTo(markdown);
        assertThat(roundTrip(finished)).isEqualTo(finished);
        assertThat(roundTrip(source)).isEqualTo(source);
    }

    @Test
    void onlyMedsitesOwnRecordsAreWrittenOrRebuilt() {
        assertThatThrownBy(() -> codec.encode(java.util.UUID.randomUUID())).isInstanceOf(IllegalArgumentException.class);
        byte[] foreign = codec.encode(new TocEntry(2, "a", "b"));
        String text = new String(foreign, StandardCharsets.ISO_8859_1).replace("org.medsite.markdown.TocEntry",
                "java.util.concurrent.TimeUnit");
        assertThatThrownBy(() -> codec.decode(text.getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not one of Medsite's own types");
    }

    @Test
    void textOfEveryScriptComesBackEqualFromOneFileOfMany() throws IOException {
        // Latin-1 text is kept one byte a character, the rest as UTF-8; both read back from a view of the file.
        List<String> texts = List.of("", "plain ASCII", "Presi\u00f3n arterial \u00bf", "\u00ff\u0000",
                "\u2192 \u65e5\u672c\u8a9e", "emoji \ud83e\ude7a mixed with \u00e9", "why?",
                // A character above U+00FF encodes as '?' in Latin-1: beside a real '?' it must not pass as one.
                "why? \u2192?");
        Map<String, byte[]> entries = new TreeMap<>();
        for (int i = 0; i < texts.size(); i++) {
            entries.put("k" + i, codec.encode(new TocEntry(i, texts.get(i), texts.get(texts.size() - 1 - i))));
        }
        Map<String, java.nio.ByteBuffer> read = PageCache.read(PageCache.write(entries));
        for (int i = 0; i < texts.size(); i++) {
            assertThat(codec.decode(read.get("k" + i)))
                    .isEqualTo(new TocEntry(i, texts.get(i), texts.get(texts.size() - 1 - i)));
        }
    }

    @Test
    void aFileWithAnyByteChangedIsRefused() throws IOException {
        // A changed letter inside a string still decodes: only the segment's checksum tells. It covers every
        // byte, a flag whose change means nothing and the checksum itself included.
        TocEntry value = new TocEntry(2, "params:", "text");
        byte[] file = PageCache.write(new TreeMap<>(Map.of("k", codec.encode(value))));
        int refused = 0;
        for (int i = 0; i < file.length; i++) {
            byte[] damaged = file.clone();
            damaged[i] ^= 0x5a;
            Map<String, java.nio.ByteBuffer> read;
            try {
                read = PageCache.read(damaged);
            } catch (IOException e) {
                refused++;
                continue;
            }
            assertThat(read).as("byte %d read", i).isNull();
        }
        assertThat(refused).isEqualTo(file.length);
    }

    @Test
    void aCutShortFileIsRefused() throws IOException {
        byte[] file = PageCache.write(new TreeMap<>(Map.of("k", codec.encode(new TocEntry(2, "a", "b")))));

        assertThat(PageCache.read(file)).containsKey("k");
        assertThatThrownBy(() -> PageCache.read(java.util.Arrays.copyOf(file, file.length - 3)))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> codec.decode(java.util.Arrays.copyOf(codec.encode(new TocEntry(2, "a", "b")), 9)))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aValueDecodesTheSameFromAHeapAndFromADirectBuffer() throws IOException {
        // A mapped segment is a direct buffer: its strings are copied out rather than read from an array.
        Object value = List.of("plain latin1 \u00e9", "beyond latin1 \u4e2d\uD83E\uDE7A", Map.of("k", Optional.of(3L)));
        byte[] bytes = codec.encode(value);
        java.nio.ByteBuffer direct = java.nio.ByteBuffer.allocateDirect(bytes.length + 4);
        direct.put(new byte[] {1, 2}).put(bytes).put(new byte[] {3, 4}).flip();

        assertThat(codec.decode(direct.position(2).limit(2 + bytes.length))).isEqualTo(value);
    }
}
