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
        // On a char array rather than with charAt: the launcher's C1-only code runs a String's charAt as a
        // call with its own bounds check, and this runs over every page's whole text (issue #11).
        char[] in = text.toCharArray();
        char[] out = new char[in.length];
        int n = 0;
        boolean space = false;
        for (char c : in) {
            if (isAsciiSpace(c)) {
                space = true;
            } else {
                if (space) {
                    out[n++] = ' ';
                    space = false;
                }
                out[n++] = c;
            }
        }
        if (space) {
            out[n++] = ' ';
        }
        return new String(out, 0, n).strip();
    }

    /** Whether {@code c} is whitespace as a regex's {@code \s} means it by default. */
    public static boolean isAsciiSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
