package org.medsite.render;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * A date as templates need it: machine-readable for {@code <time datetime>} and JSON-LD, and written
 * out in the page's language for people.
 *
 * @param iso {@code 2026-03-01}
 * @param display {@code March 1, 2026} (English) or {@code 1 de marzo de 2026} (Spanish)
 * @param year the year, for copyright lines and archives
 * @param dateTime the full ISO-8601 date-time with offset, for feeds and sitemaps
 */
public record DateView(String iso, String display, int year, String dateTime) {

    static DateView of(OffsetDateTime date, Locale locale) {
        if (date == null) {
            return null;
        }
        return new DateView(date.toLocalDate().toString(),
                date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)),
                date.getYear(), date.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }
}
