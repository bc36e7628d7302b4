package org.landmarknas.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.landmarknas.bench.GroundTruth;
import org.landmarknas.bench.StandaloneScores;
import org.landmarknas.data.DataLocation;
import org.landmarknas.data.ImageDataset;
import org.landmarknas.landmark.LandmarkSet;
import org.landmarknas.report.BenchmarkPlots;
import org.landmarknas.run.ProgressLine;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;
import org.landmarknas.standalone.BenchmarkStats;
import org.landmarknas.standalone.Nb201Cost;
import org.landmarknas.standalone.StandaloneProtocol;
import org.landmarknas.standalone.StandaloneResult;
import org.landmarknas.store.JobFailure;
import org.landmarknas.store.QueueStatus;
import org.landmarknas.store.ResultsStore;
import org.landmarknas.torch.StandaloneTrainer;

/**
 * {@code lmnas standalone}: stand-alone training of architectures under the CPU-sized
 * Fashion-MNIST protocol, directly ({@code train}) or through the results store's job queue
 * ({@code enqueue}, {@code worker}, {@code status}, {@code export}). A protocol is named by its
 * options ({@code --channels}, {@code --epochs}, {@code --train-limit}, {@code --test-limit},
 * {@code --valid-images}); results are keyed by (architecture class, protocol, seed) and
 * committed one by one.
 */
final class StandaloneCommand implements Command {
  private static final String SYNTAX = "lmnas standalone"
      + " train|enqueue|worker|status|export|import|stats"
      + " [options]   (see --help)";
  static final Path DEFAULT_STORE = Path.of("runs", "results.db");
  /** The header of {@code export --format csv}, which {@code import} reads back. */
  static final String CSV_HEADER = "arch,protocol,seed,valid_accuracy,valid_loss,test_accuracy,"
      + "test_loss,parameters,macs,wall_seconds";
  // Fashion-MNIST: the super-net half of the 60,000 training images, and the test set. A limit
  // at or past these changes nothing but the protocol's name, so it is refused.
  private static final int SUPERNET_HALF_IMAGES = 30_000;
  private static final int TEST_IMAGES = 10_000;

  @Override
  public String name() {
    return "standalone";
  }

  @Override
  public String summary() {
    return "train architectures from scratch (directly or via the results store's queue)";
  }

