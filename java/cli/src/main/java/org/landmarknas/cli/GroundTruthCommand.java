package org.landmarknas.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.landmarknas.bench.Nb201Table;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;
import org.landmarknas.standalone.StandaloneResult;
import org.landmarknas.store.ResultsStore;
import org.landmarknas.store.StoreLocation;

/**
 * {@code lmnas groundtruth import}: a published NAS-Bench-201 table (index, arch_str,
 * valid_accuracy, test_accuracy) into the results store, under one protocol name, so that runs on
 * CIFAR-10 take landmark and pool scores from it. Bad rows are rejected with their line numbers
 * before anything is written. What a row becomes is {@link StandaloneResult#ofPublished}'s. The
 * command is NB201's by what it reads (the published table's format), so its rows go into the
 * store's NB201 space.
 */
final class GroundTruthCommand implements Command {
  private static final String SYNTAX = "lmnas groundtruth import --table FILE [--store FILE]"
      + " [--protocol NAME]";

  @Override
  public String name() {
    return "groundtruth";
  }

  @Override
  public String summary() {
    return "import a published NB201 table into the results store";
  }

  private static Options options() {
    return CommandOptions.of(
        CommandOptions.withArg("table", "FILE", "NB201 table CSV"),
        CommandOptions.withArg("store", "STORE", "results store, " + StoreOption.HELP
            + " (default runs/results.db)"),
        CommandOptions.withArg("protocol", "NAME",
            "protocol name of the imported rows (default nb201-cifar10-200ep)"));
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    Options options = options();
    CommandLine cl = CommandOptions.parse(options, args);
    if (cl.hasOption(CommandOptions.HELP)) {
      CommandOptions.printHelp(out, SYNTAX, "Import the table's valid and test accuracies"
          + " (percent) with analytic parameter counts of the CIFAR-10 C=16, N=5 network.",
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
    Nb201Table table = Nb201Table.load(Path.of(cl.getOptionValue("table")));
    String protocol = cl.getOptionValue("protocol", "nb201-cifar10-200ep");
    StoreLocation store = StoreOption.location(cl);
    int added = 0;
    long start = System.nanoTime();
    try (ResultsStore<Nb201Arch> s = StoreOption.open(store, Nb201Space.INSTANCE)) {
      for (Nb201Table.Row row : table.rows()) {
        if (s.put(StandaloneResult.ofPublished(row, protocol))) {
          added++;
        }
      }
    }
    out.printf(Locale.ROOT, "imported %d of %d rows of %s as protocol %s into %s in %.1f s"
            + " (rows already stored are kept as they were)%n", added,
        table.size(), cl.getOptionValue("table"), protocol, store,
        (System.nanoTime() - start) / 1e9);
    return Main.EXIT_OK;
  }
}
