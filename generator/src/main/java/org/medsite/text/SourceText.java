package org.medsite.text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.medsite.diagnostics.FindingCollector;

/**
 * Reads a text source the way every stage needs it: strict UTF-8 (a wrong byte is reported with its
 * line, never replaced silently), without a byte-order mark, with CRLF and CR line ends made LF, and
 * refusing binary files and files too large to be hand-written content.
 */
public final class SourceText {

    /** Far above any real page; a larger "page" is a mistake (a video or a database dump renamed .md). */
    public static final long MAX_BYTES = 8L * 1024 * 1024;

    private SourceText() {
    }

    /**
     * @param file the file to read
     * @param displayName the name to use in findings (relative to the site folder)
     * @return the text, or empty after reporting why it could not be used
     */
    public static Optional<String> read(Path file, String displayName, FindingCollector findings)
            throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            findings.error("source.too-large", displayName, 0, "file is " + (size / (1024 * 1024))
                    + " MB; text sources may be at most " + (MAX_BYTES / (1024 * 1024))
                    + " MB (put large files under static/)");
            return Optional.empty();
        }
        byte[] bytes = Files.readAllBytes(file);
        return decode(bytes, displayName, findings);
    }

    /** Decodes bytes as described in the class comment. */
    public static Optional<String> decode(byte[] bytes, String displayName, FindingCollector findings) {
        for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
            if (bytes[i] == 0) {
                findings.error("source.binary", displayName, 0,
                        "file looks binary (it contains NUL bytes); only UTF-8 text is allowed here");
                return Optional.empty();
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int line = lineOfFirstBadByte(bytes);
            findings.error("source.encoding", displayName, line,
                    "text is not valid UTF-8; save the file as UTF-8 in your editor");
            return Optional.empty();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\r') >= 0) {
            text = text.replace("\r\n", "\n").replace('\r', '\n');
        }
        return Optional.of(text);
    }

    private static int lineOfFirstBadByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        int bad = in.position();
        int line = 1;
        for (int i = 0; i < bad; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
