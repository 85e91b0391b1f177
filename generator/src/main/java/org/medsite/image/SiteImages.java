package org.medsite.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;
import org.medsite.config.ShareCardSettings;
import org.medsite.config.SiteConfigLoader;
import org.medsite.diagnostics.FindingCollector;
import org.medsite.model.Site;
import org.medsite.output.OutputEntry;
import org.medsite.output.OutputPlan;

/**
 * The images stage: adds the site's share cards and the smaller copies of its photos to the output plan,
 * drawing in parallel (callers run it on the build's pool) and taking from the {@link ImageCache} what an
 * earlier build made. Files are added to the plan in path order, so the plan does not depend on which
 * thread finished first.
 */
public final class SiteImages {

    private final ImageCache cache;
    private final FindingCollector findings;

    public SiteImages(ImageCache cache, FindingCollector findings) {
        this.cache = cache;
        this.findings = findings;
    }

    /** Draws the card of every page {@link ShareCardPlan} names, unless a site file has its path. */
    public void planCards(Site site, OutputPlan plan) throws IOException {
        planCards(site, ShareCardPlan.of(site), plan);
    }

    /** As {@link #planCards(Site, OutputPlan)}, with the site's {@link ShareCardPlan} worked out already. */
    public void planCards(Site site, Map<String, ShareCardPlan.Planned> cards, OutputPlan plan) throws IOException {
        if (cards.isEmpty()) {
            return;
        }
        ShareCardSettings settings = site.config().shareCards();
        Optional<byte[]> logo = Optional.empty();
        if (settings.logo().isPresent()) {
            String path = settings.logo().get().replaceFirst("^/+", "");
            OutputEntry entry = plan.entry(path);
            if (entry == null) {
                findings.error("config.share-cards", SiteConfigLoader.FILE_NAME, 0, "'shareCards.logo' "
                        + settings.logo().get() + " is not a file of the site; put it under static/ (e.g. static"
                        + settings.logo().get() + ")");
            } else {
                logo = Optional.of(entry.bytes());
            }
        }
        ShareCardStyle style = new ShareCardStyle(settings.background(), settings.text(), settings.accent(), logo);
        ShareCardRenderer renderer;
        try {
            renderer = new ShareCardRenderer(style);
        } catch (IllegalArgumentException e) {
            findings.error("config.share-cards", SiteConfigLoader.FILE_NAME, 0, "'shareCards.logo' "
                    + settings.logo().orElse("") + ": " + e.getMessage());
            renderer = new ShareCardRenderer(new ShareCardStyle(style.background(), style.text(), style.accent(),
                    Optional.empty()));
        }
        ShareCardRenderer drawer = renderer;
        String styleKey = ImageCache.key(ShareCardRenderer.VERSION, style.background(), style.text(), style.accent(),
                drawer.hasLogo() ? logo.get() : new byte[0]);
        List<ShareCardPlan.Planned> toDraw = cards.values().stream().filter(c -> !plan.contains(c.path())).toList();
        for (ShareCardPlan.Planned c : toDraw) {
            if (!c.titleShown()) {
                site.pages().stream().filter(p -> p.id().equals(c.pageId())).findFirst().ifPresent(p ->
                        findings.warning("image.share-card-font", p.sourceFile().isEmpty() ? c.url() : p.sourceFile(), 0,
                                "the share card cannot show this page's title: no font on this machine has its "
                                        + "characters (install one, e.g. Debian's fonts-noto-cjk), or give the page "
                                        + "an 'image'; the card shows the practice's name instead"));
            }
        }
        if (cache.storesFiles()) {
            // A one-off build: each card is written once, into the cache folder, and the output takes that file.
            Map<String, ImageCache.Stored> stored = new ConcurrentHashMap<>();
            draw(toDraw, styleKey, (c, key) -> cache.stored("card", key, "png", () -> Optional.of(drawer.render(c.card())))
                    .ifPresent(file -> stored.put(c.path(), file)));
            new TreeMap<>(stored).forEach((path, file) ->
                    plan.addStored(path, file.file(), file.hash(), file.size(), "share card of /" + path));
            return;
        }
        // A dev server's session keeps the cards of the same cards to draw in the same style (KeptImages).
        SortedMap<String, byte[]> inOrder = cache.keptCards(toDraw, styleKey).orElse(null);
        if (inOrder == null) {
            Map<String, byte[]> drawn = new ConcurrentHashMap<>();
            Set<String> names = ConcurrentHashMap.newKeySet();
            draw(toDraw, styleKey, (c, key) -> {
                names.add(ImageCache.fileName(key, "png"));
                cache.get("card", key, "png", () -> Optional.of(drawer.render(c.card())))
                        .ifPresent(bytes -> drawn.put(c.path(), bytes));
            });
            inOrder = new TreeMap<>(drawn);
            cache.keepCards(toDraw, styleKey, inOrder, names);
        }
        SortedMap<String, byte[]> planned = inOrder;
        // A session plans the same cards as the layer it kept for them (see OutputPlan.Layer).
        Optional<OutputPlan.Layer> layer = cache.cardLayer(inOrder, () -> {
            OutputPlan.Layer planning = new OutputPlan.Layer();
            planned.forEach((path, bytes) -> planning.putGenerated(path, bytes, "share card of /" + path));
            return planning;
        });
        if (layer.isPresent()) {
            plan.addLayer(layer.get());
        } else {
            inOrder.forEach((path, bytes) -> plan.addGenerated(path, bytes, "share card of /" + path));
        }
    }

