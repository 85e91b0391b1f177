package org.medsite.cache;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the stage results the page cache keeps (records of strings, numbers, dates, optionals,
 * collections and other records) as tagged {@link DataOutputStream} bytes, and reads them back into equal
 * values. Records are rebuilt through their canonical constructor, so their own checks and copies run
 * again. Only records of Medsite's own packages are rebuilt: a cache file names the classes it holds,
 * and a file from elsewhere must not make us construct anything else. A value of a type not listed
 * here cannot be written ({@link IllegalArgumentException}): the caller does not cache it.
 */
public final class RecordCodec {

    private static final String OWN_PACKAGES = "org.medsite.";

    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte INT = 2;
    private static final byte LONG = 3;
    private static final byte DOUBLE = 4;
    private static final byte BOOLEAN = 5;
    private static final byte LIST = 6;
    private static final byte MAP = 7;
    private static final byte SORTED_MAP = 8;
    private static final byte SET = 9;
    private static final byte SORTED_SET = 10;
    private static final byte EMPTY = 11;
    private static final byte OPTIONAL = 12;
    private static final byte LOCAL_DATE = 13;
    private static final byte OFFSET_DATE_TIME = 14;
    private static final byte INSTANT = 15;
    private static final byte ENUM = 16;
    private static final byte RECORD = 17;
    private static final byte PATH = 18;
    private static final byte BIG_INTEGER = 19;
    private static final byte BIG_DECIMAL = 20;
    /**
     * A string of characters up to U+00FF, as one byte each: read back with a plain copy, where UTF-8 is
     * scanned byte by byte (the JDK's fast path for it needs C2, which the launcher does not run).
     */
    private static final byte LATIN1_STRING = 21;

    private final ClassLoader loader;
    private final Map<String, Constructor<?>> constructors = new ConcurrentHashMap<>();
    private final Map<Class<?>, java.lang.reflect.Method[]> accessors = new ConcurrentHashMap<>();

    /** @param loader where the records' classes are found */
    public RecordCodec(ClassLoader loader) {
        this.loader = loader;
    }

    /** Writes {@code value} to {@code target} as {@link #encode(Object)} would give it. */
    public void encode(Object value, java.io.OutputStream target) throws IOException {
        DataOutputStream out = new DataOutputStream(target);
        write(out, value);
        out.flush();
    }

