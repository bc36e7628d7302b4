package org.landmarknas.torch;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Predicate;
import org.landmarknas.bench.EvaluationPool;
import org.landmarknas.config.EvaluateConfig;
import org.landmarknas.config.LandmarksConfig;
import org.landmarknas.config.RunConfig;
import org.landmarknas.metric.RankingReport;
import org.landmarknas.run.Checkpoints;
import org.landmarknas.run.EpochRecord;
import org.landmarknas.run.EpochStreams;
import org.landmarknas.run.MetricsLog;
import org.landmarknas.run.PoolScoring;
import org.landmarknas.run.RunDirectory;

/**
 * One epoch of a search run after another: train it, then what follows an epoch in order —
 * the landmarks' own tau, the pool's scoring, a landmark round, the run state, the checkpoint,
 * the metrics line, the weights and the listeners. In a data-parallel run only rank 0 scores and
 * writes; a round's grown landmark set comes from rank 0.
 *
 * @param <A> the architecture type of the run's space
 */
final class EpochLoop<A> {
  private final RunConfig config;
  private final RunDirectory dir;
  private final SearchSession<A> session;
  private final SearchInputs<A> inputs;
  private final RunState<A> state;
  private final EpochTrainer<A> trainer;
  private final SposStep<A> sposStep;
  private final Checkpoints checkpoints;
  private final RunClock clock;
  private final EpochStreams streams;
  private final DataParallelRun ranks;
  private final SearchHooks hooks;
  private final PrintStream progress;
  private final boolean lead;
  private final Predicate<A> inPool;
  private final Set<Integer> roundEnds;
  private final LandmarkGrowth<A> growth;

  EpochLoop(RunConfig config, RunDirectory dir, SearchSession<A> session,
      SearchInputs<A> inputs, RunState<A> state, EpochTrainer<A> trainer, SposStep<A> sposStep,
      Checkpoints checkpoints, RunClock clock, EpochStreams streams, DataParallelRun ranks,
      SearchHooks hooks, PrintStream progress) {
    this.config = config;
    this.dir = dir;
    this.session = session;
    this.inputs = inputs;
    this.state = state;
    this.trainer = trainer;
    this.sposStep = sposStep;
    this.checkpoints = checkpoints;
    this.clock = clock;
    this.streams = streams;
    this.ranks = ranks;
    this.hooks = hooks;
    this.progress = progress;
    this.lead = ranks.parallel().leads();
    // New landmarks must stay out of the (fixed) evaluation pool, equivalents included, as the
    // first ones are.
    this.inPool = inputs.pool().map(EvaluationPool::members).orElse(a -> false);
    this.roundEnds = LandmarkRounds.ends(config.train().epochs(), config.landmarks().rounds());
    this.growth = LandmarkGrowth.of(config, session.space(), inPool, inputs.landmarkTruth(),
        hooks, lead, progress);
    growth.resumePending(state.restoredPending());
  }

