package org.landmarknas.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Op;
import org.landmarknas.space.Nb201Space;
import org.landmarknas.space.SearchSpace;
import org.landmarknas.space.SearchSpaces;

/**
 * {@code lmnas space <info|sample|mutate|distance|canonical|neighbours>}: look at a search space
 * from the shell, the one {@code --space ID} names (default {@value #DEFAULT_SPACE}), through
 * its {@link SearchSpace}. Architectures are written in the space's notation, for NB201 the
 * benchmark's string form {@code |op~0|+|op~0|op~1|+|op~0|op~1|op~2|}; quote them in the shell.
 */
final class SpaceCommand implements Command {

  /** The space a subcommand inspects when {@code --space} is not given. */
  static final String DEFAULT_SPACE = "nb201";

  /** One subcommand: its options, usage line and action. */
  private record Sub(String name, String summary, String syntax, Options options, Action action) {}

  /** A subcommand's work, on the space {@code --space} names (captured typed by the caller). */
  @FunctionalInterface
  private interface Action {
    void run(CommandLine cl, PrintStream out);
  }

  private final Map<String, Sub> subs = new LinkedHashMap<>();

  SpaceCommand() {
    add(new Sub("info", "size, encoding, canonical classes and maximum distance",
        "lmnas space info [--space ID]", CommandOptions.of(spaceOption()),
        (cl, out) -> info(space(cl), cl, out)));
    add(new Sub("sample", "print K architectures drawn uniformly",
        "lmnas space sample [--space ID] [--count K] [--seed S] [--distinct]",
        CommandOptions.of(spaceOption(),
            CommandOptions.withArg("count", "K", "number of architectures (default 1)"),
            CommandOptions.flag("distinct", "only trainable cells, no two equivalent"),
            CommandOptions.withArg("seed", "S", "random seed (default 0)")),
        (cl, out) -> sample(space(cl), cl, out)));
    add(new Sub("mutate", "print a mutation of an architecture",
        "lmnas space mutate [--space ID] --arch STR [--seed S]   (or: mutate STR)",
        CommandOptions.of(spaceOption(),
            CommandOptions.withArg("arch", "STR", "the parent architecture"),
            CommandOptions.withArg("seed", "S", "random seed (default 0)")),
        (cl, out) -> mutate(space(cl), cl, out)));
    add(new Sub("distance", "print the distance between two architectures",
        "lmnas space distance [--space ID] --arch A --arch B   (or: distance A B)",
        CommandOptions.of(spaceOption(),
            CommandOptions.withArg("arch", "STR", "an architecture; give it twice")),
        (cl, out) -> distance(space(cl), cl, out)));
    add(new Sub("canonical", "print the canonical representative of an architecture and its key",
        "lmnas space canonical [--space ID] --arch STR   (or: canonical STR)",
        CommandOptions.of(spaceOption(), CommandOptions.withArg("arch", "STR",
            "the architecture")),
        (cl, out) -> canonical(space(cl), cl, out)));
    add(new Sub("neighbours", "print every architecture one elementary change away",
        "lmnas space neighbours [--space ID] --arch STR   (or: neighbours STR)",
        CommandOptions.of(spaceOption(), CommandOptions.withArg("arch", "STR",
            "the architecture")),
        (cl, out) -> neighbours(space(cl), cl, out)));
  }

  private static Option spaceOption() {
    return CommandOptions.withArg("space", "ID", "the search space (default " + DEFAULT_SPACE
        + "; known: " + String.join(", ", SearchSpaces.names()) + ")");
  }

  /**
   * The space {@code --space} names.
   *
   * @throws IllegalArgumentException naming the value and the known spaces
   */
  private static SearchSpace<?> space(CommandLine cl) {
    try {
      return SearchSpaces.byName(cl.getOptionValue("space", DEFAULT_SPACE));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--space: " + e.getMessage(), e);
    }
  }

  private void add(Sub sub) {
    subs.put(sub.name(), sub);
  }

  @Override
  public String name() {
    return "space";
  }

  @Override
  public String summary() {
    return "inspect a search space: " + String.join(", ", subs.keySet());
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    while (!rest.isEmpty() && rest.get(0).equals("--" + CommandOptions.VERBOSE)) {
      rest.remove(0); // Main already saw it; each subcommand accepts it too
    }
    if (rest.isEmpty()) {
      throw new IllegalArgumentException("missing subcommand (allowed: "
          + String.join(", ", subs.keySet()) + "); run 'lmnas space --help'");
    }
    String first = rest.remove(0);
    if (first.equals("-h") || first.equals("--help")) {
      printUsage(out);
      return Main.EXIT_OK;
    }
    Sub sub = subs.get(first);
    if (sub == null) {
      throw new IllegalArgumentException("unknown subcommand \"" + first + "\" (allowed: "
          + String.join(", ", subs.keySet()) + ")");
    }
    CommandLine cl = CommandOptions.parse(sub.options(), rest.toArray(String[]::new));
    if (cl.hasOption(CommandOptions.HELP)) {
      CommandOptions.printHelp(out, sub.syntax(), capitalised(sub.summary()) + ".",
          sub.options(), null);
      return Main.EXIT_OK;
    }
    sub.action().run(cl, out);
    return Main.EXIT_OK;
  }