    /** What is done with one card to draw, given its key in the {@link ImageCache}. */
    private interface CardAction {
        void accept(ShareCardPlan.Planned card, String key) throws IOException;
    }

    /** Runs {@code action} on every card, in parallel (on the caller's pool). */
    private static void draw(List<ShareCardPlan.Planned> cards, String styleKey, CardAction action) {
        cards.parallelStream().forEach(c -> {
            ShareCard card = c.card();
            try {
                action.accept(c, ImageCache.key(styleKey, card.title(), card.label(), card.siteName()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Makes the smaller copies of every JPEG and PNG of the site's own files (page bundles and static/)
     * that is wider than a configured width.
     *
     * @param widthOf an image's width by output path, 0 when unknown
     * @param make whether to make the copies' bytes (a check only needs their widths)
     * @return the widths of the copies of each image, by the image's output path
     */
    public SortedMap<String, List<Integer>> planVariants(OutputPlan plan, ResponsiveImages policy,
            ToIntFunction<String> widthOf, boolean make) throws IOException {
        SortedMap<String, List<Integer>> variants = new TreeMap<>();
        for (Map.Entry<String, OutputEntry> e : plan.entriesInOrder()) {
            String origin = e.getValue().origin();
            if (e.getValue() instanceof OutputEntry.Copied && ResponsiveImages.resizable(e.getKey())
                    && (origin.startsWith("content/") || origin.startsWith("static/"))) {
                List<Integer> widths = policy.widthsFor(widthOf.applyAsInt(e.getKey()));
                // A file already named like a copy (photo-480w.jpg beside photo.jpg) keeps its photo as it is.
                if (!widths.isEmpty() && widths.stream().noneMatch(w -> plan.contains(ResponsiveImages.variant(e.getKey(), w)))) {
                    variants.put(e.getKey(), widths);
                }
            }
        }
        if (!make) {
            return variants;
        }
        record Job(String path, int width) {
        }
        List<Job> jobs = new ArrayList<>();
        variants.forEach((path, widths) -> widths.forEach(w -> jobs.add(new Job(path, w))));
        Map<String, byte[]> made = new ConcurrentHashMap<>();
        Map<String, byte[]> sources = new ConcurrentHashMap<>();
        jobs.parallelStream().forEach(job -> {
            try {
                byte[] source = sources.computeIfAbsent(job.path(), p -> {
                    try {
                        return plan.entry(p).bytes();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                boolean jpeg = ResponsiveImages.jpeg(job.path());
                String key = ImageCache.key(ImageResizer.VERSION, source, job.width(), jpeg, policy.quality());
                cache.get("resize", key, jpeg ? "jpg" : "png",
                        () -> ImageResizer.resize(source, jpeg, job.width(), policy.quality()))
                        .ifPresent(bytes -> made.put(ResponsiveImages.variant(job.path(), job.width()), bytes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        SortedMap<String, List<Integer>> result = new TreeMap<>();
        variants.forEach((path, widths) -> {
            List<Integer> present = widths.stream().filter(w -> made.containsKey(ResponsiveImages.variant(path, w))).toList();
            present.forEach(w -> plan.addGenerated(ResponsiveImages.variant(path, w),
                    made.get(ResponsiveImages.variant(path, w)), plan.entry(path).origin()));
            if (!present.isEmpty()) {
                result.put(path, present);
            }
        });
        return result;
    }
}
