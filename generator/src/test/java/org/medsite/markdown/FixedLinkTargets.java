package org.medsite.markdown;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Link targets for tests: the given pages, and the given files of {@code content/} at their own paths. */
record FixedLinkTargets(Map<String, String> pages, Set<String> resources) implements LinkTargets {

    /** No pages; each of {@code contentPaths} is a file copied to its own site path. */
    static FixedLinkTargets resources(String... contentPaths) {
        return new FixedLinkTargets(Map.of(), Set.of(contentPaths));
    }

    @Override
    public Optional<String> page(String contentPath) {
        return Optional.ofNullable(pages.get(contentPath));
    }

    @Override
    public Optional<String> resource(String contentPath) {
        return resources.contains(contentPath) ? Optional.of("/" + contentPath) : Optional.empty();
    }
}
