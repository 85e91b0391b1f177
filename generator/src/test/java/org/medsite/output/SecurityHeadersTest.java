package org.medsite.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    @Test
    void everyPathGetsThePolicyAndThePrivacyHeaders() {
        String file = new String(SecurityHeaders.file(SecurityHeaders.headers(Optional.of("default-src 'none'")),
                Optional.empty()), StandardCharsets.UTF_8);
        assertThat(file).isEqualTo("/*\n"
                + "  Content-Security-Policy: default-src 'none'\n"
                + "  Referrer-Policy: strict-origin-when-cross-origin\n"
                + "  Permissions-Policy: " + SecurityHeaders.PERMISSIONS + "\n"
                + "  X-Content-Type-Options: nosniff\n"
                + "  X-Frame-Options: DENY\n");
        assertThat(SecurityHeaders.PERMISSIONS).contains("camera=()", "microphone=()", "geolocation=()",
                "interest-cohort=()", "browsing-topics=()");
    }

    @Test
    void withoutAPolicyTheOtherHeadersRemain() {
        String file = new String(SecurityHeaders.file(SecurityHeaders.headers(Optional.empty()), Optional.empty()),
                StandardCharsets.UTF_8);
        assertThat(file).doesNotContain("Content-Security-Policy").contains("X-Frame-Options: DENY");
    }

    @Test
    void aSitesOwnFileIsKeptAndItsHeadersWin() {
        String own = "/downloads/*\n  Content-Disposition: attachment\n/*\n  referrer-policy: no-referrer\n";
        String file = new String(SecurityHeaders.file(SecurityHeaders.headers(Optional.of("default-src 'none'")),
                Optional.of(own)), StandardCharsets.UTF_8);
        assertThat(file).startsWith(own + "\n# Added by Medsite");
        assertThat(file).contains("  Content-Security-Policy: default-src 'none'\n", "X-Frame-Options: DENY")
                .containsOnlyOnce("eferrer-policy");
    }
}
