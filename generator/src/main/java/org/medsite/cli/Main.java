package org.medsite.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.medsite.api.BuildListener;
import org.medsite.api.BuildMode;
import org.medsite.api.BuildResult;
import org.medsite.api.Medsite;
import org.medsite.api.MedsiteException;
import org.medsite.api.OutputInUseException;
import org.medsite.api.StageTiming;
import org.medsite.diagnostics.Finding;
import org.medsite.server.DevServer;
import org.medsite.server.ServeListener;
import org.medsite.server.ServeOptions;

/**
 * The {@code medsite} command. Problems in the site are printed one per line as
 * {@code file:line: severity: message [rule]} and end with exit code 1; stack traces are printed only
 * for unexpected failures and only with {@code --debug}.
 */
public final class Main {

    private final PrintStream out;
    private final PrintStream err;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int exitCode = new Main(out, err).run(args);
        // Set by the launcher only in the run that dumps its class-data archive as it exits.
        String training = System.getProperty(ArchiveTraining.FOLDER_PROPERTY);
        if (training != null && !training.isEmpty()) {
            train(Path.of(training), args);
        }
        System.exit(exitCode);
    }

    /** After a build or check, a small rebuild whose classes go into the archive too ({@link ArchiveTraining}). */
    private static void train(Path folder, String[] args) {
        try {
            CommandLine cli = CommandLine.parse(args);
            if (cli.command().equals("build") || cli.command().equals("check")) {
                new ArchiveTraining(folder, cli.siteDir()).run();
            }
        } catch (CommandLine.UsageException e) {
            // The user was told already; nothing to train on.
        }
    }

    int run(String[] args) {
        CommandLine cli;
        try {
            cli = CommandLine.parse(args);
        } catch (CommandLine.UsageException e) {
            err.println("medsite: " + e.getMessage());
            err.print(CommandLine.USAGE);
            return 2;
        }
        switch (cli.command()) {
            case "help" -> {
                out.print(CommandLine.USAGE);
                return 0;
            }
            case "version" -> {
                out.println("medsite " + version());
                return 0;
            }
            case "serve" -> {
                return serve(cli);
            }
            default -> {
                return build(cli);
            }
        }
    }

    /** The build the command line describes, its events printed as the options ask. */
    private Medsite medsite(CommandLine cli) {
        Medsite medsite = Medsite.forSite(cli.siteDir())
                .includeDrafts(cli.drafts())
                .includeFuture(cli.future())
                .includeExpired(cli.expired())
                .listener(new BuildListener() {
                    @Override
                    public void info(String message) {
                        if (!cli.quiet()) {
                            err.println("medsite: " + message);
                        }
                    }

                    @Override
                    public void debug(String message) {
                        if (cli.debug()) {
                            err.println("medsite: " + message);
                        }
                    }

                    @Override
                    public void stageFinished(String stage, Duration took) {
                        if (cli.debug()) {
                            err.printf(Locale.ROOT, "medsite: %-12s %6d ms%n", stage, took.toMillis());
                        }
                    }
                });
        cli.outputDir().ifPresent(medsite::outputDir);
        cli.baseUrl().ifPresent(medsite::baseUrl);
        cli.theme().ifPresent(medsite::theme);
        return medsite;
    }

    private int build(CommandLine cli) {
        Medsite medsite = medsite(cli);
        BuildMode mode = cli.command().equals("check") ? BuildMode.CHECK : BuildMode.BUILD;
        BuildResult result;
        try {
            result = mode == BuildMode.CHECK ? medsite.check() : medsite.build();
        } catch (OutputInUseException e) {
            err.println("medsite: " + e.getMessage());
            return 1;
        } catch (MedsiteException e) {
            err.println("medsite: " + e.getMessage());
            if (cli.debug()) {
                e.printStackTrace(err);
            }
            return 2;
        } catch (RuntimeException e) {
            err.println("medsite: internal error: " + e + " (this is a bug in Medsite; run with --debug for details)");
            if (cli.debug()) {
                e.printStackTrace(err);
            }
            return 2;
        }
        for (Finding f : result.findings()) {
            err.println(f.format());
        }
        if (cli.debug()) {
            for (StageTiming t : result.timings()) {
                err.printf(Locale.ROOT, "medsite: stage %-12s %6d ms%n", t.stage(), t.took().toMillis());
            }
        }
        out.println(summary(result, cli.siteDir()));
        return result.succeeded(cli.failOnWarning()) ? 0 : 1;
    }

    /**
     * Serves the site until the process is stopped (Ctrl+C). Without {@code --output} the site is built
     * into a temporary folder, deleted on exit, so that serving never replaces a deployable build.
     */
    private int serve(CommandLine cli) {
        InetAddress bind;
        try {
            bind = cli.bind().isPresent() ? InetAddress.getByName(cli.bind().get()) : InetAddress.getLoopbackAddress();
        } catch (UnknownHostException e) {
            err.println("medsite: --bind: '" + cli.bind().get() + "' is not an address of this machine; "
                    + "use an IP address such as 0.0.0.0 (every interface)");
            return 2;
        }
        Medsite medsite = medsite(cli);
        Path temporary = null;
        try {
            if (cli.outputDir().isEmpty()) {
                temporary = Files.createTempDirectory("medsite-serve-");
                medsite.outputDir(temporary.resolve("site"));
            }
            ServeOptions options = new ServeOptions(bind, cli.port().orElse(ServeOptions.DEFAULT_PORT),
                    cli.port().isEmpty(), cli.baseUrl().isPresent(), ServeOptions.DEFAULT_QUIET_PERIOD);
            DevServer server = DevServer.start(medsite, options, new ServeListener() {
                @Override
                public void info(String line) {
                    out.println("medsite: " + line);
                }

                @Override
                public void warning(String line) {
                    err.println("medsite: " + line);
                }

                @Override
                public void debug(String line) {
                    if (cli.debug()) {
                        err.println("medsite: " + line);
                    }
                }
            });
            CountDownLatch stopped = new CountDownLatch(1);
            Path folder = temporary;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                deleteQuietly(folder);
                stopped.countDown();
            }, "medsite-serve-stop"));
            stopped.await();
            return 0;
        } catch (OutputInUseException e) {
            err.println("medsite: " + e.getMessage());
            deleteQuietly(temporary);
            return 1;
        } catch (IOException | MedsiteException e) {
            err.println("medsite: " + e.getMessage());
            if (cli.debug()) {
                e.printStackTrace(err);
            }
            deleteQuietly(temporary);
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /**
     * Deletes a temporary folder (the output of {@code serve}, an archive training's site), deepest entries
     * first; what cannot be deleted stays, and nothing is thrown.
     */
    static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (var walk = Files.walk(folder)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
            // The system's temp cleaning takes serve's; a training's is hidden and named apart from the next one's.
        }
    }

    static String summary(BuildResult result, Path siteDir) {
        long pages = result.pages().stream().filter(p -> !p.kind().equals("404")).count();
        String what = result.mode() == BuildMode.CHECK ? "checked" : "built";
        StringBuilder sb = new StringBuilder("medsite: ");
        if (result.mode() == BuildMode.BUILD && result.written().isEmpty()) {
            sb.append("build failed, nothing written; ").append(pages).append(" pages");
        } else {
            sb.append(what).append(' ').append(pages).append(" pages");
        }
        result.written().ifPresent(w -> sb.append(" (").append(w.written()).append(" files written, ")
                .append(w.unchanged()).append(" unchanged, ").append(w.removed()).append(" removed)"));
        sb.append(String.format(Locale.ROOT, " in %.2f s: %d errors, %d warnings", result.took().toMillis() / 1000.0,
                result.errorCount(), result.warningCount()));
        if (result.written().isPresent()) {
            Path shown = result.outputDir();
            Path cwd = Path.of("").toAbsolutePath();
            if (shown.startsWith(cwd)) {
                shown = cwd.relativize(shown);
            }
            sb.append(" -> ").append(shown.toString().isEmpty() ? "." : shown);
        }
        return sb.toString();
    }

    private static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "(development build)" : v;
    }
}
