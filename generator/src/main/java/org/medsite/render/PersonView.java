package org.medsite.render;

import java.util.List;

/**
 * A person of the registry as templates see it (bylines, review boxes, profile pages).
 *
 * @param id the registry id
 * @param name the full name
 * @param displayName the name with prefix and post-nominal letters ("Ana Ruiz, MD, MPH")
 * @param honorificPrefix e.g. "Dr.", or null
 * @param honorificSuffix e.g. "MD, MPH", or null
 * @param jobTitle or null
 * @param medicalSpecialty schema.org specialty names
 * @param licensedClinician whether the person may medically review
 * @param credentials degrees, certifications, licences
 * @param npi the US National Provider Identifier, or null
 * @param bio a short biography, or null
 * @param photo the photo's URL, or null
 * @param photoAlt the photo's text alternative, or null
 * @param sameAs profile pages elsewhere
 * @param disclosures financial interests, or null
 * @param url the link to the person's profile page
 */
public record PersonView(String id, String name, String displayName, String honorificPrefix, String honorificSuffix,
        String jobTitle, List<String> medicalSpecialty, boolean licensedClinician, List<CredentialView> credentials,
        String npi, String bio, String photo, String photoAlt, List<String> sameAs, String disclosures, String url) {

    /**
     * One credential.
     *
     * @param kind {@code degree}, {@code boardCertification} or {@code licence}
     * @param name what it is
     * @param issuer who issued it, or null
     * @param validUntil when it lapses, or null
     */
    public record CredentialView(String kind, String name, String issuer, DateView validUntil) {
    }
}
