package org.medsite.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.Environment;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.time.Duration;
import org.medsite.config.BuildLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;

/**
 * FreeMarker, set up once per build and shared by all rendering threads. Templates are {@code .ftlh}
 * files, so every {@code ${...}} is HTML-escaped unless it is already markup (the page body).
 *
 * <p>Lookup chain: the site's {@code layouts/}, then each theme from the selected one up its
 * {@code extends} chain, then Medsite's built-in templates. A file in {@code layouts/} with a theme
 * template's name replaces it.
 */
public final class TemplateEngine {

    static final String BUILT_IN = "org/medsite/render/base";

    private final Configuration freemarker;
    private final Path layoutsDir;
    private final Theme theme;
    private final ClassLoader classLoader;
    private final Duration timeLimit;

    public TemplateEngine(Optional<Path> layoutsDir, Theme theme, ClassLoader classLoader) throws IOException {
        this(layoutsDir, theme, classLoader, BuildLimits.DEFAULTS.templateTime());
    }

    /** @param timeLimit how long one run of a template (one page) may take before it is stopped and reported */
    public TemplateEngine(Optional<Path> layoutsDir, Theme theme, ClassLoader classLoader, Duration timeLimit)
            throws IOException {
        this.timeLimit = timeLimit;
        this.layoutsDir = layoutsDir.orElse(null);
        this.theme = theme;
        this.classLoader = classLoader;
        List<TemplateLoader> loaders = new ArrayList<>();
        if (this.layoutsDir != null) {
            // FileTemplateLoader refuses names that resolve outside its folder, symlinks included.
            loaders.add(new FileTemplateLoader(this.layoutsDir.toFile()));
        }
        for (String name : theme.chain()) {
            loaders.add(new ClassTemplateLoader(classLoader, Theme.folder(name) + "layouts"));
        }
        loaders.add(new ClassTemplateLoader(classLoader, BUILT_IN));

        Configuration cfg = new RecordingConfiguration(Configuration.VERSION_2_3_34);
        cfg.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        // Same output on every machine: no locale-dependent number grouping, no local time zone.
        cfg.setNumberFormat("computer");
        cfg.setBooleanFormat("c");
        cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
        cfg.setLocale(Locale.ROOT);
        // Templates may come from anyone's theme: no ?new of arbitrary classes, no ?api.
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        // Views are records: page.title and page.title() both read the component.
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        wrapper.setRecordZeroArgumentNonVoidMethodPolicy(
                ZeroArgumentNonVoidMethodPolicy.BOTH_METHOD_AND_PROPERTY_UNLESS_BEAN_PROPERTY_READ_METHOD);
        wrapper.setDefaultZeroArgumentNonVoidMethodPolicy(
                ZeroArgumentNonVoidMethodPolicy.BOTH_METHOD_AND_PROPERTY_UNLESS_BEAN_PROPERTY_READ_METHOD);
        cfg.setObjectWrapper(new ReadRecordingWrapper(wrapper));
        this.freemarker = cfg;
    }

    /** The first of {@code names} that exists, or empty; a template that exists but does not parse is a problem. */
    public Optional<String> firstExisting(List<String> names) throws TemplateProblemException {
        for (String name : names) {
            try {
                if (freemarker.getTemplate(name, null, null, true, true) != null) {
                    return Optional.of(name);
                }
            } catch (ParseException e) {
                throw new TemplateProblemException(problem(e));
            } catch (IOException e) {
                throw new TemplateProblemException(new TemplateProblem(origin(name), 0, "cannot read template: "
                        + e.getMessage()));
            } catch (SecurityException e) {
                throw new TemplateProblemException(outsideLink(name));
            }
        }
        return Optional.empty();
    }

    /** Renders one template with the given variables in the given locale. */
    public String render(String name, Map<String, Object> model, Locale locale) throws TemplateProblemException {
        return render(name, variables(model), locale);
    }

    /** Variables that remember which of them a template read. */
    TemplateVariables variables(Map<String, Object> model) {
        return new TemplateVariables(model, freemarker.getObjectWrapper());
    }

    String render(String name, TemplateVariables model, Locale locale) throws TemplateProblemException {
        return render(name, model, locale, null);
    }

