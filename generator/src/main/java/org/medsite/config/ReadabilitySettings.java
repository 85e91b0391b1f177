package org.medsite.config;

import java.util.OptionalDouble;

/**
 * The {@code readability:} block of {@code site.yaml}: the hardest reading grade each audience may get.
 *
 * @param patientGrade the highest Flesch-Kincaid grade for patient pages (default 8: the NIH asks for
 *     below 8th grade, the AMA and CDC for 6th to 8th); empty when not checked
 * @param clinicianGrade the same for clinician pages (default: not checked)
 * @param spanishMinimum the lowest Szigriszt-Pazos/INFLESZ score for Spanish patient pages (default 55, the
 *     lower bound of "normal" on the INFLESZ scale)
 */
public record ReadabilitySettings(OptionalDouble patientGrade, OptionalDouble clinicianGrade, double spanishMinimum) {

    public static ReadabilitySettings defaults() {
        return new ReadabilitySettings(OptionalDouble.of(8), OptionalDouble.empty(), 55);
    }
}
