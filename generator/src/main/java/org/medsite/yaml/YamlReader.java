package org.medsite.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads the YAML of front matter, {@code site.yaml} and data files. Thread-safe and meant to be shared
 * by one build.
 *
 * <p>Hardened against hostile or careless input: duplicate keys are errors (the second silently winning
 * is how a wrong review date slips through), alias expansion is bounded (the "billion laughs" bomb), and
 * so are nesting depth and document size.
 */
public final class YamlReader {

    private static final int MAX_ALIASES = 50;
    private static final int MAX_NESTING = 100;
    private static final int MAX_CODE_POINTS = 16 * 1024 * 1024;
    /**
     * Values (tokens) in one document: a registry of people or services has thousands, and a million
     * already costs hundreds of megabytes as a tree; a file of "- 1" lines within the size limit has more.
     */
    static final long MAX_TOKENS = 1_000_000;

    private final ObjectMapper yaml;
    private final ObjectMapper json;

    public YamlReader() {
        LoaderOptions loader = new LoaderOptions();
        loader.setMaxAliasesForCollections(MAX_ALIASES);
        loader.setNestingDepthLimit(MAX_NESTING);
        loader.setCodePointLimit(MAX_CODE_POINTS);
        loader.setAllowDuplicateKeys(false);
        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(loader)
                .streamReadConstraints(constraints())
                .build();
        this.yaml = YAMLMapper.builder(factory).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
        this.json = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
                .streamReadConstraints(constraints()).build())
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    private static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).maxTokenCount(MAX_TOKENS).build();
    }

    /**
     * Reads a document that must be a mapping (or empty).
     *
     * @param text the YAML text
     * @param firstLine the line of the file on which {@code text} starts, so reported lines are file lines
     */
    public YamlMapping readMapping(String text, int firstLine) throws YamlException {
        if (text.isBlank()) {
            return YamlMapping.empty();
        }
        refuseAliases(text, firstLine);
        Map<String, JsonNode> values = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        boolean empty = translated(firstLine, () -> {
            try (JsonParser parser = yaml.createParser(text)) {
                JsonToken first = parser.nextToken();
                if (first == null || first == JsonToken.VALUE_NULL) {
                    return true;
                }
                if (first != JsonToken.START_OBJECT) {
                    throw new YamlException("expected 'key: value' lines, found " + describe(first),
                            fileLine(parser.currentLocation(), firstLine));
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int line = fileLine(parser.currentLocation(), firstLine);
                    parser.nextToken();
                    JsonNode value = yaml.readTree(parser);
                    values.put(key, value == null ? yaml.nullNode() : value);
                    lines.put(key, line);
                }
                return false;
            }
        });
        if (empty) {
            return YamlMapping.empty();
        }
        return new YamlMapping(values, lines);
    }

    /** Reads a whole data file, YAML or JSON, into a tree. */
    public JsonNode readTree(String text, boolean isJson) throws YamlException {
        if (!isJson) {
            refuseAliases(text, 1);
        }
        JsonNode node = translated(1, () -> (isJson ? json : yaml).readTree(text));
        return node == null ? yaml.nullNode() : node;
    }

    /**
     * Jackson reads an alias ({@code *name}) as the plain text "name" instead of the anchored value, which
     * would silently turn a reviewer list into a word; so aliases are refused with their line.
     */
    private void refuseAliases(String text, int firstLine) throws YamlException {
        if (!mayHaveAlias(text)) {
            return;
        }
        translated(firstLine, () -> {
            try (JsonParser parser = yaml.createParser(text)) {
                while (parser.nextToken() != null) {
                    if (parser instanceof YAMLParser y && y.isCurrentAlias()) {
                        throw new YamlException("YAML aliases such as '*" + parser.getText() + "' are not supported; "
                                + "write the value out in full", fileLine(parser.currentLocation(), firstLine));
                    }
                }
                return null;
            }
        });
    }

    /**
     * Whether a {@code *} stands where YAML could read it as an alias: where a value, key or item starts
     * (after a line start, {@code : - [ { , ?}, or a tag or anchor). A {@code *} inside text, such as
     * Markdown emphasis in a {@code summary}, cannot be one; without this test every such front matter
     * was parsed twice (issue #11). True in some places where no alias is (then the full check runs).
     */
    static boolean mayHaveAlias(String text) {
        for (int star = text.indexOf('*'); star >= 0; star = text.indexOf('*', star + 1)) {
            int i = star - 1;
            while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i--;
            }
            if (i < 0 || "\n\r:-[{,?".indexOf(text.charAt(i)) >= 0) {
                return true;
            }
            int word = i;
            while (word > 0 && !Character.isWhitespace(text.charAt(word - 1))) {
                word--;
            }
            if (text.charAt(word) == '!' || text.charAt(word) == '&') {
                return true;
            }
        }
        return false;
    }

    private interface YamlWork<T> {
        T run() throws IOException, YamlException;
    }

    /** Runs parser work, turning every way Jackson and SnakeYAML fail into one {@link YamlException} with a line. */
    private static <T> T translated(int firstLine, YamlWork<T> work) throws YamlException {
        try {
            return work.run();
        } catch (JsonProcessingException e) {
            throw new YamlException(reason(e), fileLine(e, firstLine));
        } catch (IOException e) {
            throw new YamlException(e.getMessage(), firstLine);
        } catch (RuntimeException e) {
            // SnakeYAML reports some limits (aliases, nesting) as unchecked exceptions.
            throw new YamlException(firstSentence(e.getMessage()), firstLine);
        }
    }

    /** Converts a tree to plain Java maps, lists, strings, numbers and booleans, for templates. */
    public Object toPlain(JsonNode node) {
        return yaml.convertValue(node, Object.class);
    }

    private static int fileLine(JsonProcessingException e, int firstLine) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            // A quote or bracket never closed is found at the end of the text; where it opened is the mistake.
            String problem = String.valueOf(marked.getProblem());
            if (marked.getContextMark() != null && (problem.contains("end of stream") || problem.contains("<stream end>"))) {
                return firstLine + marked.getContextMark().getLine();
            }
            return firstLine + marked.getProblemMark().getLine();
        }
        return fileLine(e.getLocation(), firstLine);
    }

    private static int fileLine(JsonLocation location, int firstLine) {
        if (location == null || location.getLineNr() <= 0) {
            return firstLine;
        }
        return firstLine + location.getLineNr() - 1;
    }

    private static String reason(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null) {
            // SnakeYAML's "problem" says what is wrong; its "context" only says where parsing started.
            String problem = marked.getProblem().strip();
            if (problem.contains("\\t(TAB)") || problem.contains("'\\t'")) {
                return "a tab is used for indentation; YAML allows only spaces";
            }
            return marked.getContext() == null ? problem : problem + " (" + marked.getContext().strip() + ")";
        }
        String message = e.getOriginalMessage();
        if (message == null) {
            return "invalid YAML";
        }
        if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException && message.startsWith("Token count")) {
            return "more than " + MAX_TOKENS + " values in one file; split it into smaller files";
        }
        if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException && message.contains("nesting depth")) {
            return "values are nested more than " + MAX_NESTING + " levels deep; flatten them";
        }
        if (message.startsWith("Duplicate field")) {
            return message.replace("Duplicate field", "duplicate key") + ": each key may appear once";
        }
        return firstSentence(message);
    }

    /** SnakeYAML messages carry a multi-line excerpt with a caret; the first line is the useful part. */
    private static String firstSentence(String message) {
        if (message == null || message.isBlank()) {
            return "invalid YAML";
        }
        String first = message.strip().lines().findFirst().orElse(message).strip();
        return first.endsWith(":") || first.endsWith(";") ? first.substring(0, first.length() - 1) : first;
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "plain text";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }
}
