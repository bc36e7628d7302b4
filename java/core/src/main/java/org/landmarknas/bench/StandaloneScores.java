package org.landmarknas.bench;

import java.util.OptionalDouble;

/**
 * Where stand-alone accuracies (percent) come from: a published table or CSV today
 * ({@link GroundTruth}); a results store that trains missing architectures with the stand-alone
 * trainer once the ground-truth issue lands. The multi-round landmark pipeline asks this for the
 * scores of its new landmarks.
 */
@FunctionalInterface
public interface StandaloneScores<A> {

  /** The stand-alone score of {@code arch}, when known (or obtainable) here. */
  OptionalDouble score(A arch);
}
