package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.set_num_threads;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.landmarknas.bench.EvaluationPool;
import org.landmarknas.bench.GroundTruth;
import org.landmarknas.config.EvaluateConfig;
import org.landmarknas.config.LandmarksConfig;
import org.landmarknas.config.RunConfig;
import org.landmarknas.config.TrainConfig;
import org.landmarknas.landmark.LandmarkScoreSource;
import org.landmarknas.landmark.LandmarkSet;
import org.landmarknas.run.Checkpoints;
import org.landmarknas.run.EpochStreams;
import org.landmarknas.run.MetricsLog;
import org.landmarknas.run.RunDirectory;
import org.landmarknas.search.ArchScore;
import org.landmarknas.search.SearchResult;
import org.landmarknas.space.SearchSpace;

/**
 * A whole SPOS search run: read its inputs, build the {@link SearchSession} (images, split,
 * super-net, scorers), train epoch by epoch with the {@link EpochTrainer} (one metrics line per
 * epoch, the pool ranked against its ground truth when one is configured, landmarks grown by
 * {@link LandmarkRounds}, a checkpoint after each epoch), then score a sample of architectures
 * on the test split, run the configured search strategy and write {@code result.json}.
 *
 * <p>Randomness: one root seed, split by {@link RunSeeds} into independent streams for the data
 * split, weight init, pool, landmarks and each (purpose, epoch), so changing one part (e.g. the
 * number of evaluated architectures) leaves the others unchanged, and a resumed run draws
 * exactly what the uninterrupted one did.
 */
public final class SupernetSearch {
  private SupernetSearch() {}

  /** A new run in {@code dir} (which holds only its config). */
  public static SearchOutcome<?> run(RunConfig config, RunDirectory dir, PrintStream progress) {
    return run(config, dir, progress, false);
  }

  /**
   * A run in {@code dir}; with {@code resume}, continues from the newest intact checkpoint there
   * (or starts over when there is none), and ends exactly as the uninterrupted run would.
   */
  public static SearchOutcome<?> run(RunConfig config, RunDirectory dir, PrintStream progress,
      boolean resume) {
    return run(config, dir, progress, resume, SearchHooks.none());
  }

  /**
   * {@link #run(RunConfig, RunDirectory, PrintStream, boolean)} with {@code opener} as the queue
   * that trains the new landmarks of {@code landmarks.queue}.
   */
  public static SearchOutcome<?> run(RunConfig config, RunDirectory dir, PrintStream progress,
      boolean resume, LandmarkScoreSource.Opener opener) {
    return run(config, dir, progress, resume, SearchHooks.withLandmarkScores(opener));
  }

  /** {@link #run(RunConfig, RunDirectory, PrintStream, boolean)} with listeners and cancel. */
  static SearchOutcome<?> run(RunConfig config, RunDirectory dir, PrintStream progress,
      boolean resume, SearchHooks hooks) {
    return run(SupernetSpaces.byName(config.space()), config, dir, progress, resume, hooks,
        Optional.empty());
  }

  /**
   * One rank of a data-parallel run of {@code group.world()} processes (see {@link
   * DataParallelRun}): every rank trains its shard of each step; rank 0 alone writes {@code
   * dir}, scores and searches, and the others return an outcome without scores.
   */
  public static SearchOutcome<?> run(RunConfig config, RunDirectory dir, PrintStream progress,
      boolean resume, RankGroup group) {
    return run(SupernetSpaces.byName(config.space()), config, dir, progress, resume,
        SearchHooks.none(), Optional.of(group));
  }

  /**
   * One rank of a data-parallel run whose landmark rounds queue their new landmarks' trainings
   * through {@code opener}: rank 0 alone opens it, asks and waits, the other ranks wait for the
   * grown set at their next collective (so a wait longer than the group's timeout fails the run;
   * it resumes from the checkpoint before the round).
   */
  public static SearchOutcome<?> run(RunConfig config, RunDirectory dir, PrintStream progress,
      boolean resume, RankGroup group, LandmarkScoreSource.Opener opener) {
    return run(SupernetSpaces.byName(config.space()), config, dir, progress, resume,
        SearchHooks.withLandmarkScores(opener), Optional.of(group));
  }

