package org.medsite.output;

import java.util.Map;
import org.medsite.model.Page;
import org.medsite.model.Site;

/** The display name of a page's author, from the people registry ({@code data/people/<id>.yaml}). */
final class Authors {

    private Authors() {
    }

    /** The author's name with credentials ("Ana Ruiz, MD"), or the site's title when the page names nobody. */
    static String nameOf(Page page, Site site) {
        Object id = page.frontMatter().medical().get("author");
        if (id != null && site.data().get("people") instanceof Map<?, ?> people
                && people.get(String.valueOf(id)) instanceof Map<?, ?> person && person.get("name") != null) {
            Object suffix = person.get("honorificSuffix");
            return person.get("name") + (suffix == null || String.valueOf(suffix).isBlank() ? "" : ", " + suffix);
        }
        return site.config().title();
    }
}
