package org.landmarknas.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.landmarknas.bench.NasLibSample;
import org.landmarknas.bench.Nb201Table;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;
import org.landmarknas.standalone.StandaloneResult;
import org.landmarknas.store.ResultsStore;
import org.landmarknas.store.StoreLocation;

/**
 * {@code lmnas groundtruth import}: a published table into the results store, under one protocol
 * name, so that runs take landmark and pool scores from it. Two formats: NAS-Bench-201's table
 * (CSV: index, arch_str, valid_accuracy, test_accuracy; the default, {@code --space nb201}) and
 * NASLib's samples of NAS-Bench-101 and NAS-Bench-301 (JSON, {@code --space nb101} or {@code
 * darts}), which publish a validation accuracy alone. Bad rows are rejected, naming the line or
 * key, before anything is written. What a row becomes is {@link StandaloneResult#ofPublished}'s
 * or {@link StandaloneResult#ofSample}'s.
 */
final class GroundTruthCommand implements Command {
  private static final String SYNTAX = "lmnas groundtruth import --table FILE [--space ID]"
      + " [--store FILE] [--protocol NAME]";

  /** The default protocol name of each space's published table. */
  private static final Map<String, String> PROTOCOLS = Map.of(
      "nb201", "nb201-cifar10-200ep",
      "nb101", "nb101-cifar10-108ep",
      "darts", "nb301-cifar10-naslib");

  @Override
  public String name() {
    return "groundtruth";
  }

  @Override
  public String summary() {
    return "import a published table (NB201, NASLib's NB101 and NB301 samples) into the store";
  }

  private static Options options() {
    return CommandOptions.of(
        CommandOptions.withArg("table", "FILE", "NB201 table CSV, or with --space nb101 / darts"
            + " NASLib's sample JSON (zc_nasbench101.json, zc_nasbench301.json)"),
        CommandOptions.withArg("space", "ID", "the table's space: nb201 (default), nb101, darts"),
        CommandOptions.withArg("store", "STORE", "results store, " + StoreOption.HELP
            + " (default runs/results.db)"),
        CommandOptions.withArg("protocol", "NAME", "protocol name of the imported rows (default"
            + " nb201-cifar10-200ep, nb101-cifar10-108ep, nb301-cifar10-naslib)"));
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    Options options = options();
    CommandLine cl = CommandOptions.parse(options, args);
    if (cl.hasOption(CommandOptions.HELP)) {
      CommandOptions.printHelp(out, SYNTAX, "Import a published table's accuracies (percent)"
          + " with analytic parameter counts of its CIFAR-10 network: NB201's C=16, N=5,"
          + " NB101's stem 128 with 3 stacks of 3 cells, NB301's C=32 with 8 cells.",
          options, "");
      return Main.EXIT_OK;
    }
    if (cl.getArgs().length != 1 || !cl.getArgs()[0].equals("import")) {
      throw new IllegalArgumentException("expected the subcommand \"import\" (usage: " + SYNTAX
          + ")");
    }
    if (!cl.hasOption("table")) {
      throw new IllegalArgumentException("--table FILE is required");
    }
    String space = cl.getOptionValue("space", "nb201");
    if (!PROTOCOLS.containsKey(space)) {
      throw new IllegalArgumentException("--space " + space + ": expected nb201, nb101 or darts"
          + " (the spaces with a published table)");
    }
    Path file = Path.of(cl.getOptionValue("table"));
    String protocol = cl.getOptionValue("protocol", PROTOCOLS.get(space));
    StoreLocation store = StoreOption.location(cl);
    long start = System.nanoTime();
    Imported n = switch (space) {
      case "nb101" -> importSample(NasLibSample.nb101(file), store, protocol);
      case "darts" -> importSample(NasLibSample.nb301(file), store, protocol);
      default -> importNb201(nb201Table(file), store, protocol);
    };
    out.printf(Locale.ROOT, "imported %d of %d rows of %s as protocol %s into %s in %.1f s"
            + " (rows already stored are kept as they were)%n", n.added(), n.rows(), file,
        protocol, store, (System.nanoTime() - start) / 1e9);
    return Main.EXIT_OK;
  }

  /** How many rows a table had and how many of them were new to the store. */
  private record Imported(int added, int rows) {}

  private static Nb201Table nb201Table(Path file) {
    try {
      return Nb201Table.load(file);
    } catch (IllegalArgumentException e) {
      if (file.toString().endsWith(".json")) {
        throw new IllegalArgumentException(e.getMessage() + " (a NASLib sample is JSON: give"
            + " --space nb101 or --space darts)", e);
      }
      throw e;
    }
  }

  private static Imported importNb201(Nb201Table table, StoreLocation store, String protocol) {
    int added = 0;
    try (ResultsStore<Nb201Arch> s = StoreOption.open(store, Nb201Space.INSTANCE)) {
      for (Nb201Table.Row row : table.rows()) {
        added += s.put(StandaloneResult.ofPublished(row, protocol)) ? 1 : 0;
      }
    }
    return new Imported(added, table.size());
  }

  private static <A> Imported importSample(NasLibSample<A> sample, StoreLocation store,
      String protocol) {
    int added = 0;
    try (ResultsStore<A> s = StoreOption.open(store, sample.space())) {
      for (int i = 0; i < sample.size(); i++) {
        added += s.put(StandaloneResult.ofSample(sample, i, protocol)) ? 1 : 0;
      }
    }
    return new Imported(added, sample.size());
  }
}