  /** The run in the space {@code config} names, with its architecture type bound. */
  private static <A> SearchOutcome<A> run(SupernetSpace<A> supernetSpace, RunConfig config,
      RunDirectory dir, PrintStream progress, boolean resume, SearchHooks hooks,
      Optional<RankGroup> group) {
    RunClock clock = new RunClock();
    SearchSpace<A> space = supernetSpace.space();
    TrainConfig train = config.train();
    EvaluateConfig eval = config.evaluate();
    LandmarksConfig lc = config.landmarks();
    Libtorch.load();
    set_num_threads(train.threads());
    RunSeeds seeds = RunSeeds.of(config.seed());
    // Inputs that can be wrong are read before any training; the images last (a missing
    // directory), before anything is written, so a run that fails on its input leaves its
    // directory empty.
    SearchInputs<A> inputs = SearchInputs.read(space, config, seeds);
    // A rank trains on its group's device (one GPU per rank); a single process on the config's.
    TorchDevice device = group.map(RankGroup::device)
        .orElseGet(() -> TorchDevice.of(train.device(), 0));
    SearchSession<A> session = SearchSession.forTraining(supernetSpace, config, seeds, device);
    DataParallelRun ranks = DataParallelRun.of(group, session.net());
    boolean lead = ranks.parallel().leads();
    if (lead) {
      prepare(config, dir, inputs, session, progress);
    }

    SposStep<A> sposStep = new SposStep<>(session.net(), train);
    Checkpoints checkpoints = new Checkpoints(dir.path(), train.keepCheckpoints());
    EpochStreams streams = seeds.epochs();
    SamplingPolicy<A> policy = SamplingPolicies.create(config, session, streams, progress);
    RunState<A> state = new RunState<>(inputs.initialLandmarks());
    if (resume) {
      state.resume(checkpoints, session.net(), sposStep, policy, clock, inputs.pool(), eval,
          train.epochs(), progress);
      ranks.requireSameEpoch(state.epochsDone());
      if (lead) {
        dir.rewriteMetrics(state.records());
      }
    }
    // Written after the resume decision: a resumed run's file holds the set of its checkpoint
    // (grown by rounds), which the initial set must not overwrite, even for a moment. (A
    // checkpoint keeps landmarks only when there are some.)
    if (lead && state.landmarks().size() > 0) {
      state.landmarks().writeCsv(dir.landmarksFile());
    }
    EpochTrainer<A> trainer = new EpochTrainer<>(session, sposStep, train, lc, policy, streams,
        progress, state.steps(), hooks, ranks.parallel());
    EpochLoop<A> loop = new EpochLoop<>(config, dir, session, inputs, state, trainer, sposStep,
        checkpoints, clock, streams, ranks, hooks, progress);
    // Only rank 0 opens the log (a null resource is allowed and never closed).
    try (MetricsLog metrics = lead ? dir.openMetrics() : null) {
      for (int epoch = state.epochsDone(); epoch < train.epochs(); epoch++) {
        loop.run(epoch, metrics);
      }
    }
    hooks.checkCancelled(state.epochsDone());
    if (!lead) {
      ranks.awaitLeader(); // rank 0 scores and searches alone
      return followerOutcome(train, state);
    }
    SearchOutcome<A> outcome = finish(config, dir, session, inputs, state, streams, clock,
        resume, progress, policy);
    ranks.awaitLeader();
    return outcome;
  }

  /**
   * Rank 0's work before training: the pool file, the run's description, and a check that the
   * disk holds what the run will write.
   */
  private static <A> void prepare(RunConfig config, RunDirectory dir, SearchInputs<A> inputs,
      SearchSession<A> session, PrintStream progress) {
    inputs.pool().ifPresent(p -> writePool(dir, p));
    describe(config, inputs, session, progress);
    // Each checkpoint holds the weights and the momentum buffers; supernet.pt is one more copy.
    TrainConfig train = config.train();
    long weightBytes = 4L * session.net().parameterCount();
    dir.requireFreeSpace((2L * train.keepCheckpoints() + 1) * 2 * weightBytes + (16L << 20),
        train.keepCheckpoints() + " checkpoints and the weights");
  }

