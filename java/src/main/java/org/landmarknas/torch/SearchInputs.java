package org.landmarknas.torch;

import java.util.Optional;
import org.landmarknas.bench.EvaluationPool;
import org.landmarknas.bench.GroundTruth;
import org.landmarknas.config.EvaluateConfig;
import org.landmarknas.config.LandmarksConfig;
import org.landmarknas.config.RunConfig;
import org.landmarknas.landmark.LandmarkSelection;
import org.landmarknas.landmark.LandmarkSet;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

/**
 * The files a search run reads besides its images, read and checked before any training: a bad
 * ground-truth or landmark file fails the run before it writes anything.
 *
 * @param truth the evaluation pool's ground truth, if {@code evaluate.pool} is set
 * @param landmarkTruth stand-alone scores new landmarks come from ({@code
 *     landmarks.ground-truth}, else the pool's ground truth)
 * @param initialLandmarks the landmarks the run starts with (empty without landmarks)
 * @param pool the evaluation pool, drawn from {@code truth} without the landmarks
 */
record SearchInputs(Optional<GroundTruth<Nb201Arch>> truth,
    Optional<GroundTruth<Nb201Arch>> landmarkTruth,
    LandmarkSet<Nb201Arch> initialLandmarks, Optional<EvaluationPool<Nb201Arch>> pool) {

  /** Reads the inputs of {@code config}, drawing landmarks and pool from {@code seeds}. */
  static SearchInputs read(RunConfig config, RunSeeds seeds) {
    EvaluateConfig eval = config.evaluate();
    LandmarksConfig lc = config.landmarks();
    Optional<GroundTruth<Nb201Arch>> truth = eval.poolPath().map(GroundTruth::load);
    Optional<GroundTruth<Nb201Arch>> landmarkTruth = lc.groundTruthPath().isPresent()
        ? lc.groundTruthPath().map(GroundTruth::load) : truth;
    LandmarkSet<Nb201Arch> initial = LandmarkSelection.initial(Nb201Space.INSTANCE, lc,
        landmarkTruth, seeds.landmarks());
    Optional<EvaluationPool<Nb201Arch>> pool = truth.map(t -> EvaluationPool.draw(t, eval.poolSize(
        ),
        seeds.pool(), initial.excluded()));
    return new SearchInputs(truth, landmarkTruth, initial, pool);
  }
}
