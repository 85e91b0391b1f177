package org.medsite.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
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

    @Test
    void withoutFramesOneRuleCarriesThePolicyForEveryPath() {
        List<SecurityHeaders.Rule> rules = SecurityHeaders.rules(List.of("index.html", "blog/flu/index.html"),
                Optional.of("strict"), new TreeMap<>());
        assertThat(rules).containsExactly(new SecurityHeaders.Rule("/*", SecurityHeaders.headers(Optional.of("strict"))));
    }

    @Test
    void aPageWithAFrameGetsItsOwnPolicyAndNoPathGetsTwo() {
        List<String> output = List.of("index.html", "404.html", "favicon.svg", "feed.xml", "css/site.css",
                "blog/index.html", "blog/flu/index.html", "blog/flu/poster.jpg", "blog/cold/index.html",
                "blog/page/2/index.html", "library/asthma/index.html", "library/index.html", "es/library/index.html");
        TreeMap<String, String> framing = new TreeMap<>();
        framing.put("blog/flu/index.html", "with-frame");
        String file = new String(SecurityHeaders.file(SecurityHeaders.rules(output, Optional.of("strict"), framing),
                Optional.empty()), StandardCharsets.UTF_8);
        assertThat(file).isEqualTo("/*\n"
                + "  Referrer-Policy: strict-origin-when-cross-origin\n"
                + "  Permissions-Policy: " + SecurityHeaders.PERMISSIONS + "\n"
                + "  X-Content-Type-Options: nosniff\n"
                + "  X-Frame-Options: DENY\n"
                + "/blog/cold/*\n  Content-Security-Policy: strict\n"
                + "/blog/flu/\n  Content-Security-Policy: with-frame\n"
                + "/blog/page/*\n  Content-Security-Policy: strict\n"
                + "/blog/\n  Content-Security-Policy: strict\n"
                + "/css/*\n  Content-Security-Policy: strict\n"
                + "/es/*\n  Content-Security-Policy: strict\n"
                + "/library/*\n  Content-Security-Policy: strict\n"
                + "/404.html\n  Content-Security-Policy: strict\n"
                + "/favicon.svg\n  Content-Security-Policy: strict\n"
                + "/\n  Content-Security-Policy: strict\n");
    }

    @Test
    void aSitesOwnPolicyWinsOnEveryRule() {
        TreeMap<String, String> framing = new TreeMap<>();
        framing.put("flu/index.html", "with-frame");
        String file = new String(SecurityHeaders.file(SecurityHeaders.rules(List.of("index.html", "flu/index.html"),
                Optional.of("strict"), framing), Optional.of("/*\n  Content-Security-Policy: mine\n")), StandardCharsets.UTF_8);
        assertThat(file).containsOnlyOnce("Content-Security-Policy").doesNotContain("/flu/\n", "with-frame")
                .contains("# Added by Medsite", "X-Frame-Options: DENY");
    }
}