  private void printUsage(PrintStream out) {
    out.println("usage: lmnas space <subcommand> [options]");
    out.println();
    out.println("Inspect the search space --space ID names (default " + DEFAULT_SPACE
        + "; known: " + String.join(", ", SearchSpaces.names()) + ").");
    out.println();
    out.println("subcommands:");
    for (Sub s : subs.values()) {
      out.printf(Locale.ROOT, "  %-10s %s%n", s.name(), s.summary());
    }
    out.println();
    out.println("Architectures use the space's notation; NB201's is the benchmark's string form,"
        + " e.g.");
    out.println("  '|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1"
        + "|skip_connect~2|'");
    out.println("Run 'lmnas space <subcommand> --help' for its options.");
  }

  private static <A> void info(SearchSpace<A> space, CommandLine cl, PrintStream out) {
    noPositional(cl);
    out.println("space: " + space.id());
    out.println("architectures: " + space.size());
    if (space == Nb201Space.INSTANCE) {
      // NB201's cell is its edges and ops; other spaces say what they are by their encoding.
      List<String> edges = new ArrayList<>();
      for (int e = 0; e < Nb201Arch.EDGES; e++) {
        edges.add(Nb201Arch.edgeTo(e) + "<-" + Nb201Arch.edgeFrom(e));
      }
      out.println("edges: " + Nb201Arch.EDGES + " (" + String.join(", ", edges) + ")");
      out.println("ops: " + Nb201Op.values().length + " (" + Nb201Op.allowedIds() + ")");
    }
    List<String> choices = new ArrayList<>();
    for (int i = 0; i < space.encodingLength(); i++) {
      choices.add(Integer.toString(space.encodingChoices(i)));
    }
    out.println("encoding: " + space.encodingLength() + " positions (choices "
        + String.join(", ", choices) + ")");
    space.classCount().ifPresent(n -> out.println("canonical classes: " + n));
    out.println("max distance: " + space.maxDistance());
  }

  private static <A> void sample(SearchSpace<A> space, CommandLine cl, PrintStream out) {
    noPositional(cl);
    int count = cl.hasOption("count")
        ? CommandOptions.intValue("count", cl.getOptionValue("count"), 1) : 1;
    SplittableRandom rng = rng(cl);
    if (cl.hasOption("distinct")) {
      space.sampleDistinct(count, rng).forEach(a -> out.println(space.format(a)));
      return;
    }
    for (int i = 0; i < count; i++) {
      out.println(space.format(space.sample(rng)));
    }
  }

  private static <A> void mutate(SearchSpace<A> space, CommandLine cl, PrintStream out) {
    out.println(space.format(space.mutate(archs(space, cl, 1).get(0), rng(cl))));
  }

  private static <A> void distance(SearchSpace<A> space, CommandLine cl, PrintStream out) {
    List<A> archs = archs(space, cl, 2);
    out.println(space.distance(archs.get(0), archs.get(1)));
  }

  private static <A> void canonical(SearchSpace<A> space, CommandLine cl, PrintStream out) {
    A arch = archs(space, cl, 1).get(0);
    out.println("canonical: " + space.format(space.canonical(arch)));
    out.println("key: " + space.canonicalKey(arch));
  }

  private static <A> void neighbours(SearchSpace<A> space, CommandLine cl, PrintStream out) {
    space.neighbours(archs(space, cl, 1).get(0)).forEach(a -> out.println(space.format(a)));
  }

  private static SplittableRandom rng(CommandLine cl) {
    long seed = cl.hasOption("seed") ? CommandOptions.longValue("seed", cl.getOptionValue("seed"))
        : 0L;
    return new SplittableRandom(seed);
  }

  /**
   * Exactly {@code n} of {@code space}'s architectures from {@code --arch} options and positional
   * arguments.
   */
  private static <A> List<A> archs(SearchSpace<A> space, CommandLine cl, int n) {
    List<String> texts = new ArrayList<>();
    if (cl.hasOption("arch")) {
      texts.addAll(Arrays.asList(cl.getOptionValues("arch")));
    }
    texts.addAll(cl.getArgList());
    if (texts.size() != n) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "expected %d architecture%s (--arch STR or positional), got %d",
          n, n == 1 ? "" : "s", texts.size()));
    }
    List<A> archs = new ArrayList<>(n);
    for (String t : texts) {
      archs.add(space.parse(t));
    }
    return archs;
  }

  private static void noPositional(CommandLine cl) {
    if (!cl.getArgList().isEmpty()) {
      throw new IllegalArgumentException("unexpected argument \"" + cl.getArgList().get(0) + "\"");
    }
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
