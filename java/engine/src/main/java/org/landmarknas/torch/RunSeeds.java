package org.landmarknas.torch;

import java.util.SplittableRandom;
import org.landmarknas.run.EpochStreams;

/**
 * The random streams of a search run, all from its one seed, in the order the root stream has
 * always been drawn (split seed, weight-init seed, pool, landmarks, epoch streams): that order
 * fixes every number of a run, so it lives in one place. {@code evaluate} replays the split seed
 * to recalibrate BatchNorm on the run's own super-net half.
 *
 * @param splitSeed seed of the 50/50 split of the training images
 * @param initSeed seed of the super-net's initial weights
 * @param pool the draw of the evaluation pool
 * @param landmarks the draw of the initial landmarks
 * @param epochs the per-(purpose, epoch) streams of training and the work after it
 */
record RunSeeds(long splitSeed, long initSeed, SplittableRandom pool,
    SplittableRandom landmarks, EpochStreams epochs) {

  /** The streams of a run with root seed {@code seed}. */
  static RunSeeds of(long seed) {
    SplittableRandom root = new SplittableRandom(seed);
    long splitSeed = root.nextLong();
    long initSeed = root.nextLong();
    SplittableRandom pool = root.split();
    SplittableRandom landmarks = root.split();
    return new RunSeeds(splitSeed, initSeed, pool, landmarks, new EpochStreams(root.nextLong()));
  }
}
