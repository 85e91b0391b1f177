package org.medsite.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.medsite.diagnostics.FindingCollector;
import org.medsite.text.SourceText;
import org.medsite.yaml.YamlException;
import org.medsite.yaml.YamlReader;

/**
 * Reads {@code data/}: every {@code .yaml}, {@code .yml} and {@code .json} file becomes a value in one
 * tree, named by its path: {@code data/people/ana-ruiz.yaml} is {@code data.people["ana-ruiz"]}.
 */
public final class DataFiles {

    public static final String DATA_DIR = "data";

    private final YamlReader yaml;

    public DataFiles(YamlReader yaml) {
        this.yaml = yaml;
    }

    public Map<String, Object> load(Path siteDir, FindingCollector findings) throws IOException {
        Path root = siteDir.resolve(DATA_DIR);
        Map<String, Object> tree = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return tree;
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        files.sort(null);
        for (Path file : files) {
            String rel = root.relativize(file).toString().replace('\\', '/');
            String lower = rel.toLowerCase(Locale.ROOT);
            String shown = DATA_DIR + "/" + rel;
            boolean json = lower.endsWith(".json");
            if (rel.startsWith(".") || rel.contains("/.") || !(json || lower.endsWith(".yaml") || lower.endsWith(".yml"))) {
                continue;
            }
            if (Files.isSymbolicLink(file) && !file.toRealPath().startsWith(siteDir.toRealPath())) {
                findings.error("data.outside-link", shown, 0,
                        "symbolic link points outside the site folder; copy the file into the site instead");
                continue;
            }
            Optional<String> text = SourceText.read(file, shown, findings);
            if (text.isEmpty()) {
                continue;
            }
            Object value;
            try {
                value = yaml.toPlain(yaml.readTree(text.get(), json));
            } catch (YamlException e) {
                findings.error("data.syntax", shown, e.line(), (json ? "invalid JSON: " : "invalid YAML: ")
                        + e.getMessage());
                continue;
            }
            put(tree, rel.substring(0, rel.lastIndexOf('.')).split("/"), value, shown, findings);
        }
        return tree;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> tree, String[] path, Object value, String shown,
            FindingCollector findings) {
        Map<String, Object> node = tree;
        for (int i = 0; i < path.length - 1; i++) {
            Object child = node.computeIfAbsent(path[i], k -> new TreeMap<String, Object>());
            if (!(child instanceof Map)) {
                findings.error("data.clash", shown, 0, "'" + String.join(".", List.of(path).subList(0, i + 1))
                        + "' is both a data file and a folder; rename one of them");
                return;
            }
            node = (Map<String, Object>) child;
        }
        String key = path[path.length - 1];
        if (node.containsKey(key)) {
            findings.error("data.clash", shown, 0, "'" + String.join(".", path)
                    + "' is defined twice (a .yaml and a .json file, or a file and a folder); keep one");
            return;
        }
        node.put(key, value);
    }
}