    /** @param reads where the run notes what it read (see {@link TemplateReads}); null to note nothing */
    String render(String name, TemplateVariables model, Locale locale, ReadLog reads) throws TemplateProblemException {
        BoundedOutput out = new BoundedOutput();
        try (RenderDeadline deadline = RenderDeadline.start(timeLimit)) {
            try {
                Template template = freemarker.getTemplate(name);
                Environment env = template.createProcessingEnvironment(model, out);
                env.setLocale(locale);
                if (reads != null) {
                    reads.add(TemplateReads.template(name));
                    env.setCustomState(ReadLog.KEY, reads);
                }
                env.process();
                return out.toString();
            } catch (IOException | TemplateException | RuntimeException e) {
                // Stopped from outside, a run ends with whatever FreeMarker throws where it was.
                if (deadline.expired()) {
                    throw new TemplateProblemException(new TemplateProblem(origin(name), 0, "template.timeout",
                            "rendering took longer than " + timeLimit.toSeconds() + " s and was stopped; look for a "
                            + "loop that never ends or runs too often (the limit is limits.templateSeconds in site.yaml)"));
                }
                if (out.overflowed()) {
                    throw new TemplateProblemException(new TemplateProblem(origin(name), 0, "template.too-large",
                            "the page's HTML grew past " + BoundedOutput.MAX_CHARS / (1024 * 1024)
                            + " million characters and was stopped; look for a loop that runs too often"));
                }
                throw e;
            }
        } catch (ParseException e) {
            throw new TemplateProblemException(problem(e));
        } catch (TemplateException e) {
            throw new TemplateProblemException(problem(e));
        } catch (IOException e) {
            throw new TemplateProblemException(new TemplateProblem(origin(name), 0, e.getMessage()));
        } catch (SecurityException e) {
            throw new TemplateProblemException(outsideLink(name));
        } catch (StackOverflowError e) {
            throw new TemplateProblemException(new TemplateProblem(origin(name), 0,
                    "templates include or call each other without end; look for an include cycle or a macro that "
                    + "calls itself"));
        }
    }

    /**
     * A page's HTML, up to a size no page reaches: a loop that prints without end fills memory long
     * before the time limit, so it is stopped here.
     */
    private static final class BoundedOutput extends java.io.Writer {
        static final int MAX_CHARS = 16 * 1024 * 1024;
        private final StringBuilder text = new StringBuilder(16 * 1024);
        private boolean overflowed;

        @Override
        public void write(char[] chars, int off, int len) throws IOException {
            makeRoom(len);
            text.append(chars, off, len);
        }

        @Override
        public void write(String str, int off, int len) throws IOException {
            makeRoom(len);
            text.append(str, off, off + len);
        }

        private void makeRoom(int len) throws IOException {
            if (text.length() + (long) len > MAX_CHARS) {
                overflowed = true;
                throw new IOException("page too large");
            }
        }

        boolean overflowed() {
            return overflowed;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** FileTemplateLoader refuses, with a SecurityException, a template that links out of layouts/. */
    private TemplateProblem outsideLink(String name) {
        return new TemplateProblem(origin(name), 0, "template.outside-link", "symbolic link points outside the "
                + "layouts/ folder; templates are read only from inside it");
    }

    private TemplateProblem problem(ParseException e) {
        String name = e.getTemplateName() == null ? "?" : e.getTemplateName();
        return new TemplateProblem(origin(name), e.getLineNumber(), "template syntax error: "
                + oneLine(e.getEditorMessage()));
    }

    private TemplateProblem problem(TemplateException e) {
        String name = e.getTemplateSourceName();
        Integer line = e.getLineNumber();
        return new TemplateProblem(name == null ? "?" : origin(name), line == null ? 0 : line,
                oneLine(e.getMessageWithoutStackTop()));
    }

    /** FreeMarker's messages span many lines with tips; the first lines carry the substance. */
    static String oneLine(String message) {
        if (message == null) {
            return "template error";
        }
        StringBuilder sb = new StringBuilder();
        for (String line : message.split("\n")) {
            String l = line.strip();
            if (l.startsWith("----") || l.startsWith("Tip:") || l.startsWith("FTL stack trace")) {
                break;
            }
            if (l.isEmpty()) {
                continue;
            }
            l = l.replaceAll("\\s*\\[in template .*?]", "").replace("==> ", "");
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(l);
        }
        String result = sb.toString().strip();
        // Loader internals (class loaders, absolute paths) mean nothing to a site author.
        int loaderDetails = result.indexOf("The name was interpreted by this TemplateLoader");
        if (loaderDetails >= 0) {
            result = result.substring(0, loaderDetails) + "Looked in layouts/, the theme and the built-in templates.";
        }
        return result;
    }

    /** Where a template name is served from, for messages. */
    public String origin(String name) {
        if (layoutsDir != null && Files.isRegularFile(layoutsDir.resolve(name))) {
            return "layouts/" + name;
        }
        for (String t : theme.chain()) {
            if (classLoader.getResource(Theme.folder(t) + "layouts/" + name) != null) {
                return "theme " + t + ": layouts/" + name;
            }
        }
        return "built-in template " + name;
    }

    /** A template problem, thrown through the renderer to be turned into a finding. */
    public static final class TemplateProblemException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient TemplateProblem problem;

        TemplateProblemException(TemplateProblem problem) {
            super(problem.message());
            this.problem = problem;
        }

        public TemplateProblem problem() {
            return problem;
        }
    }
}