  private static Options options() {
    return CommandOptions.of(
        CommandOptions.withArg("arch", "STR", "train: the NB201 architecture"),
        CommandOptions.withArg("archs", "FILE", "enqueue: file with one architecture per line"),
        CommandOptions.withArg("random", "N", "enqueue: N random non-equivalent architectures"),
        CommandOptions.withArg("landmarks", "FILE", "enqueue: the architectures of an arch,score"
            + " CSV (e.g. a run's landmarks.csv)"),
        CommandOptions.withArg("channels", "C", "protocol: cell channels C (default 16)"),
        CommandOptions.withArg("epochs", "N", "protocol: training epochs (default 4)"),
        CommandOptions.withArg("threads", "T", "intra-op threads per trainer (default 2)"),
        CommandOptions.withArg("train-limit", "N", "protocol: training images (default 0 = all"
            + " 30,000 of the super-net half)"),
        CommandOptions.withArg("test-limit", "N", "protocol: score only the first N test images"
            + " (default 0 = all 10,000; a quick protocol, named -tN)"),
        CommandOptions.withArg("valid-images", "N", "protocol: validation images of the rank half"
            + " (default 5,000; named -vN)"),
        CommandOptions.withArg("seed", "S", "training seed (default 0); with --random also the"
            + " sampling seed"),
        CommandOptions.withArg("store", "FILE", "results store (default runs/results.db; train"
            + " stores its result only when --store is given)"),
        CommandOptions.withArg("workers", "K", "worker: processes to run (default 1)"),
        CommandOptions.withArg("lease-seconds", "L", "worker: job lease (default 600)"),
        CommandOptions.withArg("format", "csv|scores", "export: csv = every result with all"
            + " columns; scores = arch,score (test accuracy of --seed, percent) of the --archs"
            + " list in its order, the ground-truth format of evaluate.pool and landmarks files"),
        CommandOptions.withArg("seeds", "S,S,...", "export --format scores: score = the mean"
            + " test accuracy over these seeds (instead of --seed)"),
        CommandOptions.withArg("csv", "FILE", "import: a table written by export --format csv"),
        CommandOptions.withArg("reference", "FILE", "stats: scores to compare with (arch,score"
            + " CSV or the NB201 table)"),
        CommandOptions.withArg("plot", "DIR", "stats: also write PNG plots there (seed vs seed"
            + " of the noise-ceiling cells; against --reference)"),
        CommandOptions.withArg("data-dir", "DIR", "Fashion-MNIST directory"));
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    Options options = options();
    CommandLine cl = CommandOptions.parse(options, args);
    if (cl.hasOption(CommandOptions.HELP)) {
      CommandOptions.printHelp(out, SYNTAX, "Stand-alone protocol: NB201 cell, C=16, N=1, SGD lr"
          + " 0.1 cosine per step, batch 128, on the super-net half of Fashion-MNIST; accuracy on"
          + " 5,000 rank-half images (valid) and the 10k test set.", options,
          "train --arch STR | enqueue (--archs FILE | --random N | --landmarks FILE) | worker"
              + " [--workers K] | status | export [--format csv|scores] | import --csv FILE"
              + " | stats [--reference FILE] [--plot DIR]");
      return Main.EXIT_OK;
    }
    if (cl.getArgs().length != 1) {
      throw new IllegalArgumentException("expected one subcommand: train, enqueue, worker,"
          + " status, export, import or stats");
    }
    StandaloneProtocol protocol = protocol(cl);
    long seed = cl.hasOption("seed")
        ? CommandOptions.longValue("seed", cl.getOptionValue("seed")) : 0;
    Path store = Path.of(cl.getOptionValue("store", DEFAULT_STORE.toString()));
    switch (cl.getArgs()[0]) {
      case "train":
        return train(cl, protocol, seed, store, out);
      case "enqueue":
        return enqueue(cl, protocol, seed, store, out);
      case "worker":
        return worker(cl, protocol, store, args, out);
      case "status":
        try (ResultsStore s = openExistingStore(store)) {
          QueueStatus q = s.status(protocol.name());
          List<StandaloneResult> results = s.all(protocol.name());
          out.printf(Locale.ROOT, "%s, protocol %s: %d queued, %d running, %d done, %d failed,"
                  + " %d with an expired lease, %d results%n", store, protocol.name(),
              q.queued(), q.running(), q.done(), q.failed(), q.expired(), results.size());
          if (!results.isEmpty()) {
            SortedMap<Long, Integer> bySeed = new TreeMap<>();
            results.forEach(r -> bySeed.merge(r.seed(), 1, Integer::sum));
            StringBuilder line = new StringBuilder("results by seed:");
            bySeed.forEach((sd, n) -> line.append(' ').append(sd).append(": ").append(n)
                .append(','));
            line.setLength(line.length() - 1);
            out.println(line);
          }
          for (JobFailure f : s.failures(protocol.name())) {
            out.printf(Locale.ROOT, "failed: job %d, %s seed %d, after %d claim(s): %s%n",
                f.id(), f.arch(), f.seed(), f.attempts(), f.error());
          }
          if (q.failed() > 0) {
            out.println("(enqueue them again to retry: lmnas standalone enqueue with the same"
                + " list and seed)");
          }
          if (q.pending() > 0 && !results.isEmpty()) {
            double perResult = results.stream().mapToDouble(StandaloneResult::wallSeconds)
                .average().orElseThrow();
            out.printf(Locale.ROOT, "pending: about %s of one worker's time (%.1f s per result"
                + " so far)%n", ProgressLine.clock(q.etaSeconds(perResult, 1)), perResult);
          }
        }
        return Main.EXIT_OK;
      case "export":
        return export(cl, protocol, seed, store, out);
      case "import":
        return importCsv(cl, protocol, store, out);
      case "stats":
        try (ResultsStore s = openExistingStore(store)) {
          Optional<StandaloneScores> reference = Optional.ofNullable(
              cl.getOptionValue("reference")).map(f -> GroundTruth.load(Path.of(f)).byClass());
          List<StandaloneResult> results = s.all(protocol.name());
          if (results.isEmpty()) {
            throw new IllegalArgumentException(noResults(s, protocol));
          }
          BenchmarkStats stats = BenchmarkStats.of(results, reference);
          // The store's file name, not its path: the output is committed beside the tables
          // (benchmarks/data/*-stats.txt) and must not carry a path of the machine it ran on.
          out.printf(Locale.ROOT, "%s, protocol %s%n", store.getFileName(), protocol.name());
          out.print(stats.describe());
          if (cl.hasOption("plot")) {
            for (Path f : BenchmarkPlots.write(results, stats, reference, protocol.name(),
                Path.of(cl.getOptionValue("plot")))) {
              out.println("plot: " + f);
            }
          }
        }
        return Main.EXIT_OK;
      default:
        throw new IllegalArgumentException("unknown subcommand \"" + cl.getArgs()[0]
            + "\" (allowed: train, enqueue, worker, status, export, import, stats)");
    }
  }

