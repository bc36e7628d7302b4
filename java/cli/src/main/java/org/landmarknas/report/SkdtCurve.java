package org.landmarknas.report;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The S-KdT curve of a group of runs (the seeds of one arm): at each epoch where every run of the
 * group logged S-KdT, the {@link MeanStd} over the runs. Epochs some run lacks (an unfinished
 * run, another evaluation interval) are left out rather than averaged over fewer runs.
 */
final class SkdtCurve {

  private SkdtCurve() {}

  /** {@code {epoch, mean, std}} per epoch, ascending. */
  static List<double[]> of(GroupSummary group) {
    TreeMap<Integer, List<Double>> byEpoch = new TreeMap<>();
    for (RunSummary run : group.runs()) {
      for (EpochMetrics e : run.run().epochs()) {
        OptionalDouble v = e.skdt();
        if (v.isPresent() && Double.isFinite(v.getAsDouble())) {
          byEpoch.computeIfAbsent(e.epoch(), k -> new ArrayList<>()).add(v.getAsDouble());
        }
      }
    }
    List<double[]> curve = new ArrayList<>();
    byEpoch.forEach((epoch, values) -> {
      if (values.size() == group.runs().size()) {
        MeanStd m = MeanStd.of(values);
        curve.add(new double[] {epoch, m.mean(), m.std()});
      }
    });
    return curve;
  }
}
