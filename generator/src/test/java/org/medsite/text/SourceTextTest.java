package org.medsite.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.medsite.diagnostics.FindingCollector;

class SourceTextTest {

    @Test
    void removesTheByteOrderMarkAndNormalizesLineEnds() {
        byte[] bytes = "\uFEFF---\r\ntitle: x\r\n---\rbody".getBytes(StandardCharsets.UTF_8);
        assertThat(SourceText.decode(bytes, "a.md", new FindingCollector())).contains("---\ntitle: x\n---\nbody");
    }

    @Test
    void invalidUtf8IsReportedWithItsLine() {
        byte[] bytes = {'o', 'k', '\n', 'l', 'i', 'n', 'e', ' ', (byte) 0xE9, '\n'};
        FindingCollector findings = new FindingCollector();
        assertThat(SourceText.decode(bytes, "a.md", findings)).isEmpty();
        assertThat(findings.sorted()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("source.encoding");
            assertThat(f.line()).isEqualTo(2);
        });
    }

    @Test
    void binaryFilesAreRefused() {
        FindingCollector findings = new FindingCollector();
        assertThat(SourceText.decode(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0}, "a.md", findings)).isEmpty();
        assertThat(findings.sorted()).singleElement().satisfies(f -> assertThat(f.rule()).isEqualTo("source.binary"));
    }
}
