package org.medsite.render;

import freemarker.template.ObjectWrapper;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The variables of one template run, remembering which ones the template read. This is how a list
 * page's later pages exist only when its template shows a paginator, as in Hugo: a health library that
 * lists every article A to Z gets no {@code /library/page/2/}.
 */
final class TemplateVariables implements TemplateHashModel {

    private final Map<String, Object> values;
    private final ObjectWrapper wrapper;
    private final Set<String> read = ConcurrentHashMap.newKeySet();

    TemplateVariables(Map<String, Object> values, ObjectWrapper wrapper) {
        this.values = values;
        this.wrapper = wrapper;
    }

    @Override
    public TemplateModel get(String key) throws TemplateModelException {
        read.add(key);
        Object value = values.get(key);
        return value == null ? null : wrapper.wrap(value);
    }

    @Override
    public boolean isEmpty() {
        return values.isEmpty();
    }

    boolean wasRead(String key) {
        return read.contains(key);
    }
}
