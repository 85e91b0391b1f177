package org.medsite.text;

/** Whitespace handling shared by the stages that measure or summarise text. */
public final class Whitespace {

    private Whitespace() {
    }

    /**
     * Runs of whitespace as one space, trimmed: what {@code replaceAll("\\s+", " ").strip()} gives, without
     * a regex per call (it ran several times per page; issue #11). Like {@code \s}, only ASCII whitespace
     * counts; {@code strip()} then also drops other leading or trailing Unicode white space.
     */
    public static String collapse(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isAsciiSpace(c)) {
                space = true;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        if (space) {
            out.append(' ');
        }
        return out.toString().strip();
    }

    /** Whether {@code c} is whitespace as a regex's {@code \s} means it by default. */
    public static boolean isAsciiSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
