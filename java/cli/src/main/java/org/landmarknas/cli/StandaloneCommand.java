package org.landmarknas.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
import org.landmarknas.space.SearchSpace;
import org.landmarknas.standalone.ArchList;
import org.landmarknas.standalone.BenchmarkStats;
import org.landmarknas.standalone.SeedMeans;
import org.landmarknas.standalone.StandaloneProtocol;
import org.landmarknas.standalone.StandaloneResult;
import org.landmarknas.standalone.StandaloneTable;
import org.landmarknas.store.JobFailure;
import org.landmarknas.store.QueueStatus;
import org.landmarknas.store.ResultsStore;
import org.landmarknas.store.StoreLocation;
import org.landmarknas.torch.StandaloneTrainer;
import org.landmarknas.torch.SupernetSpace;
import org.landmarknas.torch.SupernetSpaces;

/**
 * {@code lmnas standalone}: stand-alone training of architectures under the CPU-sized
 * Fashion-MNIST protocol, directly ({@code train}) or through the results store's job queue
 * ({@code enqueue}, {@code worker}, {@code status}, {@code export}). A protocol is named by its
 * options ({@code --space}, {@code --channels}, {@code --epochs}, {@code --train-limit}, {@code
 * --test-limit}, {@code --valid-images}); its space parses, samples and trains the architectures
 * (each subcommand runs typed by it), and results are keyed by (space, architecture class,
 * protocol, seed) and committed one by one. The options and the protocol they name are {@link
 * StandaloneOptions}', the exported table {@link StandaloneTable}'s, the seed means {@link
 * SeedMeans}': this class parses, calls and prints.
 */
final class StandaloneCommand implements Command {
  private static final String SYNTAX = "lmnas standalone"
      + " train|enqueue|worker|status|export|import|stats"
      + " [options]   (see --help)";

  @Override
  public String name() {
    return "standalone";
  }

  @Override
  public String summary() {
    return "train architectures from scratch (directly or via the results store's queue)";
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    Options options = StandaloneOptions.options();
    CommandLine cl = CommandOptions.parse(options, args);
    if (cl.hasOption(CommandOptions.HELP)) {
      CommandOptions.printHelp(out, SYNTAX, "Stand-alone protocol: a cell of --space (default"
          + " NB201), C=16, N=1, SGD lr 0.1 cosine per step, batch 128, on the super-net half of"
          + " Fashion-MNIST; accuracy on 5,000 rank-half images (valid) and the 10k test set.",
          options,
          "train --arch STR | enqueue (--archs FILE | --random N | --landmarks FILE) | worker"
              + " [--workers K] | status | export [--format csv|scores] | import --csv FILE"
              + " | stats [--reference FILE] [--plot DIR]");
      return Main.EXIT_OK;
    }
    if (cl.getArgs().length != 1) {
      throw new IllegalArgumentException("expected one subcommand: train, enqueue, worker,"
          + " status, export, import or stats");
    }
    StandaloneProtocol protocol = StandaloneOptions.protocol(cl);
    long seed = StandaloneOptions.seed(cl);
    StoreLocation store = StoreOption.location(cl);
    switch (cl.getArgs()[0]) {
      case "train":
        return train(cl, SupernetSpaces.byName(protocol.space()), protocol, seed, store, out);
      case "enqueue":
        return enqueue(cl, protocol.searchSpace(), protocol, seed, store, out);
      case "worker":
        return worker(cl, protocol, store, args, out);
      case "status":
        return status(protocol.searchSpace(), protocol, store, out);
      case "export":
        return export(cl, protocol.searchSpace(), protocol, seed, store, out);
      case "import":
        return importCsv(cl, protocol.searchSpace(), protocol, store, out);
      case "stats":
        return stats(cl, protocol.searchSpace(), protocol, store, out);
      default:
        throw new IllegalArgumentException("unknown subcommand \"" + cl.getArgs()[0]
            + "\" (allowed: train, enqueue, worker, status, export, import, stats)");
    }
  }

