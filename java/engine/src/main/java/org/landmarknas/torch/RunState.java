package org.landmarknas.torch;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.landmarknas.bench.EvaluationPool;
import org.landmarknas.config.EvaluateConfig;
import org.landmarknas.landmark.LandmarkSet;
import org.landmarknas.run.Checkpoints;
import org.landmarknas.run.EpochRecord;

/**
 * What a search run has done so far and must carry into its checkpoints: epochs and steps, the
 * metrics records, the last pool scoring, the current landmarks and the last checkpoint. A
 * resumed run starts from a checkpoint's copy of it.
 *
 * @param <A> the architecture type of the run's space
 */
final class RunState<A> {
  private int epochsDone;
  private long steps;
  private double trainSeconds; // training steps only: pool, landmark and round scorings apart
  private double lastLoss = Double.NaN;
  private final List<EpochRecord> records = new ArrayList<>();
  private Optional<PoolResult<A>> lastPool = Optional.empty();
  private LandmarkSet<A> landmarks;
  private OptionalInt lastCheckpoint = OptionalInt.empty();
  private List<A> restoredPending = List.of();

  /** The state of a run that starts with {@code landmarks}. */
  RunState(LandmarkSet<A> landmarks) {
    this.landmarks = landmarks;
  }

  /**
   * Continues from the newest intact checkpoint, if there is one, into {@code net}, {@code
   * sposStep}'s optimizer and {@code policy}'s own state, adding its cost to {@code clock}.
   */
  void resume(Checkpoints checkpoints, Supernet<A> net, SposStep<A> sposStep,
      SamplingPolicy<A> policy, RunClock clock, Optional<EvaluationPool<A>> pool,
      EvaluateConfig eval, int epochs, PrintStream progress) {
    Optional<Checkpoints.Checkpoint> found = checkpoints.latestValid(
        w -> progress.println("warning: " + w));
    if (found.isEmpty()) {
      progress.printf(Locale.ROOT, "no intact checkpoint in %s: starting at epoch 1%n",
          checkpoints.root());
      return;
    }
    SearchCheckpoint.Restored<A> restored = SearchCheckpoint.restore(found.get(), net,
        sposStep.optimizer(), landmarks.space());
    policy.restore(found.get().dir());
    SearchCheckpoint.State<A> st = restored.state();
    epochsDone = st.epochsDone();
    steps = st.steps();
    trainSeconds = st.trainSeconds();
    lastLoss = st.lastLoss();
    clock.addPrior(st.wallSeconds(), st.cpuSeconds());
    records.addAll(st.metrics());
    restoredPending = st.pendingLandmarks();
    restored.landmarks().ifPresent(l -> landmarks = l);
    if (st.lastPoolScores().isPresent() && pool.isPresent()) {
      lastPool = Optional.of(PoolResult.of(st.lastPoolScores().get(), pool.get(), eval.topK(),
          eval.measure(), st.lastPoolSeconds()));
    }
    lastCheckpoint = OptionalInt.of(epochsDone);
    progress.printf(Locale.ROOT, "resuming after epoch %d of %d from %s%n", epochsDone, epochs,
        found.get().dir());
  }

  /** Records a trained epoch: its stats, its metrics line and the step count after it. */
  void epochDone(EpochStats stats, EpochRecord record, long stepsAfter) {
    epochsDone = stats.epoch();
    steps = stepsAfter;
    trainSeconds += stats.seconds();
    lastLoss = stats.trainLoss();
    records.add(record);
  }

  /** The counters a checkpoint after the last finished epoch stores. */
  SearchCheckpoint.State<A> checkpointState(RunClock clock, List<A> pendingLandmarks) {
    return new SearchCheckpoint.State<>(epochsDone, steps, trainSeconds, lastLoss, records,
        lastPool.map(PoolResult::scores), lastPool.map(PoolResult::seconds).orElse(0.0),
        clock.wallSeconds(), clock.cpuSeconds(), pendingLandmarks);
  }

  /**
   * The landmarks a resumed continue-mode run had asked the queue for and not yet received:
   * without them, their scores would arrive and never be picked up. Empty for a fresh run.
   */
  List<A> restoredPending() {
    return restoredPending;
  }

  /** What a divergence error says about the checkpoint a rerun would resume from. */
  String checkpointNote(Checkpoints checkpoints) {
    return lastCheckpoint.isEmpty()
        ? "no checkpoint was written before it"
        : "the last good checkpoint (after epoch " + lastCheckpoint.getAsInt() + ") is kept in "
            + checkpoints.root();
  }

  int epochsDone() {
    return epochsDone;
  }

  long steps() {
    return steps;
  }

  double trainSeconds() {
    return trainSeconds;
  }

  double lastLoss() {
    return lastLoss;
  }

  List<EpochRecord> records() {
    return records;
  }

  Optional<PoolResult<A>> lastPool() {
    return lastPool;
  }

  void poolScored(PoolResult<A> result) {
    lastPool = Optional.of(result);
  }

  LandmarkSet<A> landmarks() {
    return landmarks;
  }

  void landmarksGrown(LandmarkSet<A> grown) {
    landmarks = grown;
  }

  OptionalInt lastCheckpoint() {
    return lastCheckpoint;
  }

  void checkpointed() {
    lastCheckpoint = OptionalInt.of(epochsDone);
  }
}
