package org.landmarknas.landmark;

/**
 * The penalty for one landmark pair as a function of {@code x = L_better - L_worse}, where
 * {@code L} is a landmark's cross-entropy on the rank batch and the better landmark is the one
 * with the higher stand-alone score. The pair is in the right order when {@code x < 0}, so every
 * loss here is non-decreasing in {@code x}. Parse config ids with {@link RankingLosses#parse}.
 */
public interface RankingLoss {

  /** The penalty at {@code x}. */
  double value(double x);

  /** d value / dx at {@code x} (the right-hand derivative where there is a kink). */
  double derivative(double x);

  /** The config id that {@link RankingLosses#parse} turns back into an equal loss. */
  String id();
}
