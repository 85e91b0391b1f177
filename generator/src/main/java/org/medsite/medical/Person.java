package org.medsite.medical;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Someone who writes or reviews pages, from the people registry ({@code data/people/<id>.yaml}).
 *
 * @param id the registry id pages refer to ({@code author: ana-ruiz})
 * @param name the full name
 * @param honorificPrefix e.g. "Dr."
 * @param honorificSuffix post-nominal letters, e.g. "MD, MPH"
 * @param jobTitle e.g. "Family physician"
 * @param medicalSpecialty schema.org MedicalSpecialty members, e.g. {@code PrimaryCare}
 * @param licensedClinician whether the person holds a licence to practise (only they may medically review)
 * @param credentials degrees, board certifications and licences
 * @param npi the US National Provider Identifier, if given
 * @param bio a short biography
 * @param photo an image path, and its text alternative
 * @param photoAlt the photo's text alternative
 * @param sameAs profile pages elsewhere (a hospital directory, a board's verification page)
 * @param disclosures financial interests, "None." when there are none
 * @param file the registry file, for findings
 */
public record Person(String id, String name, Optional<String> honorificPrefix, Optional<String> honorificSuffix,
        Optional<String> jobTitle, List<String> medicalSpecialty, boolean licensedClinician, List<Credential> credentials,
        Optional<String> npi, Optional<String> bio, Optional<String> photo, Optional<String> photoAlt, List<String> sameAs,
        Optional<String> disclosures, String file) {

    public Person {
        medicalSpecialty = List.copyOf(medicalSpecialty);
        credentials = List.copyOf(credentials);
        sameAs = List.copyOf(sameAs);
    }

    /** "Ana Ruiz, MD, MPH": the name as a byline shows it. */
    public String displayName() {
        return honorificPrefix.map(p -> p + " ").orElse("") + name + honorificSuffix.map(s -> ", " + s).orElse("");
    }

    /**
     * A degree, certification or licence.
     *
     * @param kind {@code degree}, {@code boardCertification} or {@code licence}
     * @param name what it is ("Doctor of Medicine (MD)", "Family Medicine")
     * @param issuer who issued it
     * @param validUntil when it lapses, for certifications and licences
     */
    public record Credential(String kind, String name, Optional<String> issuer, Optional<LocalDate> validUntil) {
    }
}
