package org.medsite.render;

import freemarker.core.Environment;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link TemplateReads} keys one page's template runs read. Kept in the FreeMarker
 * {@link Environment} of each run, where the wrapper and the template loader find it.
 */
final class ReadLog {

    /** The {@link Environment} custom-state key of the log. */
    static final Object KEY = new Object();

    private final String basePath;
    private final Set<String> keys = ConcurrentHashMap.newKeySet();

    /** @param basePath the site's base path, which views' links start with and keys leave out */
    ReadLog(String basePath) {
        this.basePath = basePath;
    }

    /** The log of the template run on this thread, or null outside a run (or in a run that keeps none). */
    static ReadLog current() {
        Environment env = Environment.getCurrentEnvironment();
        return env == null ? null : (ReadLog) env.getCustomState(KEY);
    }

    void add(String key) {
        keys.add(key);
    }

    /** A view's link ({@code /clinic/blog/}) as the list key of its site path ({@code /blog/}). */
    void addListOfLink(String link) {
        keys.add(TemplateReads.list(link.startsWith(basePath) ? "/" + link.substring(basePath.length()) : link));
    }

    Set<String> keys() {
        return Set.copyOf(keys);
    }
}
