import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.medsite.api.BuildListener;
import org.medsite.api.BuildSession;
import org.medsite.api.Medsite;
import org.medsite.api.Rebuild;

/**
 * The warm rebuild of a dev server's session, in process and without the watcher or the HTTP server:
 * opens a session on SITE, builds it once, then R times appends a sentence to one page and times
 * {@code rebuild}, printing each stage's time and the process's CPU time (all threads, GC included),
 * which depends less than wall time on what else the machine runs. Run it on a JFR recording to see where a rebuild goes.
 *
 * <pre>
 * java -cp generator/target/medsite.jar generator/bench/serve/RebuildHarness.java SITE [RUNS] [PAGE] [OUT]
 * </pre>
 * PAGE is relative to the site folder (default content/blog/post-0001.md); OUT is the output folder
 * (default SITE/harness-out, kept, so that a second run finds its share cards in the image cache).
 * With {@code HARNESS_JFR=FILE} the rebuilds (not the first build) are recorded with JFR's profile settings.
 */
public final class RebuildHarness {

    public static void main(String[] args) throws Exception {
        Path site = Path.of(args[0]).toAbsolutePath();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Path page = site.resolve(args.length > 2 ? args[2] : "content/blog/post-0001.md");
        Map<String, Long> stages = new LinkedHashMap<>();
        BuildListener listener = new BuildListener() {
            @Override
            public void stageFinished(String stage, Duration took) {
                synchronized (stages) {
                    stages.merge(stage, took.toNanos() / 1000, Long::sum);
                }
            }

            @Override
            public void debug(String message) {
                if (System.getenv("HARNESS_DEBUG") != null) {
                    System.out.println("  " + message);
                }
            }
        };
        Path out = args.length > 3 ? Path.of(args[3]) : site.resolve("harness-out");
        try (BuildSession session = Medsite.forSite(site).outputDir(out).includeDrafts(true)
                .includeFuture(true).baseUrl("http://127.0.0.1:1313/").listener(listener).session()) {
            long t0 = System.nanoTime();
            session.build();
            System.out.printf(Locale.ROOT, "first build: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            // HARNESS_JFR=FILE records the rebuilds only, not the first build that dwarfs them.
            String jfr = System.getenv("HARNESS_JFR");
            jdk.jfr.Recording recording = null;
            if (jfr != null) {
                recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
                recording.setDestination(Path.of(jfr));
                recording.start();
            }
            List<Long> totals = new ArrayList<>();
            List<Long> cpus = new ArrayList<>();
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean();
            for (int run = 1; run <= runs; run++) {
                Files.writeString(page, "\nOne more sentence, number " + run + ".\n", StandardCharsets.UTF_8,
                        StandardOpenOption.APPEND);
                stages.clear();
                long start = System.nanoTime();
                long cpuStart = os.getProcessCpuTime();
                Rebuild rebuild = session.rebuild(List.of(page)).orElseThrow();
                long took = (System.nanoTime() - start) / 1000;
                long cpu = (os.getProcessCpuTime() - cpuStart) / 1000;
                totals.add(took);
                cpus.add(cpu);
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                        "run %2d: %7.1f ms (process CPU %7.1f ms), %d files;", run, took / 1000.0, cpu / 1000.0,
                        rebuild.changedFiles().size()));
                stages.forEach((stage, us) -> line.append(String.format(Locale.ROOT, " %s %.1f", stage, us / 1000.0)));
                System.out.println(line);
            }
            if (recording != null) {
                recording.stop();
                recording.close();
            }
            totals.sort(Long::compare);
            cpus.sort(Long::compare);
            System.out.printf(Locale.ROOT, "median %.1f ms, p90 %.1f ms over %d runs; process CPU median %.1f ms, "
                    + "p90 %.1f ms%n", totals.get(totals.size() / 2) / 1000.0,
                    totals.get((int) Math.ceil(totals.size() * 0.9) - 1) / 1000.0, runs,
                    cpus.get(cpus.size() / 2) / 1000.0, cpus.get((int) Math.ceil(cpus.size() * 0.9) - 1) / 1000.0);
        }
    }
}