    public byte[] encode(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The value {@code bytes} hold; an {@link IOException} for bytes that are not a whole encoded value. */
    public Object decode(byte[] bytes) throws IOException {
        return decode(ByteBuffer.wrap(bytes));
    }

    /** The value the remaining bytes of {@code in} hold (a heap or a mapped buffer, read from its position). */
    public Object decode(ByteBuffer bytes) throws IOException {
        // A ByteBuffer rather than a DataInputStream: ByteArrayInputStream locks on every byte read.
        ByteBuffer in = bytes.slice();
        try {
            Object value = read(in);
            if (in.hasRemaining()) {
                throw new IOException("trailing bytes after a cached value");
            }
            return value;
        } catch (BufferUnderflowException e) {
            throw new IOException("a cached value is cut short", e);
        }
    }

    private void write(DataOutputStream out, Object value) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof String s) {
            byte[] latin1 = latin1(s);
            if (latin1 != null) {
                out.writeByte(LATIN1_STRING);
                out.writeInt(latin1.length);
                out.write(latin1);
            } else {
                out.writeByte(STRING);
                string(out, s);
            }
        } else if (value instanceof Integer i) {
            out.writeByte(INT);
            out.writeInt(i);
        } else if (value instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (value instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (value instanceof Boolean b) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(b);
        } else if (value instanceof List<?> list) {
            out.writeByte(LIST);
            elements(out, list);
        } else if (value instanceof SortedSet<?> set) {
            natural(set.comparator());
            out.writeByte(SORTED_SET);
            elements(out, set);
        } else if (value instanceof Set<?> set) {
            out.writeByte(SET);
            elements(out, set);
        } else if (value instanceof Map<?, ?> map) {
            if (map instanceof SortedMap<?, ?> sorted) {
                natural(sorted.comparator());
            }
            out.writeByte(map instanceof SortedMap ? SORTED_MAP : MAP);
            out.writeInt(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                write(out, e.getKey());
                write(out, e.getValue());
            }
        } else if (value instanceof Optional<?> optional) {
            if (optional.isEmpty()) {
                out.writeByte(EMPTY);
            } else {
                out.writeByte(OPTIONAL);
                write(out, optional.get());
            }
        } else if (value instanceof LocalDate date) {
            // As numbers: parsing text goes through java.time's formatter, whose code the JIT then compiles
            // for a build that reads a thousand dates from the cache and formats none (issue #11).
            out.writeByte(LOCAL_DATE);
            out.writeLong(date.toEpochDay());
        } else if (value instanceof OffsetDateTime time) {
            out.writeByte(OFFSET_DATE_TIME);
            out.writeLong(time.toEpochSecond());
            out.writeInt(time.getNano());
            out.writeInt(time.getOffset().getTotalSeconds());
        } else if (value instanceof Instant instant) {
            out.writeByte(INSTANT);
            out.writeLong(instant.getEpochSecond());
            out.writeInt(instant.getNano());
        } else if (value instanceof Path path) {
            out.writeByte(PATH);
            string(out, path.toString());
        } else if (value instanceof BigInteger big) {
            out.writeByte(BIG_INTEGER);
            string(out, big.toString());
        } else if (value instanceof BigDecimal big) {
            out.writeByte(BIG_DECIMAL);
            string(out, big.toString());
        } else if (value instanceof Enum<?> e) {
            out.writeByte(ENUM);
            string(out, own(e.getDeclaringClass()).getName());
            string(out, e.name());
        } else if (value instanceof Record record) {
            Class<?> type = own(record.getClass());
            out.writeByte(RECORD);
            string(out, type.getName());
            java.lang.reflect.Method[] accessors = this.accessors.computeIfAbsent(type, RecordCodec::accessors);
            out.writeInt(accessors.length);
            for (java.lang.reflect.Method accessor : accessors) {
                try {
                    write(out, accessor.invoke(record));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalArgumentException("cannot read " + type.getName() + "." + accessor.getName(), e);
                }
            }
        } else {
            throw new IllegalArgumentException("cannot cache a value of type " + value.getClass().getName());
        }
    }

    private Object read(ByteBuffer in) throws IOException {
        byte tag = in.get();
        return switch (tag) {
            case NULL -> null;
            case STRING -> string(in);
            case LATIN1_STRING -> latin1(in);
            case INT -> in.getInt();
            case LONG -> in.getLong();
            case DOUBLE -> in.getDouble();
            case BOOLEAN -> in.get() != 0;
            case LIST -> Collections.unmodifiableList(elements(in, new ArrayList<>()));
            case SET -> Collections.unmodifiableSet(elements(in, new LinkedHashSet<>()));
            case SORTED_SET -> Collections.unmodifiableSortedSet(elements(in, new TreeSet<>()));
            case MAP -> Collections.unmodifiableMap(entries(in, new LinkedHashMap<>()));
            case SORTED_MAP -> Collections.unmodifiableSortedMap(entries(in, new TreeMap<>()));
            case EMPTY -> Optional.empty();
            case OPTIONAL -> Optional.of(read(in));
            case LOCAL_DATE -> LocalDate.ofEpochDay(in.getLong());
            case OFFSET_DATE_TIME -> offsetDateTime(in.getLong(), in.getInt(), in.getInt());
            case INSTANT -> instant(in.getLong(), in.getInt());
            case PATH -> Path.of(string(in));
            case BIG_INTEGER -> new BigInteger(string(in));
            case BIG_DECIMAL -> new BigDecimal(string(in));
            case ENUM -> enumValue(string(in), string(in));
            case RECORD -> record(in);
            default -> throw new IOException("unknown tag " + tag + " in a cached value");
        };
    }

    private Object record(ByteBuffer in) throws IOException {
        String name = string(in);
        Constructor<?> constructor = constructors.computeIfAbsent(name, this::canonicalConstructor);
        int n = in.getInt();
        if (n != constructor.getParameterCount()) {
            throw new IOException(name + " has " + constructor.getParameterCount() + " components, the cache " + n);
        }
        Object[] args = new Object[n];
        for (int i = 0; i < n; i++) {
            args[i] = read(in);
        }
        try {
            return constructor.newInstance(args);
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new IOException("cannot rebuild a " + name + " from the cache: " + e, e);
        }
    }

