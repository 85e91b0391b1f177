package org.medsite.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.lang.runtime.ObjectMethods;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.medsite.content.ContentSource;
import org.medsite.content.SourceKind;
import org.medsite.frontmatter.FrontMatter;
import org.medsite.output.AtomicSiteWriter;
import org.medsite.postprocess.PageSources;

/**
 * The records whose {@code equals}, {@code hashCode} and {@code toString} are written out by hand (issue #11:
 * the generated ones are bootstrapped through invokedynamic at run time), against the methods the compiler
 * would have generated, made here by the same bootstrap: equal exactly when every component is, the same
 * hash, the same text (cache keys are made of the text). A component added to one of these records fails
 * here until it has a differing value below, and then until the written-out methods include it.
 */
class WrittenOutRecordMethodsTest {

    private static final ContentSource SOURCE = new ContentSource(Path.of("content/a.md"), "a.md", SourceKind.PAGE,
            Optional.empty(), "", "a", List.of());

    @Test
    void contentSource() throws Throwable {
        assertLikeGenerated(SOURCE, Map.of("file", Path.of("content/b.md"), "path", "b.md", "kind", SourceKind.BUNDLE,
                "lang", Optional.of("es"), "folder", "news", "baseName", "b", "resources", List.of("photo.jpg")));
    }

    @Test
    void pageSource() throws Throwable {
        PageSource page = new PageSource(SOURCE, FrontMatter.empty(), "Text.", 4, "en", SiteAssembler.NO_MEDICAL_INFO);
        assertLikeGenerated(page, Map.of("source", with(SOURCE, Map.of("path", "b.md")),
                "frontMatter", with(FrontMatter.empty(), Map.of("title", Optional.of("Title"))),
                "body", "Other text.", "bodyLine", 5, "lang", "es",
                "medical", with(SiteAssembler.NO_MEDICAL_INFO, Map.of("type", "condition"))));
    }

    @Test
    void recordedOutputFile() throws Throwable {
        assertLikeGenerated(new AtomicSiteWriter.Recorded("abc", 10), Map.of("hash", "abd", "size", 11L));
    }

    @Test
    void pageSources() throws Throwable {
        PageSources sources = new PageSources(new TreeMap<>(Map.of("script-src", new TreeSet<>(List.of("'self'")))),
                new TreeSet<>());
        assertLikeGenerated(sources, Map.of("sources", new TreeMap<>(), "inlineHandlers",
                new TreeSet<>(List.of("onclick on <button>"))));
    }

    /**
     * Compares {@code record}'s methods with the generated ones on it, an equal copy, a copy with each
     * component in turn replaced by its value in {@code otherValues}, and a copy with all of them replaced.
     */
    private static <R extends Record> void assertLikeGenerated(R record, Map<String, Object> otherValues)
            throws Throwable {
        Class<?> type = record.getClass();
        RecordComponent[] components = type.getRecordComponents();
        assertThat(otherValues.keySet()).as("a differing value for each component of %s", type.getSimpleName())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(components).map(RecordComponent::getName).toList());
        Generated generated = Generated.of(type, components);

        List<Object> instances = new ArrayList<>(List.of(record, with(record, Map.of())));
        for (RecordComponent c : components) {
            Object changed = with(record, Map.of(c.getName(), otherValues.get(c.getName())));
            assertThat(generated.equal(record, changed)).as("%s differs", c.getName()).isFalse();
            instances.add(changed);
        }
        instances.add(with(record, otherValues));

        for (Object x : instances) {
            assertThat(x.hashCode()).as("hashCode of %s", x).isEqualTo(generated.hash(x));
            assertThat(x.toString()).isEqualTo(generated.text(x));
            assertThat(x.equals(null)).isFalse();
            assertThat(x.equals("text")).isFalse();
            for (Object y : instances) {
                assertThat(x.equals(y)).as("%s equals %s", x, y).isEqualTo(generated.equal(x, y));
            }
        }
    }

    /** A copy of {@code record} through its canonical constructor, with the given components replaced. */
    @SuppressWarnings("unchecked")
    private static <R extends Record> R with(R record, Map<String, Object> replaced) throws Exception {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            values[i] = replaced.containsKey(name) ? replaced.get(name) : components[i].getAccessor().invoke(record);
        }
        Constructor<?> canonical = record.getClass().getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        return (R) canonical.newInstance(values);
    }

    /** The methods javac would generate for a record class, from the bootstrap it would call. */
    private record Generated(MethodHandle equalsMethod, MethodHandle hashCodeMethod, MethodHandle toStringMethod) {

        static Generated of(Class<?> type, RecordComponent[] components) throws Throwable {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            MethodHandle[] getters = new MethodHandle[components.length];
            for (int i = 0; i < components.length; i++) {
                getters[i] = lookup.unreflect(components[i].getAccessor());
            }
            String names = Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.joining(";"));
            return new Generated(
                    bootstrap(lookup, "equals", MethodType.methodType(boolean.class, type, Object.class), type, names,
                            getters),
                    bootstrap(lookup, "hashCode", MethodType.methodType(int.class, type), type, names, getters),
                    bootstrap(lookup, "toString", MethodType.methodType(String.class, type), type, names, getters));
        }

        private static MethodHandle bootstrap(MethodHandles.Lookup lookup, String name, MethodType methodType,
                Class<?> type, String names, MethodHandle[] getters) throws Throwable {
            return ((CallSite) ObjectMethods.bootstrap(lookup, name, methodType, type, names, getters))
                    .dynamicInvoker();
        }

        boolean equal(Object x, Object y) throws Throwable {
            return (boolean) equalsMethod.invoke(x, y);
        }

        int hash(Object x) throws Throwable {
            return (int) hashCodeMethod.invoke(x);
        }

        String text(Object x) throws Throwable {
            return (String) toStringMethod.invoke(x);
        }
    }
}
