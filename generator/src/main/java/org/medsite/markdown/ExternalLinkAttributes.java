package org.medsite.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.html.MutableAttributes;

/**
 * Links to other sites get {@code rel="noopener noreferrer"}: the address of the page a patient was
 * reading ({@code /library/hiv-testing/}) is health information, and the Referer header would hand it to
 * the linked site.
 */
final class ExternalLinkAttributes implements AttributeProvider {

    @Override
    public void setAttributes(Node node, AttributablePart part, MutableAttributes attributes) {
        if ((node instanceof Link || node instanceof AutoLink) && part == AttributablePart.LINK) {
            String href = attributes.getValue("href");
            if (href.startsWith("http://") || href.startsWith("https://") || href.startsWith("//")) {
                attributes.replaceValue("rel", "noopener noreferrer");
            }
        }
    }

    static final class Factory extends IndependentAttributeProviderFactory {
        @Override
        public AttributeProvider apply(LinkResolverContext context) {
            return new ExternalLinkAttributes();
        }
    }
}
