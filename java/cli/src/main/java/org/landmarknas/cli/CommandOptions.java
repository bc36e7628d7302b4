package org.landmarknas.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * The option conventions every command shares: {@code -h/--help} and {@code --verbose} on each,
 * no abbreviated long options ({@code --conf} is an error, not {@code --config}), option values
 * taken verbatim, and usage printed the same way.
 */
final class CommandOptions {

  static final String HELP = "help";
  static final String VERBOSE = "verbose";
  private static final int WIDTH = 100;

  private CommandOptions() {}

  /** {@code specific} plus the shared {@code --help} and {@code --verbose}. */
  static Options of(Option... specific) {
    Options options = new Options();
    for (Option o : specific) {
      options.addOption(o);
    }
    options.addOption(Option.builder("h").longOpt(HELP).desc("show this help and exit").build());
    options.addOption(Option.builder().longOpt(VERBOSE)
        .desc("print stack traces on errors").build());
    return options;
  }

  /** An option without argument. */
  static Option flag(String longOpt, String description) {
    return Option.builder().longOpt(longOpt).desc(description).build();
  }

  /** An option with one argument. */
  static Option withArg(String longOpt, String argName, String description) {
    return Option.builder().longOpt(longOpt).hasArg().argName(argName).desc(description).build();
  }

  static CommandLine parse(Options options, String[] args) throws ParseException {
    return DefaultParser.builder()
        .setAllowPartialMatching(false)
        .setStripLeadingAndTrailingQuotes(false)
        .build()
        .parse(options, args);
  }

  static void printHelp(PrintStream out, String syntax, String header, Options options,
      String footer) {
    PrintWriter pw = new PrintWriter(out);
    HelpFormatter formatter = new HelpFormatter();
    formatter.setOptionComparator(null); // keep declaration order
    formatter.printHelp(pw, WIDTH, syntax, header == null ? null : "\n" + header + "\n", options,
        2, 3, footer == null ? null : "\n" + footer, false);
    pw.flush();
  }

  /** Parses an integer option value with a lower bound; errors name the option. */
  /** The integer value of option {@code opt} (at least {@code min}), or {@code fallback}. */
  static int intOption(CommandLine cl, String opt, int fallback, int min) {
    String v = cl.getOptionValue(opt);
    return v == null ? fallback : intValue(opt, v, min);
  }

  static int intValue(String option, String value, int min) {
    int v;
    try {
      v = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "--%s: \"%s\" is not an integer", option, value));
    }
    if (v < min) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "--%s: %d is out of range (allowed: >= %d)", option, v, min));
    }
    return v;
  }

  /**
   * The config overrides of a command line: every {@code --set key=value} in order, then
   * {@code --data-dir} as {@code data.dir} (last, so the dedicated flag wins over --set).
   */
  static java.util.List<String> configOverrides(CommandLine cl) {
    java.util.List<String> overrides = new java.util.ArrayList<>();
    if (cl.hasOption("set")) {
      overrides.addAll(java.util.Arrays.asList(cl.getOptionValues("set")));
    }
    if (cl.hasOption("data-dir")) {
      overrides.add(org.landmarknas.config.RunConfigLoader.literalOverride("data.dir",
          cl.getOptionValue("data-dir")));
    }
    return overrides;
  }

  /** Parses a long option value; errors name the option. */
  static long longValue(String option, String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "--%s: \"%s\" is not an integer", option, value));
    }
  }
}
