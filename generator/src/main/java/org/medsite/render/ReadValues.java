package org.medsite.render;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.medsite.model.Page;
import org.medsite.model.Site;

/**
 * What the keys of {@link TemplateReads} stand for in one site, each worked out when first asked for. A
 * one-page rebuild checks the reads of every page it takes from the page cache, most of which read only
 * their own keys, whose values the cache mostly knows by hash already: working out every key of the site
 * (every page's components, read reflectively) was most of that stage's time (issue #11). The values are
 * those of {@link TemplateReads#values}, which is made from this. Thread-safe.
 */
public final class ReadValues {

    private final Site site;
    private final Supplier<TemplateReads.SiteIndex> index;
    private final Map<String, Supplier<Object>> keys;
    private final Map<String, Object> worked = new ConcurrentHashMap<>();

    public ReadValues(Site site) {
        this.site = site;
        this.index = TemplateReads.index(site);
        this.keys = TemplateReads.keys(site, index);
    }

    /** What {@code key} stands for, or null when it stands for nothing in this site (a page that went). */
    public Object get(String key) {
        Object value = worked.get(key);
        if (value != null) {
            return value;
        }
        Supplier<Object> make = keys.get(key);
        if (make == null) {
            return null;
        }
        // Two threads may both work a value out: they get equal ones, and either is kept.
        value = make.get();
        Object before = worked.putIfAbsent(key, value);
        return before != null ? before : value;
    }

    /**
     * What the view of {@code page} (a page of this site) shows of other pages: {@link TemplateReads#shownOfOthers}
     * of its {@code page:<id>} key's value, without its own components.
     */
    public List<?> shownOfOthers(Page page) {
        return TemplateReads.shownOfOthers(site, page, index.get());
    }

    /** A page's own values: {@link TemplateReads#ownOf} of its {@code page:<id>} key's value. */
    public static Object own(Page page) {
        return TemplateReads.own(page);
    }

    /** Every key's value, in a new map. */
    Map<String, Object> all() {
        Map<String, Object> values = new HashMap<>(keys.size() * 2);
        keys.forEach((key, make) -> values.put(key, make.get()));
        return values;
    }
}
