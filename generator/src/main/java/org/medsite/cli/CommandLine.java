package org.medsite.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parsed arguments of one invocation.
 *
 * @param command {@code build}, {@code check}, {@code help} or {@code version}
 * @param siteDir the site folder (default: the current folder)
 * @param outputDir the output folder, if given
 * @param drafts include drafts
 * @param future include future-dated pages
 * @param expired include expired pages
 * @param baseUrl a base URL replacing site.yaml's
 * @param theme a theme replacing site.yaml's
 * @param failOnWarning exit 1 on warnings too
 * @param quiet print only problems and the summary
 * @param debug print stage timings and stack traces of unexpected failures
 * @param port the port {@code serve} listens on, if given
 * @param bind the address {@code serve} listens on, if given
 */
record CommandLine(String command, Path siteDir, Optional<Path> outputDir, boolean drafts, boolean future,
        boolean expired, Optional<String> baseUrl, Optional<String> theme, boolean failOnWarning, boolean quiet,
        boolean debug, Optional<Integer> port, Optional<String> bind) {

    static final String USAGE = """
            Usage: medsite <command> [SITE_DIR] [options]

            Commands:
              build     render the site into the output folder (default: SITE_DIR/public)
              check     render and check the site, write nothing (for pull requests)
              serve     build the site, serve it at http://127.0.0.1:1313/ and rebuild and reload
                        the browser on every change (output: a temporary folder unless -o)
              help      show this help
              version   show the version

            Options:
              -o, --output DIR     output folder
              -D, --drafts         include pages marked draft: true
              -F, --future         include pages dated in the future
                  --expired        include pages past their expiryDate
                  --base-url URL   publish address, replacing site.yaml's baseURL
                  --theme NAME     theme, replacing site.yaml's theme
                  --fail-on-warning  exit with 1 on warnings too
              -q, --quiet          print only problems and the summary
                  --debug          print stage timings and stack traces of unexpected failures
                  --port N         serve: the port (default 1313, or the next free one)
                  --bind ADDR      serve: the address to listen on (default 127.0.0.1, this machine only)

            Exit codes: 0 success, 1 problems in the site, 2 bad usage or unexpected failure.
            """;

    /** Thrown for arguments that make no sense; the message says which. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static CommandLine parse(String[] args) throws UsageException {
        if (args.length == 0) {
            throw new UsageException("no command given");
        }
        String command = switch (args[0]) {
            case "-h", "--help", "help" -> "help";
            case "-V", "--version", "version" -> "version";
            case "build", "check", "serve" -> args[0];
            default -> throw new UsageException("unknown command '" + args[0] + "'");
        };
        List<String> positional = new ArrayList<>();
        Path output = null;
        String baseUrl = null;
        String theme = null;
        boolean drafts = false;
        boolean future = false;
        boolean expired = false;
        boolean failOnWarning = false;
        boolean quiet = false;
        boolean debug = false;
        Integer port = null;
        String bind = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                value = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            switch (a) {
                case "-o", "--output" -> {
                    output = Path.of(value != null ? value : next(args, ++i, a));
                }
                case "--base-url" -> baseUrl = value != null ? value : next(args, ++i, a);
                case "--theme" -> theme = value != null ? value : next(args, ++i, a);
                case "-D", "--drafts" -> drafts = true;
                case "-F", "--future" -> future = true;
                case "--expired" -> expired = true;
                case "--fail-on-warning" -> failOnWarning = true;
                case "-q", "--quiet" -> quiet = true;
                case "--debug", "-X" -> debug = true;
                case "--port" -> port = port(value != null ? value : next(args, ++i, a));
                case "--bind" -> bind = value != null ? value : next(args, ++i, a);
                case "-h", "--help" -> {
                    return new CommandLine("help", Path.of("."), Optional.empty(), false, false, false,
                            Optional.empty(), Optional.empty(), false, false, false, Optional.empty(), Optional.empty());
                }
                default -> {
                    if (a.startsWith("-")) {
                        throw new UsageException("unknown option '" + a + "'");
                    }
                    positional.add(a);
                }
            }
        }
        if (positional.size() > 1) {
            throw new UsageException("expected one site folder, got " + positional);
        }
        if ((port != null || bind != null) && !command.equals("serve")) {
            throw new UsageException("--port and --bind are options of serve");
        }
        Path site = Path.of(positional.isEmpty() ? "." : positional.get(0));
        return new CommandLine(command, site, Optional.ofNullable(output), drafts, future, expired,
                Optional.ofNullable(baseUrl), Optional.ofNullable(theme), failOnWarning, quiet, debug,
                Optional.ofNullable(port), Optional.ofNullable(bind));
    }

    private static int port(String value) throws UsageException {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new UsageException("--port needs a number from 0 to 65535 (0: any free port), not '" + value + "'");
    }

    private static String next(String[] args, int i, String option) throws UsageException {
        if (i >= args.length || args[i].startsWith("-")) {
            throw new UsageException("option " + option + " needs a value");
        }
        return args[i];
    }
}