    private static OffsetDateTime offsetDateTime(long epochSecond, int nano, int offsetSeconds) throws IOException {
        try {
            return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond, nano),
                    java.time.ZoneOffset.ofTotalSeconds(offsetSeconds));
        } catch (java.time.DateTimeException e) {
            throw new IOException("a cached date is damaged", e);
        }
    }

    private static Instant instant(long epochSecond, int nano) throws IOException {
        try {
            return Instant.ofEpochSecond(epochSecond, nano);
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw new IOException("a cached instant is damaged", e);
        }
    }

    /** A record's component accessors, looked up once per type (reflection's look-up, not the call, is slow). */
    private static java.lang.reflect.Method[] accessors(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        java.lang.reflect.Method[] accessors = new java.lang.reflect.Method[components.length];
        for (int i = 0; i < components.length; i++) {
            accessors[i] = components[i].getAccessor();
            accessors[i].setAccessible(true);
        }
        return accessors;
    }

    private Constructor<?> canonicalConstructor(String name) {
        try {
            Class<?> type = own(Class.forName(name, false, loader));
            if (!type.isRecord()) {
                throw new IllegalArgumentException(name + " is not a record");
            }
            Class<?>[] types = java.util.Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new);
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor;
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("no record " + name + " in this Medsite", e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object enumValue(String type, String name) throws IOException {
        try {
            return Enum.valueOf((Class) own(Class.forName(type, false, loader)), name);
        } catch (ClassNotFoundException | IllegalArgumentException e) {
            throw new IOException("no " + type + "." + name + " in this Medsite", e);
        }
    }

    private static Class<?> own(Class<?> type) {
        if (!type.getName().startsWith(OWN_PACKAGES)) {
            throw new IllegalArgumentException("cannot cache a " + type.getName() + ": not one of Medsite's own types");
        }
        return type;
    }

    private static void natural(java.util.Comparator<?> comparator) {
        if (comparator != null) {
            throw new IllegalArgumentException("cannot cache a sorted collection with its own comparator");
        }
    }

    private void elements(DataOutputStream out, Collection<?> values) throws IOException {
        out.writeInt(values.size());
        for (Object v : values) {
            write(out, v);
        }
    }

    private <C extends Collection<Object>> C elements(ByteBuffer in, C into) throws IOException {
        for (int i = count(in); i > 0; i--) {
            into.add(read(in));
        }
        return into;
    }

    private <M extends Map<Object, Object>> M entries(ByteBuffer in, M into) throws IOException {
        for (int i = count(in); i > 0; i--) {
            into.put(read(in), read(in));
        }
        return into;
    }

    private static int count(ByteBuffer in) throws IOException {
        int n = in.getInt();
        if (n < 0 || n > in.remaining()) {
            throw new IOException("a cached value is damaged");
        }
        return n;
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    /**
     * The string's characters as a byte each, or null when one is above U+00FF. Found by encoding and
     * comparing (copies and a word-at-a-time comparison) rather than a {@code charAt} loop: under the
     * launcher's C1-only JIT that loop was a tenth of a one-page rebuild's Java samples (issue #11).
     */
    private static byte[] latin1(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        // A character above U+00FF became '?': the decoded string then differs.
        return new String(bytes, StandardCharsets.ISO_8859_1).equals(s) ? bytes : null;
    }

    private static String latin1(ByteBuffer in) throws IOException {
        return text(in, count(in), StandardCharsets.ISO_8859_1);
    }

    private static String string(ByteBuffer in) throws IOException {
        return text(in, count(in), StandardCharsets.UTF_8);
    }

    /** The next {@code n} bytes as text: from the backing array of a heap buffer, else (a mapped file) copied out. */
    private static String text(ByteBuffer in, int n, java.nio.charset.Charset charset) {
        String s;
        if (in.hasArray()) {
            s = new String(in.array(), in.arrayOffset() + in.position(), n, charset);
            in.position(in.position() + n);
        } else {
            byte[] bytes = new byte[n];
            in.get(bytes);
            s = new String(bytes, charset);
        }
        return s;
    }
}
