package org.landmarknas.torch;

import java.util.Optional;
import org.landmarknas.bench.EvaluationPool;
import org.landmarknas.bench.GroundTruth;
import org.landmarknas.config.EvaluateConfig;
import org.landmarknas.config.LandmarksConfig;
import org.landmarknas.config.RunConfig;
import org.landmarknas.landmark.LandmarkSelection;
import org.landmarknas.landmark.LandmarkSet;
import org.landmarknas.space.SearchSpace;

/**
 * The files a search run reads besides its images, read and checked before any training: a bad
 * ground-truth or landmark file fails the run before it writes anything.
 *
 * @param truth the evaluation pool's ground truth, if {@code evaluate.pool} is set
 * @param landmarkTruth stand-alone scores new landmarks come from ({@code
 *     landmarks.ground-truth}, else the pool's ground truth)
 * @param initialLandmarks the landmarks the run starts with (empty without landmarks)
 * @param pool the evaluation pool, drawn from {@code truth} without the landmarks
 * @param <A> the architecture type of the run's space
 */
record SearchInputs<A>(Optional<GroundTruth<A>> truth, Optional<GroundTruth<A>> landmarkTruth,
    LandmarkSet<A> initialLandmarks, Optional<EvaluationPool<A>> pool) {

  /** Reads the inputs of {@code config}, drawing landmarks and pool from {@code seeds}. */
  static <A> SearchInputs<A> read(SearchSpace<A> space, RunConfig config, RunSeeds seeds) {
    EvaluateConfig eval = config.evaluate();
    LandmarksConfig lc = config.landmarks();
    Optional<GroundTruth<A>> truth = eval.poolPath().map(f -> GroundTruth.load(space, f));
    Optional<GroundTruth<A>> landmarkTruth = lc.groundTruthPath().isPresent()
        ? lc.groundTruthPath().map(f -> GroundTruth.load(space, f)) : truth;
    LandmarkSet<A> initial = LandmarkSelection.initial(space, lc,
        landmarkTruth, seeds.landmarks());
    Optional<EvaluationPool<A>> pool = truth.map(t -> EvaluationPool.draw(t, eval.poolSize(),
        seeds.pool(), initial.excluded()));
    return new SearchInputs<>(truth, landmarkTruth, initial, pool);
  }
}
