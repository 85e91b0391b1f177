package org.medsite.check;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Review and update dates that authors type into the text of a page ("Last reviewed: March 2024",
 * "Última revisión: 3 de marzo de 2026"). They go stale when the front matter is updated and the text is
 * not, and then the page tells patients one date while its byline and structured data tell search engines
 * another. Only lines that begin with such a phrase count: a sentence like "the guideline was last updated
 * in 2021" is about something else.
 */
final class StatedDates {

    /** Which front matter date a phrase states. */
    enum Kind { REVIEWED, UPDATED }

    /**
     * One date stated in the text.
     *
     * @param kind whether it states the review or the update date
     * @param line its file line
     * @param text the words as written
     * @param day the day, when the text gives one
     * @param month the month (always known)
     */
    record Stated(Kind kind, int line, String text, Optional<LocalDate> day, YearMonth month) {

        /** Whether the stated date is the given one, as far as the text is precise. */
        boolean agreesWith(LocalDate date) {
            return day.map(date::equals).orElse(YearMonth.from(date).equals(month));
        }
    }

    private static final Map<String, Integer> MONTHS = months();

    // A line that starts (after Markdown emphasis, quote or list marks) with a review or update phrase.
    private static final Pattern PHRASE = Pattern.compile("^[\\s>*_#-]*(?<phrase>"
            + "(?:last\\s+)?(?:medically\\s+)?reviewed(?:\\s+on)?|last\\s+review|last\\s+updated|updated(?:\\s+on)?"
            + "|[úu]ltima\\s+revisi[óo]n|revisado(?:\\s+el)?|[úu]ltima\\s+actualizaci[óo]n|actualizado(?:\\s+el)?)"
            + "[\\s*_]*:?[\\s*_]*(?:on\\s+|el\\s+)?(?<date>.{4,40})", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ISO = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("^(\\p{L}+)\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})(?!\\d)");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("^(\\d{1,2})\\.?\\s+(?:de\\s+)?(\\p{L}+)\\.?,?\\s+(?:de\\s+)?(\\d{4})(?!\\d)");
    private static final Pattern MONTH_YEAR = Pattern.compile("^(\\p{L}+)\\.?,?\\s+(?:de\\s+)?(\\d{4})(?!\\d)");

    private StatedDates() {
    }

    /** The dates stated in a Markdown body whose first line is file line {@code firstLine}; code is skipped. */
    static List<Stated> in(String body, int firstLine) {
        List<Stated> found = new ArrayList<>();
        String[] lines = body.split("\n", -1);
        boolean inFence = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                inFence = !inFence;
                continue;
            }
            if (inFence || line.startsWith("    ") || line.startsWith("\t")) {
                continue;
            }
            Matcher m = PHRASE.matcher(line);
            if (m.find()) {
                String phrase = m.group("phrase").toLowerCase(Locale.ROOT);
                Kind kind = phrase.contains("updated") || phrase.contains("actualiza") ? Kind.UPDATED : Kind.REVIEWED;
                int lineNumber = firstLine + i;
                date(m.group("date").strip()).ifPresent(d -> found.add(new Stated(kind, lineNumber,
                        m.group("phrase") + " " + d.text, d.day, d.month)));
            }
        }
        return found;
    }

    private record Parsed(String text, Optional<LocalDate> day, YearMonth month) {
    }

    private static Optional<Parsed> date(String s) {
        try {
            Matcher m = ISO.matcher(s);
            if (m.find()) {
                LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
                return Optional.of(new Parsed(m.group(), Optional.of(d), YearMonth.from(d)));
            }
            m = MONTH_DAY_YEAR.matcher(s);
            if (m.find() && month(m.group(1)).isPresent()) {
                LocalDate d = LocalDate.of(Integer.parseInt(m.group(3)), month(m.group(1)).get(), Integer.parseInt(m.group(2)));
                return Optional.of(new Parsed(m.group(), Optional.of(d), YearMonth.from(d)));
            }
            m = DAY_MONTH_YEAR.matcher(s);
            if (m.find() && month(m.group(2)).isPresent()) {
                LocalDate d = LocalDate.of(Integer.parseInt(m.group(3)), month(m.group(2)).get(), Integer.parseInt(m.group(1)));
                return Optional.of(new Parsed(m.group(), Optional.of(d), YearMonth.from(d)));
            }
            m = MONTH_YEAR.matcher(s);
            if (m.find() && month(m.group(1)).isPresent()) {
                YearMonth ym = YearMonth.of(Integer.parseInt(m.group(2)), month(m.group(1)).get());
                return Optional.of(new Parsed(m.group(), Optional.empty(), ym));
            }
        } catch (java.time.DateTimeException e) {
            // "February 30, 2026" is no date: nothing a reader could compare, so nothing to report here.
        }
        return Optional.empty();
    }

    private static Optional<Integer> month(String name) {
        return Optional.ofNullable(MONTHS.get(name.toLowerCase(Locale.ROOT)));
    }

    private static Map<String, Integer> months() {
        Map<String, Integer> m = new java.util.HashMap<>();
        String[][] names = {
                {"january", "jan", "enero", "ene"}, {"february", "feb", "febrero"}, {"march", "mar", "marzo"},
                {"april", "apr", "abril", "abr"}, {"may", "mayo"}, {"june", "jun", "junio"},
                {"july", "jul", "julio"}, {"august", "aug", "agosto", "ago"},
                {"september", "sep", "sept", "septiembre", "setiembre"}, {"october", "oct", "octubre"},
                {"november", "nov", "noviembre"}, {"december", "dec", "diciembre", "dic"}};
        for (int i = 0; i < names.length; i++) {
            for (String n : names[i]) {
                m.put(n, i + 1);
            }
        }
        return Map.copyOf(m);
    }
}
