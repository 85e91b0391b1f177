package org.medsite.postprocess;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class ExternalLinkHardeningTest {

    @Test
    void linksToOtherSitesLeakNoReferrerAndKeepTheirOwnRel() {
        HtmlPostProcessor post = new HtmlPostProcessor(java.util.List.of(new ExternalLinkHardening()));
        Document doc = post.parse("<a href='https://www.cdc.gov/'>a</a><a rel='me' href='https://social.example/@dr'>b</a>"
                + "<a href='/local/'>c</a>");
        post.transform(doc, "/");
        assertThat(doc.select("a").eachAttr("rel")).containsExactly("noopener noreferrer", "me noopener noreferrer");
        assertThat(doc.select("a[href=/local/]").hasAttr("rel")).isFalse();
    }
}