  /** What a rank other than 0 returns: its training, no scores (rank 0 alone scores). */
  private static <A> SearchOutcome<A> followerOutcome(TrainConfig train, RunState<A> state) {
    return new SearchOutcome<>(Optional.empty(), train.epochs(), state.steps(),
        state.trainSeconds(), state.lastLoss(), List.of(), Optional.empty(), List.of(), null);
  }

  /** After training: the sampled architectures, the final search and {@code result.json}. */
  private static <A> SearchOutcome<A> finish(RunConfig config, RunDirectory dir,
      SearchSession<A> session, SearchInputs<A> inputs, RunState<A> state,
      EpochStreams streams, RunClock clock, boolean resumed, PrintStream progress,
      SamplingPolicy<A> policy) {
    int after = config.train().epochs(); // the streams of the work after training
    List<ArchScore<A>> scores = SupernetScoring.scoreSample(session.space(),
        session.testScorer(), config.evaluate(),
        streams.stream(EpochStreams.Purpose.EVALUATION, after), progress);
    SplittableRandom searchRng = streams.stream(EpochStreams.Purpose.SEARCH, after);
    Optional<List<A>> finalists = policy.finalists(searchRng);
    Optional<SearchResult<A>> search = finalists.isPresent()
        ? Optional.of(StrategyRun.scoreFinalists(policy.name(), finalists.get(),
            session.valScorer(), searchRng, progress))
        : config.search().strategy().equals("none") ? Optional.empty()
        : Optional.of(StrategyRun.run(session.space(), config.search(), session.valScorer(),
            searchRng, progress, "search",
            inputs.pool().map(EvaluationPool::archs).orElse(List.of())));
    SearchOutcome<A> outcome = new SearchOutcome<>(Optional.of(dir.path()),
        config.train().epochs(), state.steps(), state.trainSeconds(), state.lastLoss(), scores,
        state.lastPool().map(PoolResult::report),
        search.map(r -> StrategyRun.distinctTop(session.space(), r, config.search().topK()))
            .orElse(List.of()),
        inputs.truth().orElse(null));
    dir.writeResult(RunResultJson.of(config, session, outcome, clock, state.lastPool(), search,
        inputs.truth(), resumed));
    return outcome;
  }

  private static <A> void describe(RunConfig config, SearchInputs<A> inputs,
      SearchSession<A> session, PrintStream progress) {
    progress.printf(Locale.ROOT, "data: %s, %d training images (%d super-net / %d rank half),"
            + " %d test images%n", session.dataset().name(), session.dataset().train().count(),
        session.split().supernetSize(), session.split().rankSize(),
        session.dataset().test().count());
    inputs.pool().ifPresent(p -> progress.printf(Locale.ROOT,
        "evaluation pool: %d architectures with ground truth from %s%n", p.size(),
        inputs.truth().map(GroundTruth::source).orElseThrow()));
    NetworkShape shape = session.shape();
    progress.printf(Locale.ROOT, "super-net: %s C=%d N=%d, %,d parameters, %d threads, %s%n",
        session.space().id(), shape.channels(), shape.cells(), session.net().parameterCount(),
        config.train().threads(), session.net().precision().id());
    Bf16Units.warningHere(config).ifPresent(progress::println);
    LandmarksConfig lc = config.landmarks();
    LandmarkSet<A> l = inputs.initialLandmarks();
    if (l.size() >= 2) {
      progress.printf(Locale.ROOT, "landmarks: %d (scores %.2f..%.2f), %d pair(s)/step by %s,"
              + " %s loss, lambda %s to %.2f after %d warm-up epochs, lazy backward: %s,"
              + " %d round(s)%n", l.size(), l.get(0).score(), l.get(l.size() - 1).score(),
          lc.pairs(), lc.pairSampler(), lc.loss(), lc.schedule(), lc.lambdaMax(), lc.warmup(),
          lc.lazy(), lc.rounds());
    }
  }

  private static <A> void writePool(RunDirectory dir, EvaluationPool<A> pool) {
    // atomic: evaluate reads it, and a resume rewrites it
    GroundTruth.csv(pool.space()).write(dir.poolFile(), pool.archs(), pool.groundTruth());
  }

}
