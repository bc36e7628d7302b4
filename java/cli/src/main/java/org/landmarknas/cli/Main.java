package org.landmarknas.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.cli.ParseException;
import org.landmarknas.data.DataLocation;

/**
 * Entry point of the {@code lmnas} tool: {@code lmnas [--verbose] <command> [options]}.
 *
 * <p>Exit codes: 0 success (and {@code --help}, {@code --version}); 2 bad usage or input
 * (unknown command or option, missing argument, invalid config or architecture string); 1 any
 * other failure. Errors are one line, {@code lmnas <command>: error: <message>}, on standard
 * error; the stack trace follows only with {@code --verbose}.
 */
public final class Main {

  /** Exit code of a successful run. */
  public static final int EXIT_OK = 0;
  /** Exit code of a failure that is not the user's input. */
  public static final int EXIT_FAILURE = 1;
  /** Exit code of bad usage or input. */
  public static final int EXIT_USAGE = 2;

  private static final String TOOL = "lmnas";
  /** Longest word of an error message printed whole; see {@link #shortenLongWords}. */
  static final int LONGEST_WORD = 200;
  private static final int WORD_HEAD = 120;
  private static final int WORD_TAIL = 40;
  private static final Pattern LONG_WORD = Pattern.compile("\\S{" + (LONGEST_WORD + 1) + ",}");

  private Main() {}

  /**
   * Runs {@code lmnas} and exits the JVM with its exit code. The tool installs a missing default
   * data set from its Debian package where it may (root); {@code
   * -Dlandmarknas.data.install=none} turns that off.
   */
  public static void main(String[] args) {
    if (System.getProperty(DataLocation.INSTALL_PROPERTY) == null) {
      System.setProperty(DataLocation.INSTALL_PROPERTY, "debian");
    }
    System.exit(run(args, System.out, System.err));
  }

  /** Runs {@code lmnas} with the standard commands; returns the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    return run(CommandRegistry.standard(), args, out, err);
  }

  /** Runs {@code lmnas} with the given commands; returns the exit code. */
  static int run(CommandRegistry registry, String[] args, PrintStream out, PrintStream err) {
    try {
      return dispatch(registry, args, out, err);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static int dispatch(CommandRegistry registry, String[] args, PrintStream out,
      PrintStream err) {
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    boolean verbose = false;
    while (!rest.isEmpty() && rest.get(0).startsWith("-")) {
      String option = rest.remove(0);
      switch (option) {
        case "-h", "--help" -> {
          printUsage(registry, out);
          return EXIT_OK;
        }
        case "--version" -> {
          out.println(TOOL + " " + version());
          return EXIT_OK;
        }
        case "--verbose" -> verbose = true;
        default -> {
          return usageError(TOOL, "unknown option " + option + "; run 'lmnas --help'", err);
        }
      }
    }
    if (rest.isEmpty()) {
      return usageError(TOOL, "missing command (commands: " + registry.names()
          + "); run 'lmnas --help'", err);
    }
    String name = rest.remove(0);
    if (name.equals("help")) { // "lmnas help [command]" reads better than "lmnas command --help"
      if (rest.isEmpty()) {
        printUsage(registry, out);
        return EXIT_OK;
      }
      name = rest.remove(0);
      rest = new ArrayList<>(List.of("--help"));
    }
    Optional<Command> command = registry.find(name);
    if (command.isEmpty()) {
      return usageError(TOOL, "unknown command \"" + name + "\" (commands: " + registry.names()
          + "); run 'lmnas --help'", err);
    }
    verbose |= rest.contains("--verbose");
    if (verbose && !rest.contains("--verbose")) {
      rest.add("--verbose");
    }
    return runCommand(command.get(), TOOL + " " + name, rest, verbose, out, err);
  }

  /**
   * Runs one command; an exception becomes its message under {@code prefix} and an exit code:
   * bad input {@link #EXIT_USAGE}, anything else {@link #EXIT_FAILURE}.
   */
  private static int runCommand(Command command, String prefix, List<String> args,
      boolean verbose, PrintStream out, PrintStream err) {
    try {
      return command.run(args.toArray(String[]::new), out, err);
    } catch (ParseException | IllegalArgumentException e) {
      err.println(prefix + ": error: " + message(e));
      if (verbose) {
        e.printStackTrace(err);
      }
      return EXIT_USAGE;
    } catch (Exception e) {
      err.println(prefix + ": error: " + message(e)
          + (verbose ? "" : " (run with --verbose for the stack trace)"));
      if (verbose) {
        e.printStackTrace(err);
      }
      return EXIT_FAILURE;
    }
  }

  private static int usageError(String prefix, String message, PrintStream err) {
    err.println(prefix + ": error: " + shortenLongWords(message));
    return EXIT_USAGE;
  }

  /** The exception's message on one line; its class name when it has none. */
  private static String message(Exception e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      return e.getClass().getName();
    }
    return shortenLongWords(m.strip().replaceAll("\\s*\\R\\s*", " "));
  }

  /**
   * The message with every word (run of non-blank characters) longer than {@value #LONGEST_WORD}
   * characters cut to its start and end: an error quotes the value it rejects, and a mistyped
   * 100 kB architecture string or path must not come back as a 100 kB line. Done here, where
   * every error is printed, so no message can forget it.
   */
  static String shortenLongWords(String message) {
    return LONG_WORD.matcher(message).replaceAll(m -> Matcher.quoteReplacement(
        shorten(m.group())));
  }

  private static String shorten(String word) {
    if (word.codePointCount(0, word.length()) <= LONGEST_WORD) {
      return word; // long in chars only: surrogate pairs
    }
    int head = word.offsetByCodePoints(0, WORD_HEAD);
    int tail = word.offsetByCodePoints(word.length(), -WORD_TAIL);
    return word.substring(0, head) + "...[" + (tail - head) + " characters left out]..."
        + word.substring(tail);
  }

  /** The jar manifest's Implementation-Version; "development build" when run from classes. */
  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v != null ? v : "(development build)";
  }

  private static void printUsage(CommandRegistry registry, PrintStream out) {
    out.println("usage: lmnas [--verbose] <command> [options]");
    out.println();
    out.println("Weight-sharing neural architecture search with landmark regularization.");
    out.println();
    out.println("commands:");
    int width = 0;
    for (Command c : registry.all()) {
      width = Math.max(width, c.name().length());
    }
    for (Command c : registry.all()) {
      out.printf("  %-" + width + "s   %s%n", c.name(), c.summary());
    }
    out.println();
    out.println("options:");
    out.println("  -h, --help   show this help and exit");
    out.println("  --version    print the version and exit");
    out.println("  --verbose    print stack traces on errors");
    out.println();
    out.println("Run 'lmnas <command> --help' for the options of one command.");
  }
}
