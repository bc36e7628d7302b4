package org.landmarknas.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.landmarknas.config.RunConfig;
import org.landmarknas.config.RunConfigLoader;
import org.landmarknas.run.RunDirectory;
import org.landmarknas.run.SearchRunner;
import org.landmarknas.store.StoreLocation;
import org.landmarknas.torch.RankGroup;
import org.landmarknas.torch.Rendezvous;
import org.landmarknas.torch.SearchOutcome;
import org.landmarknas.torch.SupernetSearch;
import org.landmarknas.torch.TorchDevice;

/**
 * {@code lmnas search}: trains a super-net as a run configuration says and scores sampled
 * architectures. The config is loaded and validated completely before anything is created on
 * disk; then the run directory gets {@code config.yaml} and the search starts.
 */
final class SearchCommand implements Command {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);
  private static final String SYNTAX = "lmnas search [--config FILE] [--set key=value]..."
      + " [--run-dir DIR] [--data-dir DIR] [--store STORE] [--verbose]\n       lmnas search"
      + " --resume RUN_DIR [--store STORE]"
      + "\n       (data-parallel: add --ranks N, or --rank R --world W --rendezvous HOST:PORT)";
  /** How long a rank waits for the others at a collective (rank 0 scores alone meanwhile). */
  private static final Duration RANK_TIMEOUT = Duration.ofMinutes(60);

  private final Clock clock;
  private final Path runsRoot;
  /** The search, given the store that trains new landmarks when the config queues them. */
  private final Function<Optional<StoreLocation>, SearchRunner> search;

  /** The real command: libtorch search, run directories under {@code ./runs}. */
  SearchCommand() {
    this(Clock.systemDefaultZone(), Path.of("runs"), store -> (config, dir, progress, resume)
        -> (store.isEmpty() ? SupernetSearch.run(config, dir, progress, resume)
            : SupernetSearch.run(config, dir, progress, resume, StoreLandmarkScores.opener(
                store.get(), config.landmarks().queueProtocol()))).summary());
  }

  SearchCommand(Clock clock, Path runsRoot, SearchRunner search) {
    this(clock, runsRoot, store -> search);
  }

  SearchCommand(Clock clock, Path runsRoot,
      Function<Optional<StoreLocation>, SearchRunner> search) {
    this.clock = clock;
    this.runsRoot = runsRoot;
    this.search = search;
  }

  @Override
  public String name() {
    return "search";
  }

  @Override
  public String summary() {
    return "train a weight-sharing super-net and score sampled architectures";
  }

  private static Options options() {
    Options options = CommandOptions.of(
        CommandOptions.withArg("config", "FILE",
            "YAML run configuration (default: built-in defaults, see configs/defaults.yaml)"),
        Option.builder().longOpt("set").hasArg().argName("key=value")
            .desc("override one config key, dotted (train.epochs=3); repeatable").build(),
        CommandOptions.withArg("run-dir", "DIR",
            "run directory to create (default: runs/<name>-<yyyyMMdd-HHmmss>)"),
        CommandOptions.withArg("data-dir", "DIR",
            "data set directory (same as --set data.dir=DIR)"),
        CommandOptions.withArg("resume", "RUN_DIR", "continue an interrupted run from its newest"
            + " intact checkpoint, with the config.yaml it was started with (data-parallel:"
            + " with the same number of ranks)"),
        CommandOptions.withArg("store", "STORE", "with landmarks.queue: the results store whose"
            + " job queue trains new landmarks, " + StoreOption.HELP + " (default "
            + StoreOption.DEFAULT + "; give the same one to --resume and to the workers)"));
    RankOptions.options().forEach(options::addOption);
    return options;
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    Options options = options();
    CommandLine cl = CommandOptions.parse(options, args);
    if (cl.hasOption(CommandOptions.HELP)) {
      CommandOptions.printHelp(out, SYNTAX,
          "Train a super-net with single-path one-shot sampling, then score sampled"
              + " architectures on the test set. Keys and defaults: configs/defaults.yaml.",
          options, "Results: <run-dir>/config.yaml, metrics.jsonl, result.json.");
      return Main.EXIT_OK;
    }
    if (cl.getArgs().length > 0) {
      throw new IllegalArgumentException("unexpected argument \"" + cl.getArgs()[0]
          + "\" (config keys are set with --set key=value)");
    }
    RankOptions ranks = RankOptions.of(cl);
    if (cl.hasOption("resume")) {
      return resume(cl, args, ranks, out);
    }
    List<String> overrides = CommandOptions.configOverrides(cl);
    RunConfig config = cl.hasOption("config")
        ? RunConfigLoader.load(Path.of(cl.getOptionValue("config")), overrides)
        : RunConfigLoader.fromDefaults(overrides);
    ranks.requireDivisible(config.train().batchSize());
    // A GPU asked for where libtorch sees none fails now, before a directory or a rank exists.
    TorchDevice.of(config.train().device(), 0);
    Optional<StoreLocation> store = landmarkStore(cl, config, ranks);

    Path path = cl.hasOption("run-dir")
        ? Path.of(cl.getOptionValue("run-dir")) : defaultRunDir(config.name());
    if (ranks.ranks() > 0) { // every rank must get the same directory: name it once, here
      List<String> rankArgs = RankOptions.withoutRanks(args);
      if (!cl.hasOption("run-dir")) {
        rankArgs.addAll(List.of("--run-dir", path.toString()));
      }
      out.println("run directory: " + path + " (" + ranks.ranks() + " ranks)");
      return RankProcesses.run(rankArgs, ranks.ranks());
    }
    if (ranks.rendezvous().isPresent()) {
      return runRank(config, path, false, ranks.rendezvous().get(), store, out);
    }
    RunDirectory dir = RunDirectory.create(path);
    dir.writeConfig(RunConfigLoader.toYaml(config));
    out.println("run directory: " + dir.path());
    String summary;
    try {
      summary = search.apply(store).run(config, dir, out, false);
    } catch (IllegalArgumentException e) {
      discardIfEmpty(dir);
      throw e;
    }
    out.println(summary);
    out.println("results in " + dir.path());
    return Main.EXIT_OK;
  }

  /**
   * {@code --resume RUN_DIR}: the run's own config, nothing overridden (a changed config would
   * not continue the same run).
   */
  private int resume(CommandLine cl, String[] args, RankOptions ranks, PrintStream out)
      throws Exception {
    for (String other : List.of("config", "set", "run-dir", "data-dir")) {
      if (cl.hasOption(other)) {
        throw new IllegalArgumentException("--resume cannot be combined with --" + other
            + " (a resumed run uses the config.yaml it was started with)");
      }
    }
    RunDirectory dir = RunDirectory.reopen(Path.of(cl.getOptionValue("resume")));
    if (!Files.isRegularFile(dir.configFile())) {
      throw new IllegalArgumentException("cannot resume " + dir.path() + ": it has no "
          + RunDirectory.CONFIG_FILE + " (not a run directory?)");
    }
    if (Files.exists(dir.resultFile())) {
      out.println("run " + dir.path() + " is already complete (" + RunDirectory.RESULT_FILE
          + " exists); nothing to resume");
      return Main.EXIT_OK;
    }
    RunConfig config = RunConfigLoader.load(dir.configFile(), List.of());
    ranks.requireDivisible(config.train().batchSize());
    // A GPU asked for where libtorch sees none fails now, before a directory or a rank exists.
    TorchDevice.of(config.train().device(), 0);
    Optional<StoreLocation> store = landmarkStore(cl, config, ranks);
    if (ranks.ranks() > 0) {
      return RankProcesses.run(RankOptions.withoutRanks(args), ranks.ranks());
    }
    if (ranks.rendezvous().isPresent()) {
      return runRank(config, dir.path(), true, ranks.rendezvous().get(), store, out);
    }
    out.println("run directory: " + dir.path() + " (resuming)");
    String summary = search.apply(store).run(config, dir, out, true);
    out.println(summary);
    out.println("results in " + dir.path());
    return Main.EXIT_OK;
  }

  /**
   * The store of {@code --store} (else the default one) when the config queues the training of
   * new landmarks; {@code --store} without {@code landmarks.queue} would be ignored, so it is
   * refused. In a data-parallel run every rank is given it and rank 0 alone opens it.
   */
  private static Optional<StoreLocation> landmarkStore(CommandLine cl, RunConfig config,
      RankOptions ranks) {
    boolean queued = config.landmarks().queued() && config.landmarks().rounds() > 1;
    if (!queued) {
      if (cl.hasOption("store")) {
        throw new IllegalArgumentException("--store is used only by landmark rounds with"
            + " landmarks.queue: wait or continue (this run has queue " + config.landmarks()
            .queue() + " and " + config.landmarks().rounds() + " round(s))");
      }
      return Optional.empty();
    }
    return Optional.of(StoreOption.location(cl));
  }

  /**
   * One rank of a data-parallel run. Rank 0 creates the run directory before it joins the group,
   * so the others, which join after it, find it (on a shared file system; elsewhere they create
   * an empty one: they write nothing, and read it only to resume). Ranks other than 0 print
   * nothing but their end.
   */
  private static int runRank(RunConfig config, Path path, boolean resume, Rendezvous r,
      Optional<StoreLocation> store, PrintStream out) throws java.io.IOException {
    RunDirectory dir;
    if (r.leads() && !resume) {
      dir = RunDirectory.create(path);
      dir.writeConfig(RunConfigLoader.toYaml(config));
      out.println("run directory: " + dir.path() + " (rank 0 of " + r.world() + ")");
    } else if (r.leads()) {
      dir = RunDirectory.reopen(path);
      out.println("run directory: " + dir.path() + " (resuming, rank 0 of " + r.world() + ")");
    } else {
      dir = null;
    }
    PrintStream progress = r.leads() ? out
        : new PrintStream(java.io.OutputStream.nullOutputStream());
    // Gloo on the CPU, NCCL on a GPU: the device is resolved per rank (one GPU each).
    try (RankGroup group = RankGroup.join(r, RANK_TIMEOUT,
        TorchDevice.of(config.train().device(), r.rank()))) {
      if (dir == null) {
        Files.createDirectories(path);
        dir = RunDirectory.open(path);
      }
      SearchOutcome<?> outcome = store.isEmpty()
          ? SupernetSearch.run(config, dir, progress, resume, group)
          : SupernetSearch.run(config, dir, progress, resume, group, StoreLandmarkScores.opener(
              store.get(), config.landmarks().queueProtocol()));
      RankGroup.AllreduceCost cost = group.allreduceCost();
      long steps = Math.max(1, outcome.steps());
      out.println(r.leads() ? outcome.summary() + System.lineSeparator() + "results in "
          + dir.path() : String.format(Locale.ROOT, "rank %d of %d done: %d steps",
          r.rank(), r.world(), outcome.steps()));
      // Resumed runs count earlier processes' steps too: then the per-step figures are low.
      out.printf(Locale.ROOT, "rank %d allreduce: %d calls, %.1f MB, %.2f s waiting"
              + " (%.2f ms and %.1f kB per step)%n", r.rank(), cost.calls(), cost.bytes() / 1e6,
          cost.seconds(), 1e3 * cost.seconds() / steps, cost.bytes() / 1e3 / steps);
    }
    return Main.EXIT_OK;
  }

  /**
   * A run that failed on its input before computing anything (e.g. a missing data directory)
   * leaves no directory behind; one with metrics or weights is kept whatever happened.
   */
  private static void discardIfEmpty(RunDirectory dir) {
    try (java.util.stream.Stream<Path> files = Files.list(dir.path())) {
      List<Path> left = files.toList();
      boolean onlyConfig = left.stream().allMatch(p -> p.equals(dir.configFile()));
      if (onlyConfig) {
        for (Path p : left) {
          Files.deleteIfExists(p);
        }
        Files.deleteIfExists(dir.path());
      }
    } catch (java.io.IOException ignored) {
      // best effort: the original error is what the user needs to see
    }
  }

  /** {@code runs/<name>-<stamp>}, with a {@code -2}, {@code -3}... suffix if taken. */
  private Path defaultRunDir(String name) {
    String base = name + "-" + LocalDateTime.now(clock).format(STAMP);
    Path candidate = runsRoot.resolve(base);
    for (int i = 2; Files.exists(candidate); i++) {
      candidate = runsRoot.resolve(base + "-" + i);
    }
    return candidate;
  }
}
