package org.landmarknas.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Op;
import org.landmarknas.space.Nb201Space;

/**
 * {@code lmnas space <info|sample|mutate|distance|canonical>}: look at the NAS-Bench-201 space
 * from the shell. Architectures are written in the benchmark's string form
 * {@code |op~0|+|op~0|op~1|+|op~0|op~1|op~2|}; quote them in the shell.
 */
final class SpaceCommand implements Command {

  /** One subcommand: its options, usage line and action. */
  private record Sub(String name, String summary, String syntax, Options options, Action action) {}

  @FunctionalInterface
  private interface Action {
    void run(CommandLine cl, PrintStream out);
  }

  private final Supplier<Nb201Space> spaceSupplier;
  private final Map<String, Sub> subs = new LinkedHashMap<>();

  /** Uses {@link Nb201Space#INSTANCE}, looked up only when a subcommand runs. */
  SpaceCommand() {
    this(() -> Nb201Space.INSTANCE);
  }

  SpaceCommand(Supplier<Nb201Space> space) {
    this.spaceSupplier = space;
    add(new Sub("info", "size, edges, ops, canonical classes and maximum distance",
        "lmnas space info", CommandOptions.of(), (cl, out) -> info(cl, out)));
    add(new Sub("sample", "print K architectures drawn uniformly",
        "lmnas space sample [--count K] [--seed S] [--distinct]",
        CommandOptions.of(
            CommandOptions.withArg("count", "K", "number of architectures (default 1)"),
            CommandOptions.flag("distinct", "only connected cells, no two equivalent"),
            CommandOptions.withArg("seed", "S", "random seed (default 0)")),
        (cl, out) -> sample(cl, out)));
    add(new Sub("mutate", "print a mutation of an architecture",
        "lmnas space mutate --arch STR [--seed S]   (or: mutate STR)",
        CommandOptions.of(
            CommandOptions.withArg("arch", "STR", "the parent architecture"),
            CommandOptions.withArg("seed", "S", "random seed (default 0)")),
        (cl, out) -> out.println(space().mutate(oneArch(cl), rng(cl)))));
    add(new Sub("distance", "print the distance between two architectures",
        "lmnas space distance --arch A --arch B   (or: distance A B)",
        CommandOptions.of(
            CommandOptions.withArg("arch", "STR", "an architecture; give it twice")),
        (cl, out) -> {
          List<Nb201Arch> archs = archs(cl, 2);
          out.println(space().distance(archs.get(0), archs.get(1)));
        }));
    add(new Sub("canonical", "print the canonical representative of an architecture and its key",
        "lmnas space canonical --arch STR   (or: canonical STR)",
        CommandOptions.of(CommandOptions.withArg("arch", "STR", "the architecture")),
        (cl, out) -> {
          Nb201Arch arch = oneArch(cl);
          out.println("canonical: " + space().canonical(arch));
          out.println("key: " + space().canonicalKey(arch));
        }));
  }

  private Nb201Space space() {
    return spaceSupplier.get();
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
    return "inspect the NAS-Bench-201 space: " + String.join(", ", subs.keySet());
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
    out.println("Inspect the NAS-Bench-201 search space (" + space().id() + ").");
    out.println();
    out.println("subcommands:");
    for (Sub s : subs.values()) {
      out.printf(Locale.ROOT, "  %-10s %s%n", s.name(), s.summary());
    }
    out.println();
    out.println("Architectures use the benchmark's string form, e.g.");
    out.println("  '|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1"
        + "|skip_connect~2|'");
    out.println("Run 'lmnas space <subcommand> --help' for its options.");
  }

  private void info(CommandLine cl, PrintStream out) {
    noPositional(cl);
    Nb201Space space = space();
    List<String> edges = new ArrayList<>();
    for (int e = 0; e < Nb201Arch.EDGES; e++) {
      edges.add(Nb201Arch.edgeTo(e) + "<-" + Nb201Arch.edgeFrom(e));
    }
    out.println("space: " + space.id());
    out.println("architectures: " + space.size());
    out.println("edges: " + Nb201Arch.EDGES + " (" + String.join(", ", edges) + ")");
    out.println("ops: " + Nb201Op.values().length + " (" + Nb201Op.allowedIds() + ")");
    out.println("canonical classes: " + space.distinctClassCount());
    out.println("max distance: " + space.maxDistance());
  }

  private void sample(CommandLine cl, PrintStream out) {
    noPositional(cl);
    int count = cl.hasOption("count")
        ? CommandOptions.intValue("count", cl.getOptionValue("count"), 1) : 1;
    SplittableRandom rng = rng(cl);
    Nb201Space space = space();
    if (cl.hasOption("distinct")) {
      space.sampleDistinct(count, rng).forEach(out::println);
      return;
    }
    for (int i = 0; i < count; i++) {
      out.println(space.sample(rng));
    }
  }

  private static SplittableRandom rng(CommandLine cl) {
    long seed = cl.hasOption("seed") ? CommandOptions.longValue("seed", cl.getOptionValue("seed"))
        : 0L;
    return new SplittableRandom(seed);
  }

  private static Nb201Arch oneArch(CommandLine cl) {
    return archs(cl, 1).get(0);
  }

  /** Exactly {@code n} architectures from {@code --arch} options and positional arguments. */
  private static List<Nb201Arch> archs(CommandLine cl, int n) {
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
    List<Nb201Arch> archs = new ArrayList<>(n);
    for (String t : texts) {
      archs.add(Nb201Arch.parse(t));
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
