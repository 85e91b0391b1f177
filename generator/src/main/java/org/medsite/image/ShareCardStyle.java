package org.medsite.image;

import java.util.Optional;

/**
 * How every card of a site looks.
 *
 * @param background background colour, {@code #rrggbb}
 * @param text colour of the title and the practice name
 * @param accent colour of the label and the side band
 * @param logo the bytes of a PNG or JPEG logo, if any
 */
public record ShareCardStyle(String background, String text, String accent, Optional<byte[]> logo) {
}
