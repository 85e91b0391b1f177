package org.medsite.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.medsite.config.PrivacySettings;

class SecurityPolicyTest {

    @Test
    void aSiteWithoutInlineCodeGetsAStrictPolicy() {
        SecurityPolicy policy = new SecurityPolicy(PrivacySettings.defaults());
        policy.observe(Jsoup.parse("<html><head><script type=application/ld+json>{}</script>"
                + "<script src=/js/search.js defer></script></head><body>x</body></html>"));
        String header = policy.policy(true);
        assertThat(header).contains("default-src 'self'", "script-src 'self';", "style-src 'self';", "frame-src 'none'",
                "object-src 'none'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(policy.policy(false)).doesNotContain("frame-ancestors");
    }

    @Test
    void inlineStylesAndScriptsAreAllowedByTheirHashOnly() {
        SecurityPolicy policy = new SecurityPolicy(new PrivacySettings(
                List.of(new PrivacySettings.AllowedHost("player.vimeo.com", "videos")), List.of("book.example.net"), false,
                "/privacy/", "/npp/"));
        policy.observe(Jsoup.parse("<style>:root{--c:#123}</style><script>console.log(1)</script><p style='color:red'>"));
        String header = policy.policy(true);
        // sha256 of ":root{--c:#123}", base64: the value a browser computes for the element's text.
        assertThat(header).contains("style-src 'self' 'sha256-").contains("'unsafe-hashes'")
                .contains("script-src 'self' 'sha256-").contains("frame-src https://player.vimeo.com")
                .contains("form-action 'self' https://book.example.net");
        assertThat(SecurityPolicy.hash("alert(1)")).isEqualTo("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
        String file = new String(policy.headersFile(), StandardCharsets.UTF_8);
        assertThat(file).startsWith("/*\n  Content-Security-Policy: ").contains("Referrer-Policy: same-origin",
                "X-Content-Type-Options: nosniff", "Permissions-Policy: camera=()");
    }
}
