package org.medsite.model;

import java.text.Normalizer;
import java.util.Locale;

/** URL segments from names and titles: lower case ASCII letters, digits and single hyphens. */
public final class Slugs {

    /** Combining marks, which NFKD splits off accented letters. Compiled once: a slug is made per page. */
    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");

    private Slugs() {
    }

    /** {@code "Presión arterial alta"} becomes {@code "presion-arterial-alta"}. */
    public static String slugify(String text) {
        // ASCII text is its own NFKD form and has no marks: most titles and file names need neither step.
        String ascii = isAscii(text) ? text : MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        StringBuilder sb = new StringBuilder();
        boolean hyphen = false;
        for (char c : ascii.toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                sb.append(c);
                hyphen = false;
            } else if (!hyphen && sb.length() > 0) {
                sb.append('-');
                hyphen = true;
            }
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == '-') {
            end--;
        }
        return sb.substring(0, end);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** A readable title from a file or folder name: {@code "high-blood-pressure"} becomes "High blood pressure". */
    public static String titleFromName(String name) {
        String words = name.replace('-', ' ').replace('_', ' ').strip();
        if (words.isEmpty()) {
            return words;
        }
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