  /**
   * {@code export}: every result with its cost ({@code csv}), or the ground-truth file of a list
   * of architectures ({@code scores}), which fails naming the first architecture not trained.
   */
  private static int export(CommandLine cl, StandaloneProtocol protocol, long seed, Path store,
      PrintStream out) throws IOException {
    String format = cl.getOptionValue("format", "csv");
    try (ResultsStore s = openExistingStore(store)) {
      switch (format) {
        case "csv" -> {
          out.println(CSV_HEADER);
          for (StandaloneResult r : s.all(protocol.name())) {
            // Fashion-MNIST: 1x28x28 images, 10 classes
            Nb201Cost cost = Nb201Cost.of(r.arch(), 1, 28, 28, 10, protocol.channels(),
                protocol.cells());
            out.printf(Locale.ROOT, "%s,%s,%d,%.4f,%.5f,%.4f,%.5f,%d,%d,%.1f%n", r.arch(),
                r.protocol(), r.seed(), 100 * r.validAccuracy(), r.validLoss(),
                100 * r.testAccuracy(), r.testLoss(), r.parameters(), cost.macs(),
                r.wallSeconds());
          }
        }
        case "scores" -> {
          if (!cl.hasOption("archs")) {
            throw new IllegalArgumentException("export --format scores needs --archs FILE");
          }
          List<Long> seeds = exportSeeds(cl, seed);
          List<Nb201Arch> archs = readArchs(Path.of(cl.getOptionValue("archs")));
          // Every score first, then the file: a ground-truth file redirected from a half-trained
          // table must not be left half written, looking complete to the next reader.
          List<String> rows = new ArrayList<>();
          Set<Nb201Arch> incomplete = new LinkedHashSet<>();
          String firstGap = null;
          for (Nb201Arch a : archs) {
            double sum = 0;
            for (long sd : seeds) {
              Optional<StandaloneResult> r = s.get(a, protocol.name(), sd);
              if (r.isPresent()) {
                sum += r.get().testAccuracy();
              } else if (incomplete.add(a) && firstGap == null) {
                firstGap = a + " has no result for protocol " + protocol.name() + ", seed " + sd;
              }
            }
            rows.add(String.format(Locale.ROOT, "%s,%.4f", a, 100 * sum / seeds.size()));
          }
          if (!incomplete.isEmpty()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "export: %d of the %d"
                    + " architectures of %s lack a result for one or more of seeds %s in %s,"
                    + " nothing written; the first: %s", incomplete.size(), archs.size(),
                cl.getOptionValue("archs"), seeds, store, firstGap));
          }
          out.println(GroundTruth.CSV_HEADER);
          rows.forEach(out::println);
        }
        default -> throw new IllegalArgumentException("--format " + format
            + " is not supported (allowed: csv, scores)");
      }
    }
    return Main.EXIT_OK;
  }

  /** The seeds whose mean is the exported score: {@code --seeds}, else {@code --seed}. */
  private static List<Long> exportSeeds(CommandLine cl, long seed) {
    if (!cl.hasOption("seeds")) {
      return List.of(seed);
    }
    if (cl.hasOption("seed")) {
      throw new IllegalArgumentException("give --seed or --seeds, not both");
    }
    List<Long> seeds = new ArrayList<>();
    for (String part : cl.getOptionValue("seeds").split(",", -1)) {
      long sd = CommandOptions.longValue("seeds", part.strip());
      if (seeds.contains(sd)) {
        throw new IllegalArgumentException("--seeds " + cl.getOptionValue("seeds")
            + ": seed " + sd + " is given twice");
      }
      seeds.add(sd);
    }
    return seeds;
  }

  /**
   * {@code import --csv FILE}: the rows of an {@code export --format csv} table of this protocol
   * into the store (rows already there are kept), so a table committed to the repository restores
   * a lost store and a generation continues from it instead of retraining.
   */
  private static int importCsv(CommandLine cl, StandaloneProtocol protocol, Path store,
      PrintStream out) throws IOException {
    if (!cl.hasOption("csv")) {
      throw new IllegalArgumentException("import needs --csv FILE");
    }
    Path file = Path.of(cl.getOptionValue("csv"));
    List<String> lines = Files.readAllLines(file);
    if (lines.isEmpty() || !lines.get(0).strip().equals(CSV_HEADER)) {
      throw new IllegalArgumentException(file + ":1: expected the header " + CSV_HEADER
          + ", found " + (lines.isEmpty() ? "an empty file" : "\"" + lines.get(0).strip() + "\""));
    }
    String[] columns = CSV_HEADER.split(",");
    List<StandaloneResult> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split(",", -1);
      try {
        if (f.length != 10) {
          throw new IllegalArgumentException("expected 10 fields, got " + f.length);
        }
        if (!f[1].equals(protocol.name())) {
          throw new IllegalArgumentException("protocol " + f[1] + " is not " + protocol.name()
              + " (pass the options that name the table's protocol: --channels, --epochs,"
              + " --train-limit, --test-limit, --valid-images)");
        }
        rows.add(new StandaloneResult(Nb201Arch.parse(f[0]), f[1], longField(f, 2, columns),
            fraction(doubleField(f, 3, columns)), doubleField(f, 4, columns),
            fraction(doubleField(f, 5, columns)), doubleField(f, 6, columns),
            longField(f, 7, columns), doubleField(f, 9, columns)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    int added = 0;
    try (ResultsStore s = openStore(store)) {
      for (StandaloneResult r : rows) {
        if (s.put(r)) {
          added++;
        }
      }
    }
    out.printf(Locale.ROOT, "imported %d of %d results from %s into %s (the others were there"
        + " already)%n", added, rows.size(), file, store);
    return Main.EXIT_OK;
  }

  /**
   * An accuracy of the table (percent, 4 decimals as export writes it) as the fraction training
   * stores: the double nearest to it, as {@code correct / images} is. {@code 84.11 / 100} is one
   * unit in the last place off for a fifth of the values, so an imported result and a trained one
   * of the same accuracy would not tie, and tau-b over a table continued on a new machine would
   * break ties by rounding noise.
   */
  static double fraction(double percent) {
    return Math.round(percent * 10_000) / 1_000_000.0;
  }

  private static long longField(String[] fields, int i, String[] columns) {
    try {
      return Long.parseLong(fields[i].strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(columns[i] + " \"" + fields[i] + "\" is not an integer",
          e);
    }
  }

  private static double doubleField(String[] fields, int i, String[] columns) {
    try {
      return Double.parseDouble(fields[i].strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(columns[i] + " \"" + fields[i] + "\" is not a number",
          e);
    }
  }

  private static List<Nb201Arch> readArchs(Path file) throws IOException {
    List<Nb201Arch> archs = new ArrayList<>();
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      try {
        archs.add(Nb201Arch.parse(line));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return archs;
  }

  private static int train(CommandLine cl, StandaloneProtocol protocol, long seed, Path store,
      PrintStream out) throws IOException {
    if (!cl.hasOption("arch")) {
      throw new IllegalArgumentException("train needs --arch STR");
    }
    Nb201Arch arch = Nb201Arch.parse(cl.getOptionValue("arch"));
    StandaloneResult r = new StandaloneTrainer(data(cl, protocol)).train(arch, protocol, seed,
        out);
    out.println(r);
    if (cl.hasOption("store")) {
      try (ResultsStore s = openStore(store)) {
        out.println(s.put(r) ? "stored in " + store : "already in " + store + " (kept the first)");
      }
    }
    return Main.EXIT_OK;
  }

  private static int enqueue(CommandLine cl, StandaloneProtocol protocol, long seed, Path store,
      PrintStream out) throws IOException {
    List<String> sources = Stream.of("archs", "landmarks", "random")
        .filter(cl::hasOption).map(o -> "--" + o).toList();
    if (sources.size() > 1) {
      throw new IllegalArgumentException("enqueue takes one of --archs, --landmarks and --random,"
          + " got " + String.join(" and ", sources));
    }
    List<Nb201Arch> archs = new ArrayList<>();
    if (cl.hasOption("archs")) {
      Path file = Path.of(cl.getOptionValue("archs"));
      List<Nb201Arch> listed = readArchs(file);
      for (Nb201Arch a : listed) {
        requireTrainable(a, file.toString());
      }
      archs.addAll(listed);
    } else if (cl.hasOption("landmarks")) {
      String file = cl.getOptionValue("landmarks");
      LandmarkSet.fromCsv(Path.of(file)).landmarks().forEach(l -> {
        requireTrainable(l.arch(), file);
        archs.add(l.arch());
      });
    } else if (cl.hasOption("random")) {
      int n = CommandOptions.intOption(cl, "random", 0, 1);
      archs.addAll(Nb201Space.INSTANCE.sampleDistinct(n, new SplittableRandom(seed)));
    } else {
      throw new IllegalArgumentException("enqueue needs --archs FILE, --random N or"
          + " --landmarks FILE");
    }
    try (ResultsStore s = openStore(store)) {
      int added = s.enqueue(archs, protocol.name(), seed);
      out.printf(Locale.ROOT, "enqueued %d of %d architectures for protocol %s, seed %d in %s"
          + " (the others were queued or done already)%n", added, archs.size(), protocol.name(),
          seed, store);
    }
    return Main.EXIT_OK;
  }

  /**
   * Refuses a cell with no path from input to output: its network outputs a constant (10 %
   * accuracy by construction), and every worker claiming it would fail.
   */
  private static void requireTrainable(Nb201Arch a, String file) {
    if (!a.isConnected()) {
      throw new IllegalArgumentException(file + ": " + a + " has no path from input to output"
          + " (its network computes a constant); remove it from the list");
    }
  }

  /**
   * What a store holds when it has nothing of {@code protocol}: the protocols it does hold, since
   * the usual cause is a protocol option that differs from the table's.
   */
  private static String noResults(ResultsStore s, StandaloneProtocol protocol) {
    var counts = s.resultCounts();
    StringBuilder sb = new StringBuilder(s.file() + " holds no result of protocol "
        + protocol.name());
    if (counts.isEmpty()) {
      sb.append(" and none of any other (is it the right file?)");
    } else {
      sb.append("; it holds");
      counts.forEach((name, n) -> sb.append(' ').append(name).append(" (").append(n)
          .append(" results)"));
      sb.append(" (the protocol is named by --channels, --epochs, --train-limit, --test-limit,"
          + " --valid-images)");
    }
    return sb.toString();
  }

  /**
   * Claims jobs of its protocol until none is left. With {@code --workers K > 1} it starts K worker
   * processes of itself (separate JVMs: a killed one loses only its current job, which another
   * redoes when the lease expires).
   */
  private static int worker(CommandLine cl, StandaloneProtocol protocol, Path store,
      String[] args, PrintStream out) throws Exception {
    int workers = CommandOptions.intOption(cl, "workers", 1, 1);
    if (workers > 1) {
      // A missing data set is installed here once, not by K children at the same moment.
      DataLocation.system().ensurePresent(protocol.dataset(), dataDir(cl));
      return ChildProcesses.runCopies("standalone", args, workers);
    }
    Duration lease = Duration.ofSeconds(CommandOptions.intOption(cl, "lease-seconds", 600, 1));
    try (ResultsStore s = openStore(store)) {
      new StandaloneWorker(s, new StandaloneTrainer(data(cl, protocol)), protocol, lease, out)
          .run();
    }
    return Main.EXIT_OK;
  }

  /** Opens a store that must exist: reading a mistyped path would create an empty one. */
  private static ResultsStore openExistingStore(Path store) {
    if (!Files.isRegularFile(store)) {
      throw new IllegalArgumentException("results store " + store + " does not exist (--store"
          + " FILE names the store that enqueue, worker and train --store write)");
    }
    return openStore(store);
  }

  /** Opens the store, creating it and its directory when absent. */
  private static ResultsStore openStore(Path store) {
    return ResultsStore.open(store);
  }

  private static ImageDataset data(CommandLine cl, StandaloneProtocol protocol) {
    return DataLocation.system().load(protocol.dataset(), dataDir(cl));
  }

  private static Optional<Path> dataDir(CommandLine cl) {
    return Optional.ofNullable(cl.getOptionValue("data-dir")).map(Path::of);
  }

  private static StandaloneProtocol protocol(CommandLine cl) {
    StandaloneProtocol base = StandaloneProtocol.fashionMnist(
        CommandOptions.intOption(cl, "channels", 16, 1),
        CommandOptions.intOption(cl, "epochs", 4, 1))
        .withThreads(CommandOptions.intOption(cl, "threads", 2, 1));
    // Only a value that changes training changes the name: one protocol, one name, one queue.
    int trainLimit = limit(cl, "train-limit", SUPERNET_HALF_IMAGES, "training images of the"
        + " super-net half");
    StandaloneProtocol p = trainLimit == 0 ? base : base.withTrainLimit(trainLimit);
    int testLimit = limit(cl, "test-limit", TEST_IMAGES, "test images");
    p = testLimit == 0 ? p : p.withTestLimit(testLimit);
    int valid = CommandOptions.intOption(cl, "valid-images", base.validImages(), 1);
    if (valid > SUPERNET_HALF_IMAGES) {
      throw new IllegalArgumentException("--valid-images " + valid + " is more than the "
          + SUPERNET_HALF_IMAGES + " images of the rank half");
    }
    return valid == base.validImages() ? p : p.withValidImages(valid);
  }

  /** A {@code --train-limit}/{@code --test-limit}: 0 (all) or fewer than {@code all} images. */
  private static int limit(CommandLine cl, String option, int all, String what) {
    int limit = CommandOptions.intOption(cl, option, 0, 0);
    if (limit >= all) {
      throw new IllegalArgumentException("--" + option + " " + limit + " is not below the " + all
          + " " + what + ": give 0 for all of them (a limit that cuts nothing would only"
          + " rename the protocol)");
    }
    return limit;
  }
}