  /** {@code status}: the protocol's queue, its results by seed, its failed jobs. */
  private static <A> int status(SearchSpace<A> space, StandaloneProtocol protocol,
      StoreLocation store,
      PrintStream out) {
    try (ResultsStore<A> s = StoreOption.openExisting(store, space)) {
      QueueStatus q = s.status(protocol.name());
      List<StandaloneResult<A>> results = s.all(protocol.name());
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
      for (JobFailure<A> f : s.failures(protocol.name())) {
        out.printf(Locale.ROOT, "failed: job %d, %s seed %d, after %d claim(s): %s%n",
            f.id(), space.format(f.arch()), f.seed(), f.attempts(), f.error());
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
  }

  /** {@code stats}: the table's figures ({@link BenchmarkStats}), optionally plotted. */
  private static <A> int stats(CommandLine cl, SearchSpace<A> space, StandaloneProtocol protocol,
      StoreLocation store, PrintStream out) throws IOException {
    try (ResultsStore<A> s = StoreOption.openExisting(store, space)) {
      Optional<StandaloneScores<A>> reference = Optional.ofNullable(
          cl.getOptionValue("reference")).map(f -> GroundTruth.load(space, Path.of(f)).byClass());
      List<StandaloneResult<A>> results = s.all(protocol.name());
      if (results.isEmpty()) {
        throw new IllegalArgumentException(noResults(s, protocol));
      }
      BenchmarkStats stats = BenchmarkStats.of(space, results, reference);
      // The store's file or database name, not its path or host: the output is committed beside
      // the tables (benchmarks/data/*-stats.txt) and must not carry a path of the machine it ran
      // on.
      out.printf(Locale.ROOT, "%s, protocol %s%n", store.shortName(), protocol.name());
      out.print(stats.describe());
      if (cl.hasOption("plot")) {
        for (Path f : BenchmarkPlots.write(space, results, stats, reference, protocol.name(),
            Path.of(cl.getOptionValue("plot")))) {
          out.println("plot: " + f);
        }
      }
    }
    return Main.EXIT_OK;
  }

  /**
   * {@code export}: every result with its cost ({@code csv}), or the ground-truth file of a list
   * of architectures ({@code scores}), which fails naming the first architecture not trained.
   */
  private static <A> int export(CommandLine cl, SearchSpace<A> space, StandaloneProtocol protocol,
      long seed, StoreLocation store, PrintStream out) throws IOException {
    String format = cl.getOptionValue("format", "csv");
    try (ResultsStore<A> s = StoreOption.openExisting(store, space)) {
      switch (format) {
        case "csv" -> new StandaloneTable<>(protocol, space, s.all(protocol.name())).write(out);
        case "scores" -> {
          if (!cl.hasOption("archs")) {
            throw new IllegalArgumentException("export --format scores needs --archs FILE");
          }
          List<Long> seeds = StandaloneOptions.exportSeeds(cl);
          List<A> archs = ArchList.read(Path.of(cl.getOptionValue("archs")), space).archs();
          SeedMeans<A> means = SeedMeans.of(archs, seeds,
              (a, sd) -> s.get(a, protocol.name(), sd));
          if (!means.gaps().isEmpty()) {
            SeedMeans.Gap<A> first = means.gaps().get(0);
            throw new IllegalArgumentException(String.format(Locale.ROOT, "export: %d of the %d"
                    + " architectures of %s lack a result for one or more of seeds %s in %s,"
                    + " nothing written; the first: %s has no result for protocol %s, seed %d",
                means.incomplete(), archs.size(), cl.getOptionValue("archs"), seeds, store,
                space.format(first.arch()), protocol.name(), first.seed()));
          }
          means.write(space, out);
        }
        default -> throw new IllegalArgumentException("--format " + format
            + " is not supported (allowed: csv, scores)");
      }
    }
    return Main.EXIT_OK;
  }

  /**
   * {@code import --csv FILE}: the rows of an {@code export --format csv} table of this protocol
   * into the store (rows already there are kept), so a table committed to the repository restores
   * a lost store and a generation continues from it instead of retraining.
   */
  private static <A> int importCsv(CommandLine cl, SearchSpace<A> space,
      StandaloneProtocol protocol, StoreLocation store, PrintStream out) throws IOException {
    if (!cl.hasOption("csv")) {
      throw new IllegalArgumentException("import needs --csv FILE");
    }
    Path file = Path.of(cl.getOptionValue("csv"));
    List<StandaloneResult<A>> rows = StandaloneTable.read(file, protocol, space).results();
    int added = 0;
    try (ResultsStore<A> s = StoreOption.open(store, space)) {
      for (StandaloneResult<A> r : rows) {
        if (s.put(r)) {
          added++;
        }
      }
    }
    out.printf(Locale.ROOT, "imported %d of %d results from %s into %s (the others were there"
        + " already)%n", added, rows.size(), file, store);
    return Main.EXIT_OK;
  }

  private static <A> int train(CommandLine cl, SupernetSpace<A> space,
      StandaloneProtocol protocol, long seed, StoreLocation store, PrintStream out) {
    if (!cl.hasOption("arch")) {
      throw new IllegalArgumentException("train needs --arch STR");
    }
    A arch = space.space().parse(cl.getOptionValue("arch"));
    // how it computes is checked before the data set is loaded: a typo fails at once
    StandaloneOptions.Execution where = StandaloneOptions.execution(cl);
    StandaloneResult<A> r = new StandaloneTrainer<>(space, data(cl, protocol), where.device(),
        where.layout()).train(arch, protocol, seed, out);
    out.println(r.describe(space.space()));
    if (cl.hasOption("store")) {
      try (ResultsStore<A> s = StoreOption.open(store, space.space())) {
        out.println(s.put(r) ? "stored in " + store : "already in " + store + " (kept the first)");
      }
    }
    return Main.EXIT_OK;
  }

  private static <A> int enqueue(CommandLine cl, SearchSpace<A> space,
      StandaloneProtocol protocol, long seed, StoreLocation store, PrintStream out)
      throws IOException {
    List<String> sources = Stream.of("archs", "landmarks", "random")
        .filter(cl::hasOption).map(o -> "--" + o).toList();
    if (sources.size() > 1) {
      throw new IllegalArgumentException("enqueue takes one of --archs, --landmarks and --random,"
          + " got " + String.join(" and ", sources));
    }
    List<A> archs;
    if (cl.hasOption("archs")) {
      archs = ArchList.read(Path.of(cl.getOptionValue("archs")), space).requireTrainable()
          .archs();
    } else if (cl.hasOption("landmarks")) {
      String file = cl.getOptionValue("landmarks");
      archs = new ArchList<>(file, space, LandmarkSet.fromCsv(space, Path.of(file)).landmarks()
          .stream().map(l -> l.arch()).toList()).requireTrainable().archs();
    } else if (cl.hasOption("random")) {
      int n = CommandOptions.intOption(cl, "random", 0, 1);
      archs = space.sampleDistinct(n, new SplittableRandom(seed));
    } else {
      throw new IllegalArgumentException("enqueue needs --archs FILE, --random N or"
          + " --landmarks FILE");
    }
    try (ResultsStore<A> s = StoreOption.open(store, space)) {
      int added = s.enqueue(archs, protocol.name(), seed);
      out.printf(Locale.ROOT, "enqueued %d of %d architectures for protocol %s, seed %d in %s"
          + " (the others were queued or done already)%n", added, archs.size(), protocol.name(),
          seed, store);
    }
    return Main.EXIT_OK;
  }

  /**
   * What a store holds when it has nothing of {@code protocol}: the protocols it does hold, since
   * the usual cause is a protocol option that differs from the table's.
   */
  private static String noResults(ResultsStore<?> s, StandaloneProtocol protocol) {
    var counts = s.resultCounts();
    StringBuilder sb = new StringBuilder(s.location() + " holds no result of protocol "
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
  private static int worker(CommandLine cl, StandaloneProtocol protocol, StoreLocation store,
      String[] args, PrintStream out) throws Exception {
    int workers = CommandOptions.intOption(cl, "workers", 1, 1);
    if (workers > 1) {
      // A missing data set is installed here once, not by K children at the same moment.
      DataLocation.system().ensurePresent(protocol.dataset(), StandaloneOptions.dataDir(cl));
      return ChildProcesses.runCopies("standalone", args, workers);
    }
    Duration lease = Duration.ofSeconds(CommandOptions.intOption(cl, "lease-seconds", 600, 1));
    StandaloneOptions.Execution where = StandaloneOptions.execution(cl);
    work(SupernetSpaces.byName(protocol.space()), data(cl, protocol), where, protocol, store,
        lease, cl.hasOption("drain"), out);
    return Main.EXIT_OK;
  }

  /** One worker process of {@code space}'s cells: the trainer and the store share its type. */
  private static <A> void work(SupernetSpace<A> space, ImageDataset data,
      StandaloneOptions.Execution where, StandaloneProtocol protocol, StoreLocation store,
      Duration lease, boolean drain, PrintStream out) throws InterruptedException {
    try (ResultsStore<A> s = StoreOption.open(store, space.space())) {
      new StandaloneWorker<>(s, new StandaloneTrainer<>(space, data, where.device(),
          where.layout()), protocol, lease, drain, out).run();
    }
  }

  private static ImageDataset data(CommandLine cl, StandaloneProtocol protocol) {
    return DataLocation.system().load(protocol.dataset(), StandaloneOptions.dataDir(cl));
  }
}
