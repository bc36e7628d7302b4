package org.landmarknas.torch;

import java.util.Optional;
import java.util.OptionalDouble;
import org.landmarknas.run.EpochRecord;

/**
 * What one epoch of super-net training measured: the first part of its {@code metrics.jsonl}
 * line.
 *
 * @param epoch the epoch, 1-based
 * @param steps the steps it took
 * @param lr its learning rate
 * @param trainLoss mean training loss over its images
 * @param trainAccuracy training accuracy over its images, in [0, 1]
 * @param seconds wall-clock time of its steps
 * @param latencyMs step latency percentiles p50, p90, p99 and the maximum, in milliseconds
 * @param landmarks the landmark term's figures, when the epoch had one
 */
public record EpochStats(int epoch, int steps, double lr, double trainLoss, double trainAccuracy,
    double seconds, double[] latencyMs, Optional<Landmarks> landmarks) {

  /**
   * The landmark term over an epoch.
   *
   * @param lambda mean λ over the steps
   * @param loss mean ranking loss over the steps that had the term (NaN when none had: λ = 0)
   * @param activePairs share of sampled pairs with a gradient (NaN when none was sampled)
   */
  public record Landmarks(double lambda, double loss, double activePairs) {}

  /**
   * The epoch's metrics record; {@code landmarkKdt} (the landmarks' own tau, measured after the
   * epoch) goes before the landmark figures.
   */
  EpochRecord toRecord(OptionalDouble landmarkKdt) {
    EpochRecord r = EpochRecord.training(epoch, steps, lr, trainLoss, trainAccuracy, seconds,
        latencyMs);
    Double kdt = landmarkKdt.isPresent() ? landmarkKdt.getAsDouble() : null;
    return landmarks.isEmpty() ? r.withLandmarkTerm(kdt, null, null, null)
        : r.withLandmarkTerm(kdt, landmarks.get().lambda(), landmarks.get().loss(),
            landmarks.get().activePairs());
  }
}
