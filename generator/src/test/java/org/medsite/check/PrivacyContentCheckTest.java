package org.medsite.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PrivacyContentCheckTest {

    @Test
    void theCheapTestsAreTrueOfEveryLineThePatternsMatch() {
        // Lines made of the patterns' own words in random case, digits, separators and other text, so
        // that many of them match; the cheap tests may only skip a line none of the patterns matches.
        String[] parts = {"DOB", "dob", "D.O.B.", "d.o.b", "Date of Birth", "BORN ON", "born  on", "fecha de nacimiento",
            "MRN", "mrn", "Medical Record Number", "medical record #", "Patient ID", "patient no.", "Chart No",
            "chart number", "my patient", "(", ")", "-", ".", " ", ":", "#", "+1", "1", "555", "0123", "98765",
            "2024-03-01", "(555) 123-4567", "555.123.4567", "Ärzte", "İ", "ſ", "K", "ß", "reading", "clinic",
            "\t", "1-800-555-0100", "12", "3456"};
        Random random = new Random(11);
        int matchedBirthDate = 0;
        int matchedRecord = 0;
        int matchedPhone = 0;
        for (int n = 0; n < 50_000; n++) {
            StringBuilder line = new StringBuilder();
            for (int k = random.nextInt(8); k >= 0; k--) {
                String part = parts[random.nextInt(parts.length)];
                line.append(random.nextBoolean() ? part : flipCase(part, random));
                if (random.nextInt(3) == 0) {
                    line.append(' ');
                }
            }
            String text = line.toString();
            if (PrivacyContentCheck.DOB.matcher(text).find()) {
                matchedBirthDate++;
                assertThat(PrivacyContentCheck.mayNameBirthDate(text)).as(text).isTrue();
            }
            if (PrivacyContentCheck.RECORD.matcher(text).find()) {
                matchedRecord++;
                assertThat(PrivacyContentCheck.mayNameRecord(text)).as(text).isTrue();
            }
            if (PrivacyContentCheck.PHONE.matcher(text).find()) {
                matchedPhone++;
                assertThat(PrivacyContentCheck.asciiDigits(text)).as(text)
                        .isGreaterThanOrEqualTo(PrivacyContentCheck.PHONE_DIGITS);
            }
        }
        // The lines did exercise every pattern.
        assertThat(matchedBirthDate).isGreaterThan(1000);
        assertThat(matchedRecord).isGreaterThan(1000);
        assertThat(matchedPhone).isGreaterThan(1000);
    }

    @Test
    void theCheapTestsSkipOrdinaryText() {
        String line = "Blood pressure checks from 2024 help 3 in 4 adults; see the CDC.";
        assertThat(PrivacyContentCheck.mayNameBirthDate(line)).isFalse();
        assertThat(PrivacyContentCheck.mayNameRecord(line)).isFalse();
        assertThat(PrivacyContentCheck.asciiDigits(line)).isLessThan(PrivacyContentCheck.PHONE_DIGITS);
        assertThat(PrivacyContentCheck.mayNameBirthDate("Her dOb: 1/2/1980")).isTrue();
        assertThat(PrivacyContentCheck.mayNameRecord("Our CHART no. 1234")).isTrue();
    }

    private static String flipCase(String s, Random random) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return b.toString();
    }
}
