package org.medsite.render;

import freemarker.core._CoreAPI;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.Version;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Locale;

/**
 * FreeMarker's configuration, noting in the current run's {@link ReadLog} every template the run
 * includes or imports, found or not (a template created later changes what an optional include does),
 * and making every template it hands out stoppable by an interrupt. Every other {@code getTemplate}
 * overload ends in this one.
 */
final class RecordingConfiguration extends Configuration {

    /** The parsed templates that check for interrupts (templates are compared by identity). */
    private final java.util.Set<Template> interruptible = java.util.concurrent.ConcurrentHashMap.newKeySet();

    RecordingConfiguration(Version version) {
        super(version);
    }

    @Override
    public Template getTemplate(String name, Locale locale, Object customLookupCondition, String encoding,
            boolean parseAsFTL, boolean ignoreMissing) throws IOException {
        ReadLog log = ReadLog.current();
        if (log != null) {
            log.add(TemplateReads.template(normalized(name)));
        }
        Template template = super.getTemplate(name, locale, customLookupCondition, encoding, parseAsFTL, ignoreMissing);
        if (template != null) {
            interruptible(template);
        }
        return template;
    }

    /**
     * Makes the loops and macros of a template stop when their thread is interrupted (see
     * {@link RenderDeadline}), once per parsed template; the lock keeps another thread from running it
     * while it is changed.
     */
    private void interruptible(Template template) {
        if (interruptible.contains(template)) {
            return;
        }
        synchronized (template) {
            if (!interruptible.contains(template)) {
                _CoreAPI.addThreadInterruptedChecks(template);
                interruptible.add(template);
            }
        }
    }

    /**
     * The name as the template loaders see it: an include relative to {@code blog/single.ftlh} arrives
     * here as {@code blog/../partials/frame.ftlh}, which is the file {@code partials/frame.ftlh}.
     */
    static String normalized(String name) {
        ArrayDeque<String> segments = new ArrayDeque<>();
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                segments.pollLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        return String.join("/", segments);
    }
}
