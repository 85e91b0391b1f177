package org.medsite.render;

import java.util.List;

/**
 * A theme and the themes it extends, most specific first: {@code [journal, clinic]}. Each theme is a
 * classpath folder {@code medsite/themes/<name>/} with {@code theme.yaml}, {@code layouts/} and
 * {@code static/}.
 *
 * @param name the selected theme
 * @param chain the selected theme followed by its ancestors
 */
public record Theme(String name, List<String> chain) {

    public static final String ROOT = "medsite/themes/";

    public Theme {
        chain = List.copyOf(chain);
    }

    public static String folder(String themeName) {
        return ROOT + themeName + "/";
    }
}
