package org.medsite.config;

import java.util.List;
import java.util.Optional;

/**
 * The {@code privacy:} block of {@code site.yaml}. Medsite pages load nothing from other hosts unless
 * the site allows a host here, with a reason the editorial report shows.
 *
 * @param allowedHosts hosts pages may load from, each with why
 * @param bookingHosts hosts that booking and contact links and forms may go to
 * @param hipaaCoveredEntity whether the practice is a HIPAA covered entity (then a Notice of Privacy
 *     Practices page is required)
 * @param policyPage the site path of the privacy policy
 * @param noticePage the site path of the Notice of Privacy Practices
 */
public record PrivacySettings(List<AllowedHost> allowedHosts, List<String> bookingHosts, boolean hipaaCoveredEntity,
        String policyPage, String noticePage) {

    public PrivacySettings {
        allowedHosts = List.copyOf(allowedHosts);
        bookingHosts = List.copyOf(bookingHosts);
    }

    public static PrivacySettings defaults() {
        return new PrivacySettings(List.of(), List.of(), false, "/privacy/", "/notice-of-privacy-practices/");
    }

    /** The allowance of a host (exact or a parent domain), if any. */
    public Optional<AllowedHost> allowance(String host) {
        return allowedHosts.stream()
                .filter(a -> host.equalsIgnoreCase(a.host()) || host.toLowerCase().endsWith("." + a.host().toLowerCase()))
                .findFirst();
    }

    /**
     * A host the site chose to load from.
     *
     * @param host e.g. {@code player.vimeo.com}
     * @param reason why the practice accepts it, for the record
     */
    public record AllowedHost(String host, String reason) {
    }
}
