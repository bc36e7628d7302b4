package org.landmarknas.torch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

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
   * The epoch's metrics record, keys in the order of {@code metrics.jsonl}; {@code landmarkKdt}
   * (the landmarks' own tau, measured after the epoch) goes before the landmark figures.
   */
  Map<String, Object> toRecord(OptionalDouble landmarkKdt) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("epoch", epoch);
    r.put("steps", steps);
    r.put("lr", lr);
    r.put("train_loss", trainLoss);
    r.put("train_acc", trainAccuracy);
    r.put("seconds", seconds);
    r.put("steps_per_s", steps / seconds);
    r.put("step_ms_p50", latencyMs[0]);
    r.put("step_ms_p90", latencyMs[1]);
    r.put("step_ms_p99", latencyMs[2]);
    r.put("step_ms_max", latencyMs[3]);
    landmarkKdt.ifPresent(t -> r.put("landmark_kdt", t));
    landmarks.ifPresent(l -> {
      r.put("lambda", l.lambda());
      r.put("landmark_loss", l.loss());
      r.put("active_pairs", l.activePairs());
    });
    return r;
  }
}