  /**
   * Trains and finishes epoch {@code epoch} (0-based).
   *
   * @param metrics the run's metrics log; null on ranks other than 0
   */
  void run(int epoch, MetricsLog metrics) {
    LandmarksConfig lc = config.landmarks();
    Optional<LandmarkTerm<A>> term = LandmarkTerm.of(session.net(), state.landmarks(), lc);
    EpochStats stats = trainer.train(epoch, term, state.checkpointNote(checkpoints));
    OptionalDouble landmarkKdt = term.isEmpty() || !lead ? OptionalDouble.empty()
        : OptionalDouble.of(SupernetScoring.landmarkTau(state.landmarks(), session.valScorer(),
            config.evaluate().measure(), streams.stream(EpochStreams.Purpose.LANDMARK_EVALUATION, epoch)));
    EpochRecord record = stats.toRecord(landmarkKdt);
    Optional<PolicyFigures> figures = trainer.sampling().figures(epoch);
    if (figures.isPresent()) {
      PolicyFigures f = figures.get();
      record = record.withPolicy(f.tau(), f.alphaEntropy(), f.controllerLoss(), f.naoPool(),
          f.naoSeconds());
    }
    Optional<RankingReport> ranking = Optional.empty();
    if (lead && inputs.pool().isPresent() && scoresPoolAfter(epoch)) {
      boolean last = epoch + 1 == config.train().epochs();
      // A kill in a long scoring resumes the epoch; the journal keeps what was scored of it.
      PoolScoreJournal<A> journal = PoolScoreJournal.of(dir.poolJournalFile(epoch + 1),
          session.space(), epoch + 1, config.evaluate().poolImages(last),
          session.net().weightsFingerprint());
      PoolResult<A> pr = SupernetScoring.scorePool(inputs.pool().get(), session.testScorer(),
          config.evaluate(), last, streams.stream(EpochStreams.Purpose.EVALUATION, epoch),
          progress, "epoch " + (epoch + 1), Optional.of(journal));
      record = record.withPoolScoring(pr.ranking(), pr.seconds());
      state.poolScored(pr);
      ranking = Optional.of(pr.report());
      // Every scoring is kept, so the S-KdT curve can be recomputed against another ground
      // truth of the same pool (e.g. a mean over more stand-alone seeds).
      dir.writePoolScoring(new PoolScoring(epoch + 1, pr.poolScores(session.space())));
      journal.delete();
    }
    boolean grows = roundEnds.contains(epoch + 1);
    if (growth.picksUp()) {
      // continue mode: scores that arrived join before the round ranks its new candidates
      grows |= pickUpLandmarks(epoch);
    }
    if (roundEnds.contains(epoch + 1)) {
      growLandmarks(epoch);
    }
    boolean withLandmarks = term.isPresent() || grows;
    if (withLandmarks) {
      record = record.withLandmarks(state.landmarks().size());
    }
    state.epochDone(stats, record, trainer.steps());
    if (lead) {
      if (config.train().checkpointAfter(epoch + 1)) {
        checkpoint();
      }
      metrics.append(record);
      session.net().save(dir.weightsFile()); // atomic: the last finished epoch survives
    }
    if (epoch + 1 == config.train().epochs()) {
      growth.close(); // no round and no pick-up after the last epoch
    }
    hooks.epochFinished(new EpochEvent(config.train().epochs(), stats, landmarkKdt, ranking,
        withLandmarks ? state.landmarks().size() : 0));
  }

  private boolean scoresPoolAfter(int epoch) {
    EvaluateConfig eval = config.evaluate();
    return epoch == config.train().epochs() - 1
        || (eval.every() > 0 && (epoch + 1) % eval.every() == 0);
  }

  /** A landmark round: rank 0 grows the set (its BatchNorm buffers scored it) and sends it. */
  private void growLandmarks(int epoch) {
    state.landmarksGrown(ranks.fromLeader(state.landmarks(), () -> growth.grow(
        state.landmarks(), session.valScorer(),
        streams.stream(EpochStreams.Purpose.SEARCH, epoch), epoch + 1)));
    if (lead) {
      state.landmarks().writeCsv(dir.landmarksFile());
    }
  }

  /** Continue mode: rank 0 adds the landmarks whose scores arrived; true when some did. */
  private boolean pickUpLandmarks(int epoch) {
    int before = state.landmarks().size();
    state.landmarksGrown(ranks.fromLeader(state.landmarks(),
        () -> growth.pickUp(state.landmarks(), epoch + 1)));
    if (state.landmarks().size() == before) {
      return false;
    }
    if (lead) {
      state.landmarks().writeCsv(dir.landmarksFile());
    }
    return true;
  }

  private void checkpoint() {
    try {
      SearchCheckpoint.save(checkpoints, session.net(), sposStep.optimizer(), state.landmarks(),
          state.checkpointState(clock, growth.pending()), trainer.sampling());
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException(e.getMessage() + "; " + (state.lastCheckpoint().isEmpty()
          ? "no earlier checkpoint exists"
          : "the checkpoint after epoch " + state.lastCheckpoint().getAsInt() + " is intact"),
          e.getCause());
    }
    state.checkpointed();
  }
}
